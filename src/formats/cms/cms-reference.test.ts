import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPtpEdits } from '../../core/edits/edit-001-ncci-ptp.js';
import { checkMueLimits } from '../../core/edits/edit-002-mue.js';
import { editTables } from '../../core/edits/edit-tables.js';
import { expectedMpfsPayment, mpfsData, type ReferenceRelease } from '../../core/rates/mpfs-payment.js';
import { expectedOppsPayment, oppsData } from '../../core/rates/opps-payment.js';
import { readGpci } from './read-gpci.js';
import { readMue } from './read-mue.js';
import { readNcciPtp } from './read-ncci-ptp.js';
import { readOppsAddendumB } from './read-opps-addendum-b.js';
import { readPprrvu } from './read-pprrvu.js';

/** The synthetic fixtures end to end: files → rows → locality-adjusted payment and edits. */
const bytes = (f: string) => new Uint8Array(readFileSync(`test/fixtures/cms/${f}`));
function rows<T>(r: { ok: true; value: { rows: T[] } } | { ok: false }): T[] {
  if (!r.ok) throw new Error('fixture did not read');
  return r.value.rows;
}
const release = (id: string): ReferenceRelease => ({
  id,
  year: 2026,
  quarter: 1,
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-03-31',
  source: `${id} (synthetic fixtures)`,
});

const MPFS = mpfsData(
  release('RVU26A'),
  rows(readPprrvu(bytes('PPRRVU26_SYNTH.csv'), 'PPRRVU26_SYNTH.csv')),
  rows(readGpci(bytes('GPCI2026_SYNTH.csv'), 'GPCI2026_SYNTH.csv')),
);
const OPPS = oppsData(
  release('OPPS26A'),
  rows(readOppsAddendumB(bytes('ADDENDUM_B_2026_SYNTH.csv'), 'addb.csv')),
);
const EDITS = editTables(
  release('NCCI26Q1'),
  rows(readNcciPtp(bytes('PTP_PRACTITIONER_2026Q1_SYNTH.txt'), 'ptp.txt')),
  rows(readMue(bytes('MUE_PRACTITIONER_2026Q1_SYNTH.csv'), 'mue.csv')),
);

describe('CMS reference data from files', () => {
  it.each([
    // code, modifiers, POS, carrier, locality, cents
    ['77412', [], '11', '99901', '01', 51130],
    ['77412', [], '11', '99902', '00', 45692],
    ['77407', [], '11', '99902', '00', 30929],
    ['77402', [], '11', '99902', '00', 7782],
    ['77387', ['26'], '22', '99901', '01', 2952],
  ] as const)('MPFS %s %j POS %s in %s/%s → %i cents', (code, modifiers, pos, carrier, locality, cents) => {
    const r = expectedMpfsPayment([MPFS], {
      code,
      modifiers,
      placeOfService: pos,
      dateOfService: '2026-01-05',
      carrier,
      locality,
    });
    expect(r).toMatchObject({ ok: true, cents, release: 'RVU26A' });
    expect(r.ok && r.source).toMatch(/PPRRVU26_SYNTH\.csv:line \d+; GPCI2026_SYNTH\.csv:line \d+$/);
  });

  it('OPPS: 77412 in APC 5623 and 77407 in APC 5622, from the file', () => {
    const pay = (code: string) =>
      expectedOppsPayment([OPPS], { code, modifiers: [], dateOfService: '2026-01-05' });
    expect(pay('77412')).toMatchObject({ ok: true, cents: 56451, apc: '5623' });
    expect(pay('77407')).toMatchObject({ ok: true, cents: 39405, apc: '5622' });
    expect(pay('77387')).toMatchObject({ ok: false, reason: 'not-paid' });
  });

  it('edits: 77412 with 77407 the same day, and 3 units of 77412', () => {
    const lines = [
      { subject: 'L1', code: '77412', modifiers: [], units: 1, dateOfService: '2026-01-05' },
      { subject: 'L2', code: '77407', modifiers: [], units: 1, dateOfService: '2026-01-05' },
      { subject: 'L3', code: '77412', modifiers: ['76'], units: 2, dateOfService: '2026-01-05' },
    ];
    expect(checkPtpEdits([EDITS], lines).map((f) => [f.ruleId, f.subject, f.severity])).toEqual([
      ['EDIT-001', 'L2', 'error'],
    ]);
    expect(checkMueLimits([EDITS], lines).map((f) => [f.ruleId, f.subject, f.evidence?.units])).toEqual([
      ['EDIT-002', 'L3', 3],
    ]);
  });
});
