import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { icd10cmLayout, readIcd10cm } from './read-icd10cm.js';

const fixture = (f: string) => new Uint8Array(readFileSync(`test/fixtures/cms/${f}`));
/** An order-file line in the CMS fixed columns (order 1–5, code 7–13, flag 15, short 17–76, long 78–). */
const order = (n: number, code: string, flag: string, short: string, long = short) =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;

describe('readIcd10cm', () => {
  it('reads the synthetic order file: codes without the dot, headers not billable, long descriptions', () => {
    const r = readIcd10cm(fixture('icd10cm_order_2026_SYNTH.txt'), 'order.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value.layout).toBe('order');
    expect(r.value.rows).toHaveLength(36);
    expect(r.value.rows[0]).toEqual({
      code: 'C34',
      billable: false,
      description: 'Malignant neoplasm of bronchus and lung',
      location: 'order.txt:line 1',
    });
    const byCode = new Map(r.value.rows.map((c) => [c.code, c]));
    expect(byCode.get('C50911')).toMatchObject({
      billable: true,
      description: 'Malignant neoplasm of unspecified site of right female breast',
    });
    expect(byCode.get('C5091')?.billable).toBe(false);
    expect(byCode.get('Z510')?.billable).toBe(true);
    expect(byCode.get('C61')?.billable).toBe(true);
  });

  it('reads the synthetic codes file: every code billable (the codes file lists valid codes only)', () => {
    const r = readIcd10cm(fixture('icd10cm_codes_2026_SYNTH.txt'), 'codes.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.layout).toBe('codes');
    expect(r.value.rows).toHaveLength(23);
    expect(r.value.rows.every((c) => c.billable)).toBe(true);
    expect(r.value.rows.find((c) => c.code === 'C3411')).toEqual({
      code: 'C3411',
      billable: true,
      description: 'Malignant neoplasm of upper lobe, right bronchus or lung',
      location: 'codes.txt:line 5',
    });
  });

  it.each([
    ['order file', order(1, 'A00', '0', 'Cholera'), 'order'],
    ['codes file (7-character code)', 'C441021 Unspecified malignant neoplasm', 'codes'],
    ['codes file (3-character code)', 'C61     Malignant neoplasm of prostate', 'codes'],
    ['blank lines first', `\n\n${order(1, 'C61', '1', 'x')}`, 'order'],
    ['a CSV header', 'HCPCS,MOD,STATUS CODE', null],
    ['a dotted code', 'C50.911 Malignant neoplasm', null],
    ['a title line', 'ICD-10-CM codes FY2026', null],
  ] as const)('layout of %s', (_name, text, layout) => {
    expect(icd10cmLayout(text)).toBe(layout);
  });

  it.each([
    [
      'an order number that is not 5 digits',
      `${order(1, 'C61', '1', 'x')}\n0002  C50     0 ${'y'.padEnd(60)} y`,
      'f.txt:line 2, columns 1-5',
      /order number: 5 digits/,
    ],
    [
      'a flag other than 0 or 1',
      `${order(1, 'C61', '1', 'x')}\n${order(2, 'C50', '2', 'y')}`,
      'f.txt:line 2, columns 15',
      /0 \(header\) or 1/,
    ],
    [
      'a code with a dot',
      `${order(1, 'C61', '1', 'x')}\n${order(2, 'C50.9', '0', 'y')}`,
      'f.txt:line 2, columns 7-13',
      /no dot/,
    ],
    [
      'a line that stops before the long description',
      `${order(1, 'C61', '1', 'x')}\n${order(2, 'C50', '0', 'y').slice(0, 40)}`,
      'f.txt:line 2, columns 77-78',
      /long description/,
    ],
    [
      'a codes-file line whose code is not ICD-10-CM',
      'C61     Malignant neoplasm of prostate\n61C     Something',
      'f.txt:line 2',
      /ICD-10-CM code at the start/,
    ],
  ])('refuses %s with its location, never the value', (_name, text, location, message) => {
    const r = readIcd10cm(text, 'f.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ location, message: expect.stringMatching(message) }]);
  });

  it('keeps the later line of a code listed twice, with a warning', () => {
    const r = readIcd10cm(`C61     First\nC61     Second\n`, 'f.txt');
    expect(r).toMatchObject({
      ok: true,
      value: { rows: [{ code: 'C61', description: 'Second', location: 'f.txt:line 2' }] },
      warnings: [{ location: 'f.txt:line 2' }],
    });
  });

  it.each([
    ['an empty file', '', /empty file/],
    ['an unknown layout', 'HCPCS,MOD\n77412,26\n', /unknown layout/],
    ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), /ZIP/],
  ])('refuses %s', (_name, input, message) => {
    const r = readIcd10cm(input, 'f.txt');
    expect(r).toEqual({
      ok: false,
      problems: [{ location: expect.stringMatching(/^f\.txt/), message: expect.stringMatching(message) }],
    });
  });

  it('reads CRLF and Windows-1252 bytes', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('C61     Malignant neoplasm of prostate'),
      0xe9,
      13,
      10,
    ]);
    const r = readIcd10cm(bytes, 'f.txt');
    expect(r.ok && r.value.rows[0]!.description).toBe('Malignant neoplasm of prostateé');
  });
});
