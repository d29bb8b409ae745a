import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvMappingSchema } from './column-mapping.js';
import { looksAuthorizations, readAuthorizations } from './read-authorizations.js';

const AUTHS = readFileSync('test/fixtures/csv/authorizations.csv');
const HEADER =
  'Payer,Authorization Number,Patient ID,Patient Name,Codes,Fractions Authorized,Valid From,Valid To,Obtained On,Status\n';

function read(input: Uint8Array | string, options: Parameters<typeof readAuthorizations>[2] = {}) {
  const r = readAuthorizations(input, 'a.csv', options);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r;
}

describe('readAuthorizations', () => {
  it('reads the fixture and flags the 2025 authorization carried into 2026', () => {
    const r = read(AUTHS);
    expect(r.warnings).toEqual([]);
    expect(r.value.authorizations[0]).toEqual({
      line: 2,
      payer: 'eviCore',
      authorizationNumber: 'EV-25-118842',
      patientId: 'SYN00417',
      codes: [
        { code: '77412', modifiers: [] },
        { code: '77387', modifiers: ['26'] },
      ],
      fractionsAuthorized: 25,
      validFrom: '2025-12-15',
      validTo: '2026-03-31',
      obtainedOn: '2025-12-10',
      status: 'approved',
      carriedForward: true,
    });
    expect(
      r.value.authorizations.map((a) => [a.authorizationNumber, a.status, a.carriedForward, a.codes.length]),
    ).toEqual([
      ['EV-25-118842', 'approved', true, 2],
      ['UHC-26-0042117', 'approved', false, 2],
      ['AET-26-55012', 'pending', false, 1],
      ['EV-26-000311', 'approved', false, 2],
    ]);
  });

  it.each([
    [
      'eviCore,A1,P1,Name,77412,25,2026-03-31,2026-03-01,2026-02-01,',
      'a.csv:line 2, column "Valid To"',
      /before the first valid date in column "Valid From"/,
    ],
    [
      'eviCore,A1,P1,Name,"77412;7738",25,2026-03-01,2026-03-31,2026-02-01,',
      'a.csv:line 2, column "Codes"',
      /procedure codes such as 77412;77387-26/,
    ],
    [
      'eviCore,A1,P1,Name,77387-2,25,2026-03-01,2026-03-31,2026-02-01,',
      'a.csv:line 2, column "Codes"',
      /procedure codes/,
    ],
    [
      'eviCore,A1,P1,Name,77412,-1,2026-03-01,2026-03-31,2026-02-01,',
      'a.csv:line 2, column "Fractions Authorized"',
      /whole number ≥ 0/,
    ],
    [
      'eviCore,A1,P1,Name,77412,25,2026-03-01,2026-03-31,,',
      'a.csv:line 2, column "Obtained On"',
      /empty: date obtained is required/,
    ],
    [
      'eviCore,A1,P1,Name,77412,25,03/01/2026,2026-03-31,2026-02-01,',
      'a.csv:line 2, column "Valid From"',
      /date written YYYY-MM-DD/,
    ],
    [
      'eviCore,A1,P1,Name,77412,25,2026-03-01,2026-03-31,2026-02-01,maybe',
      'a.csv:line 2, column "Status"',
      /expected one of approved, pending, denied, expired, cancelled/,
    ],
  ])('locates the problem in %j', (row, location, message) => {
    const r = readAuthorizations(HEADER + row + '\n', 'a.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({ location, message: expect.stringMatching(message) });
    expect(JSON.stringify(r.problems)).not.toMatch(/Name|P1|A1|77412;7738(?!7)|77387-2(?!6)|maybe|2026-/);
  });

  it('reads a site layout: US dates, other headers, tab-separated, codes in one cell', () => {
    const mapping = csvMappingSchema.parse({
      id: 'site-auths',
      name: 'Site authorization log',
      kind: 'authorizations',
      dateFormat: 'MM/DD/YYYY',
      columns: {
        payer: 'Insurance',
        authorizationNumber: 'Auth',
        patientId: 'MRN',
        codes: 'CPT',
        fractionsAuthorized: 'Visits',
        validFrom: 'From',
        validTo: 'Thru',
        obtainedOn: 'Received',
      },
    });
    const text =
      'Insurance\tAuth\tMRN\tCPT\tVisits\tFrom\tThru\tReceived\nAetna\tX-1\tP1\t77412, 77387-26 G6015\t30\t12/01/2025\t01/31/2026\t11/28/2025\n';
    const r = read(text, { mapping });
    expect(r.value.info.delimiter).toBe('\t');
    expect(r.value.authorizations[0]).toMatchObject({
      codes: [
        { code: '77412', modifiers: [] },
        { code: '77387', modifiers: ['26'] },
        { code: 'G6015', modifiers: [] },
      ],
      validFrom: '2025-12-01',
      validTo: '2026-01-31',
      obtainedOn: '2025-11-28',
      carriedForward: true,
    });
    expect(r.value.authorizations[0]).not.toHaveProperty('status');
  });

  it('sniffs its default header', () => {
    expect(looksAuthorizations(AUTHS)).toBe(true);
    expect(looksAuthorizations(readFileSync('test/fixtures/csv/aria-like-history.csv'))).toBe(false);
  });
});
