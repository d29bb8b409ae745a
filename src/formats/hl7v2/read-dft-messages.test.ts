import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import type { DftFile } from './dft-types.js';
import { looksDftMessages, readDftMessages } from './read-dft-messages.js';

const DIR = 'test/fixtures/hl7v2';
const fixture = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
/** Values of the fake patient that must never appear in a problem or a warning (PID-5, PID-7). */
const PHI = [/Testpatient/i, /Synthia/i, /19610704/, /1961-07-04/];

function summary(r: ReadResult<DftFile>) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value.messages.flatMap((m) =>
    m.charges.map((c) => [
      m.index,
      c.transactionDate.localDateTime ?? c.transactionDate.date,
      c.transactionDate.utcOffset,
      c.type,
      [c.code, ...c.modifiers].join('-'),
      c.units,
    ]),
  );
}

function noPhi(list: InputProblem[]) {
  for (const p of list) for (const re of PHI) expect(`${p.location} ${p.message}`).not.toMatch(re);
}

describe('readDftMessages on the fixtures', () => {
  it.each([
    [
      'dft-p03-standard.hl7',
      [
        [1, '2026-03-05T10:30:00', '-05:00', 'CG', '77412', 1],
        [1, '2026-03-05T10:30:00', '-05:00', 'CG', '77387-26', 1],
        [2, '2026-03-06T09:10:00', '-05:00', 'CG', '77407', 1],
        [3, '2026-03-06T09:10:00', '-05:00', 'CD', '77407', 1],
      ],
    ],
    [
      'dft-p03-mllp.hl7',
      [
        [1, '2026-03-09T09:30:00', '-05:00', 'CG', '77412', 1],
        [1, '2026-03-09T09:30:00', '-05:00', 'CG', '77387-26', 1],
        [2, '2026-03-10T09:31:00', '-05:00', 'CG', '77412', 1],
      ],
    ],
    [
      'dft-p03-v23-crlf.hl7',
      [
        [1, '2026-03-11T09:30:00', null, 'CG', '77412', 1],
        [1, '2026-03-11T09:30:00', null, 'CG', '77387-26', 1],
        [3, '2026-03-12', null, 'CG', '77407-76', 2],
      ],
    ],
    ['dft-p03-custom-delimiters.hl7', [[1, '2026-03-13T10:15:00', '-05:00', 'CG', '77412-76-GC', 1]]],
  ])('%s', (name, expected) => {
    const r = readDftMessages(fixture(name), name);
    expect(summary(r)).toEqual(expected);
    if (r.ok) noPhi(r.warnings);
    // Names and dates of birth are not even in the records returned.
    const text = JSON.stringify(r);
    for (const re of PHI) expect(text).not.toMatch(re);
  });

  it('reads the header, patient, visit and every charge field of the standard file', () => {
    const r = readDftMessages(fixture('dft-p03-standard.hl7'), 's.hl7');
    if (!r.ok) throw new Error('not ok');
    const [m] = r.value.messages;
    expect(m).toMatchObject({
      source: 's.hl7:message 1',
      sendingApplication: 'ARIA',
      sendingFacility: 'SGRTCLINIC',
      controlId: 'MSG0001',
      version: '2.5.1',
      messageDateTime: { localDateTime: '2026-03-05T10:45:00', date: '2026-03-05', utcOffset: '-05:00' },
      patient: {
        id: 'SYN00417',
        identifiers: [{ id: 'SYN00417', assigningAuthority: 'SGRTCLINIC', typeCode: 'MR' }],
      },
      visit: {
        patientClass: 'O',
        location: { pointOfCare: 'RADONC', room: 'LINAC2', facility: 'SGRTCLINIC' },
        attendingDoctorId: '1234567890',
        visitNumber: 'V26-0042',
      },
    });
    expect(m!.charges[0]).toEqual({
      source: 's.hl7:message 1, FT1[1]',
      setId: 1,
      transactionId: 'TX1001',
      transactionDate: { date: '2026-03-05', localDateTime: '2026-03-05T10:30:00', utcOffset: '-05:00' },
      type: 'CG',
      transactionCode: { code: 'RO77412', text: 'SGRT delivery L3 & DIBH', system: 'CDM' },
      procedureCode: { code: '77412', text: 'Treatment delivery level 3', system: 'C4' },
      code: '77412',
      codeField: 'FT1-25',
      modifiers: [],
      quantity: 1,
      units: 1,
      amountCents: 56451,
      location: {
        pointOfCare: 'RADONC',
        room: 'LINAC2',
        bed: null,
        facility: 'SGRTCLINIC',
        building: null,
        floor: null,
      },
      diagnoses: [{ code: 'C50.912', text: 'Left breast', system: 'I10' }],
      performedBy: ['1234567890'],
      orderedBy: ['1234567890'],
    });
    expect(r.value.messages[2]!.charges[0]).toMatchObject({ type: 'CD', amountCents: -39405 });
    expect(r.warnings).toEqual([{ location: 's.hl7', message: '2 Z-segments (ZFT) ignored' }]);
  });

  it('prefers the MR identifier of PID-3 and skips other message types with a warning', () => {
    const r = readDftMessages(fixture('dft-p03-v23-crlf.hl7'), 'v.hl7');
    if (!r.ok) throw new Error('not ok');
    expect(r.value.messages.map((m) => [m.index, m.patient.id, m.patient.identifiers.length])).toEqual([
      [1, 'SYN00417', 2],
      [3, 'SYN00417', 1],
    ]);
    expect(r.warnings).toEqual([
      { location: 'v.hl7:message 2, MSH.9', message: 'message type ADT^A08 is not DFT^P03: skipped' },
    ]);
  });

  it('decodes escape sequences with the message’s own delimiters', () => {
    const r = readDftMessages(fixture('dft-p03-custom-delimiters.hl7'), 'c.hl7');
    if (!r.ok) throw new Error('not ok');
    expect(r.value.messages[0]!.charges[0]!.transactionCode?.text).toBe('Level 3 # $ % * ! décubitus');
  });

  it('fails the whole file on a bad message, listing every problem (default)', () => {
    const r = readDftMessages(fixture('dft-p03-bad-messages.hl7'), 'b.hl7');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.location)).toEqual([
      'b.hl7:message 2, FT1[1].4',
      'b.hl7:message 3, FT1[2].4',
      'b.hl7:message 4, FT1[1].7',
      'b.hl7:message 5, MSH.2',
      'b.hl7:message 6',
    ]);
    noPhi(r.problems);
  });

  it('skips bad messages with onBadMessage: skip, their problems becoming warnings', () => {
    const r = readDftMessages(fixture('dft-p03-bad-messages.hl7'), 'b.hl7', { onBadMessage: 'skip' });
    if (!r.ok) throw new Error('not ok');
    expect(summary(r)).toEqual([[1, '2026-03-16', null, 'CG', '77412', 1]]);
    expect(r.warnings.filter((w) => w.message === 'message skipped (onBadMessage: skip)')).toHaveLength(5);
    expect(r.warnings.map((w) => w.location)).toContain('b.hl7:message 3, FT1[2].4');
    noPhi(r.warnings);
  });

  it('reads a string as well as bytes, and a file in ISO-8859-1 with a warning', () => {
    const text = readFileSync(`${DIR}/dft-p03-standard.hl7`, 'latin1');
    expect(summary(readDftMessages(text, 's.hl7'))).toHaveLength(4);
    const latin = new Uint8Array(Buffer.from(text.replace('SGRT delivery L3', 'Délivrance'), 'latin1'));
    const r = readDftMessages(latin, 'l.hl7');
    if (!r.ok) throw new Error('not ok');
    expect(r.value.messages[0]!.charges[0]!.transactionCode?.text).toBe(
      'Délivrance \\T\\ DIBH'.replace('\\T\\', '&'),
    );
    expect(r.warnings[0]).toEqual({ location: 'l.hl7', message: 'not UTF-8: read as ISO-8859-1' });
  });
});

const MSH = (type = 'DFT^P03', version = '2.5.1', control = 'C1') =>
  `MSH|^~\\&|ARIA|CLINIC|||20260305||${type}|${control}|P|${version}`;
const PID = 'PID|1||SYN00417^^^CLINIC^MR||Testpatient^Synthia||19610704';
/** An FT1 from its fields by number (FT1-1 is 1 unless given). */
function FT1(fields: Record<number, string>): string {
  const all: Record<number, string> = { 1: '1', ...fields };
  const max = Math.max(...Object.keys(all).map(Number));
  return ['FT1', ...Array.from({ length: max }, (_, i) => all[i + 1] ?? '')].join('|');
}
const CHARGE = FT1({ 4: '20260305', 6: 'CG', 7: '77412^^C4', 10: '1' });
const message = (...segments: string[]) => segments.join('\r');

describe('readDftMessages on small inputs', () => {
  it.each([
    ['an empty file', '', 'x.hl7', 'no HL7 messages: the file is empty'],
    ['blank lines', '\r\n\r\n', 'x.hl7', 'no HL7 messages: the file is empty'],
    [
      'text that is not HL7',
      'hello\nworld',
      'x.hl7',
      'no MSH segment: this is not a file of HL7 v2 messages',
    ],
    ['an MSH-9 that is empty', message(MSH(''), PID, CHARGE), 'x.hl7:message 1, MSH.9', 'MSH-9'],
    ['no PID', message(MSH(), CHARGE), 'x.hl7:message 1', 'no PID segment'],
    ['two PIDs', message(MSH(), PID, PID, CHARGE), 'x.hl7:message 1, PID', 'more than one PID'],
    [
      'an empty PID-3',
      message(MSH(), 'PID|1||||Testpatient^Synthia', CHARGE),
      'x.hl7:message 1, PID.3',
      'PID-3',
    ],
    [
      'a date that is not a date',
      message(MSH(), PID, FT1({ 4: '20260230', 6: 'CG', 7: '77412' })),
      'x.hl7:message 1, FT1[1].4',
      'FT1-4',
    ],
    [
      'a year-only date',
      message(MSH(), PID, FT1({ 4: '2026', 6: 'CG', 7: '77412' })),
      'x.hl7:message 1, FT1[1].4',
      'FT1-4',
    ],
    [
      'a quantity that is not a number',
      message(MSH(), PID, FT1({ 4: '20260305', 6: 'CG', 7: '77412', 10: 'one' })),
      'x.hl7:message 1, FT1[1].10',
      'FT1-10',
    ],
    ['a bad field separator', 'MSHA^~\\&A\rPID|1', 'x.hl7:message 1, MSH.1', 'MSH-1'],
  ])('refuses %s', (_name, text, location, message) => {
    const r = readDftMessages(text, 'x.hl7');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.location).toBe(location);
    expect(r.problems[0]!.message).toContain(message);
    noPhi(r.problems);
  });

  it.each([
    [
      'an unsupported version',
      message(MSH('DFT^P03', '2.7'), PID, CHARGE),
      'x.hl7:message 1, MSH.12',
      'HL7 version 2.7 is not 2.3–2.5.1: read with the 2.5.1 field positions',
    ],
    [
      'a missing version',
      message(MSH('DFT^P03', ''), PID, CHARGE),
      'x.hl7:message 1, MSH.12',
      'MSH-12 version is empty: read with the HL7 2.5.1 field positions',
    ],
    [
      'an empty control ID',
      message(MSH('DFT^P03', '2.5.1', ''), PID, CHARGE),
      'x.hl7:message 1, MSH.10',
      'MSH-10 message control ID is empty',
    ],
    ['no FT1', message(MSH(), PID), 'x.hl7:message 1', 'no FT1 segment: the message has no charges'],
    [
      'unknown segments',
      message(MSH(), PID, 'XYZ|1', 'AL1|1', CHARGE),
      'x.hl7',
      '2 segments that are not part of DFT^P03 (XYZ, AL1) ignored',
    ],
    [
      'a line that is not a segment',
      message(MSH(), PID, 'hello there', CHARGE),
      'x.hl7:message 1',
      '1 line is not an HL7 segment (a 3-character segment ID, then the field separator) and was ignored',
    ],
    [
      'an undecodable escape',
      message(MSH(), PID, FT1({ 4: '20260305', 6: 'CG', 7: '77412^a \\Q\\ b' })),
      'x.hl7:message 1, FT1[1].7',
      'an escape sequence could not be decoded and was kept as written',
    ],
    [
      'an empty transaction type',
      message(MSH(), PID, FT1({ 4: '20260305', 7: '77412' })),
      'x.hl7:message 1, FT1[1].6',
      'FT1-6 transaction type is empty (expected CG, CD, …)',
    ],
    [
      'a modifier that is not two characters',
      message(MSH(), PID, FT1({ 4: '20260305', 6: 'CG', 7: '77412^^C4', 26: '26~ABC' })),
      'x.hl7:message 1, FT1[1].26[2]',
      'FT1-26 procedure modifier is not two letters or digits',
    ],
    [
      'FT1-25 without FT1-7',
      message(MSH(), PID, FT1({ 4: '20260305', 6: 'CG', 10: '1', 25: '77412' })),
      'x.hl7:message 1, FT1[1].7',
      'FT1-7 transaction code is empty; the charge is read from FT1-25 procedure code',
    ],
    [
      'a performer without an ID',
      message(MSH(), PID, FT1({ 4: '20260305', 6: 'CG', 7: '77412', 20: '^Oncologist^Rita' })),
      'x.hl7:message 1, FT1[1].20',
      'FT1-20 names a performer without an ID (XCN-1)',
    ],
    [
      'PID-2 only',
      message(MSH(), 'PID|1|SYN00417', CHARGE),
      'x.hl7:message 1, PID.3',
      'PID-3 patient identifier list is empty: the patient ID is read from PID-2',
    ],
    [
      'a repeated control ID',
      message(MSH(), PID, CHARGE, MSH(), PID, CHARGE),
      'x.hl7:message 2, MSH.10',
      'MSH-10 control ID repeats that of message 1 (a resent message?): both are returned',
    ],
  ])('warns about %s', (_name, text, location, message) => {
    const r = readDftMessages(text, 'x.hl7');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toContainEqual({ location, message });
    noPhi(r.warnings);
  });

  it.each([
    [
      'FT1-7 coded as a chargemaster code only',
      FT1({ 4: '20260305', 6: 'CG', 7: 'RO77412^SGRT^CDM' }),
      null,
      [],
    ],
    ['FT1-7 CPT without a system is not guessed', FT1({ 4: '20260305', 6: 'CG', 7: '77412' }), null, []],
    ['FT1-7 HCPCS', FT1({ 4: '20260305', 6: 'CG', 7: 'g6015^^hcpcs' }), 'G6015', []],
    [
      'FT1-25 ICD-10-PCS falls back to FT1-7',
      FT1({ 4: '20260305', 6: 'CG', 7: '77412^^C4', 25: 'DB22DZZ^^I10P' }),
      '77412',
      [],
    ],
    ['code-modifier in FT1-7', FT1({ 4: '20260305', 6: 'CG', 7: '77387-26^^CPT' }), '77387', ['26']],
    [
      'modifier in FT1-26 and in the code, once',
      FT1({ 4: '20260305', 6: 'CG', 7: '77387-26^^CPT', 26: '26' }),
      '77387',
      ['26'],
    ],
  ])('derives the billed code: %s', (_name, ft1, code, modifiers) => {
    const r = readDftMessages(message(MSH(), PID, ft1), 'x.hl7');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.messages[0]!.charges[0]).toMatchObject({ code, modifiers });
  });

  it('reads an empty quantity as 1 unit and keeps FT1-10 as written', () => {
    const r = readDftMessages(message(MSH(), PID, FT1({ 4: '20260305', 6: 'CG', 7: '77412^^C4' })), 'x.hl7');
    if (!r.ok) throw new Error('not ok');
    expect(r.value.messages[0]!.charges[0]).toMatchObject({ quantity: null, units: 1 });
  });

  it('tolerates trailing empty fields, "" nulls and segments with no fields', () => {
    const r = readDftMessages(message(MSH(), 'EVN', PID, `${CHARGE}|""|||||`, 'NTE'), 'x.hl7');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.messages[0]!.charges[0]).toMatchObject({ code: '77412', amountCents: null });
    expect(r.warnings).toEqual([]);
  });

  it('treats an unknown onBadMessage like the default', () => {
    const r = readDftMessages(message(MSH(), PID, FT1({ 6: 'CG', 7: '77412' })), 'x.hl7', {
      onBadMessage: 'ignore' as 'skip',
    });
    expect(r.ok).toBe(false);
  });
});

describe('looksDftMessages', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it.each([
    ['dft-p03-standard.hl7', true],
    ['dft-p03-mllp.hl7', true],
    ['dft-p03-v23-crlf.hl7', true],
    ['dft-p03-custom-delimiters.hl7', true],
  ])('%s', (name, expected) => {
    expect(looksDftMessages(fixture(name).subarray(0, 4096))).toBe(expected);
  });

  it.each([
    [MSH(), true],
    ['\ufeffMSH|^~\\&|', true],
    ['FHS|^~\\&\rBHS|^~\\&\rMSH|^~\\&|A|B|||20260305||DFT^P03|1', true],
    ['MSH|^~\\&|', true], // MSH-9 beyond the head
    [MSH('ADT^A08'), false],
    ['MSH1^~\\&', false],
    ['{"resourceType":"Bundle"}', false],
    ['ISA*00*', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(
      looksDftMessages(
        text.startsWith('\ufeff') ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text.slice(1))]) : bytes(text),
      ),
    ).toBe(expected);
  });
});
