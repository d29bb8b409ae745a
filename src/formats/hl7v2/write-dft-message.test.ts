import { describe, expect, it } from 'vitest';
import { readDftMessages } from './read-dft-messages.js';
import { type DftMessageInput, hl7Escape, writeDftMessage, writeDftMessages } from './write-dft-message.js';

const doctor = { id: 'DR-SYN-01', family: 'Doctorfake', given: 'Rita' };
const location = { pointOfCare: 'RADONC', room: 'TB1', facility: 'SYNCLINIC' };

function message(controlId: string, charges: DftMessageInput['charges']): DftMessageInput {
  return {
    sendingApplication: 'SYNOIS',
    sendingFacility: 'SYNCLINIC',
    receivingApplication: 'BILLING',
    receivingFacility: 'SYNCLINIC',
    messageDateTime: { local: '2026-03-09T08:20:11', utcOffset: '-04:00' },
    controlId,
    patient: {
      id: 'SYN01234',
      assigningAuthority: 'SYNCLINIC',
      family: 'Testpatient',
      given: 'Ada',
      birthDate: '1958-04-09',
      sex: 'F',
    },
    visit: { patientClass: 'O', location, attendingDoctor: doctor, visitNumber: 'V-C-5001' },
    charges,
  };
}

const charge = (code: string, modifiers: string[], system = 'C4') => ({
  transactionId: `C5001-F05-${code}`,
  transactionDate: { local: '2026-03-09T08:12:30', utcOffset: '-04:00' },
  transactionCode: { code: `RO${code}`, text: 'Treatment delivery', system: 'CDM' },
  quantity: 1,
  amountCents: 125_000,
  location,
  diagnoses: [{ code: 'C50.912', system: 'I10' }],
  performedBy: doctor,
  orderedBy: doctor,
  procedureCode: { code, text: 'Treatment delivery', system },
  modifiers,
});

describe('writeDftMessage (HL7 v2.5.1 DFT^P03)', () => {
  it('escapes the delimiters in values', () => {
    expect(hl7Escape('a|b^c~d\\e&f')).toBe('a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f');
  });

  it('segments end with CR; MSH, EVN, PID, PV1, FT1', () => {
    const text = writeDftMessage(message('M1', [charge('77412', [])]));
    expect(text.endsWith('\r')).toBe(true);
    expect(text.split('\r').map((s) => s.slice(0, 3))).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'FT1', '']);
    expect(
      text.startsWith(
        'MSH|^~\\&|SYNOIS|SYNCLINIC|BILLING|SYNCLINIC|20260309082011-0400||DFT^P03^DFT_P03|M1|P|2.5.1\r',
      ),
    ).toBe(true);
  });

  it('reads back: patient, visit, dates with offset, CPT/HCPCS codes, modifiers, units and amounts', () => {
    const text = writeDftMessages([
      message('M1', [charge('77412', []), charge('77387', ['26'])]),
      message('M2', [charge('G6015', ['76'], 'HCPCS')]),
    ]);
    const r = readDftMessages(text, 'charges.hl7');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const [m1, m2] = r.value.messages;
    expect(m1).toMatchObject({
      controlId: 'M1',
      version: '2.5.1',
      sendingApplication: 'SYNOIS',
      messageDateTime: { localDateTime: '2026-03-09T08:20:11', utcOffset: '-04:00' },
      patient: {
        id: 'SYN01234',
        identifiers: [{ id: 'SYN01234', assigningAuthority: 'SYNCLINIC', typeCode: 'MR' }],
      },
      visit: {
        patientClass: 'O',
        attendingDoctorId: 'DR-SYN-01',
        visitNumber: 'V-C-5001',
        location: { pointOfCare: 'RADONC', room: 'TB1', facility: 'SYNCLINIC' },
      },
    });
    expect(m1!.charges.map((c) => [c.code, c.codeField, c.modifiers, c.units, c.amountCents])).toEqual([
      ['77412', 'FT1-25', [], 1, 125_000],
      ['77387', 'FT1-25', ['26'], 1, 125_000],
    ]);
    expect(m1!.charges[0]).toMatchObject({
      setId: 1,
      type: 'CG',
      transactionDate: { date: '2026-03-09', localDateTime: '2026-03-09T08:12:30', utcOffset: '-04:00' },
      transactionCode: { code: 'RO77412', system: 'CDM' },
      diagnoses: [{ code: 'C50.912', system: 'I10' }],
      performedBy: ['DR-SYN-01'],
      orderedBy: ['DR-SYN-01'],
    });
    expect(m2!.charges[0]).toMatchObject({ code: 'G6015', modifiers: ['76'] });
  });

  it('a text with delimiters reads back as written', () => {
    const m = message('M|3', [
      {
        ...charge('77407', []),
        transactionCode: { code: 'RO77407', text: 'IMRT & VMAT ^ level|2', system: 'CDM' },
      },
    ]);
    const r = readDftMessages(writeDftMessage(m), 'charges.hl7');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.messages[0]!.controlId).toBe('M|3');
    expect(r.value.messages[0]!.charges[0]!.transactionCode).toMatchObject({ text: 'IMRT & VMAT ^ level|2' });
  });
});
