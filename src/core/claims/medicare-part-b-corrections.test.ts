import { describe, expect, it } from 'vitest';
import { cas as casOf, remitClaim, remitLine } from '../../../test/support/remit-builder.js';
import type { Adjustment, RemitClaim } from '../model/remittance.js';
import { correctionRoute, type CorrectionRoute } from './medicare-part-b-corrections.js';

// 835 shapes (005010X221A1): CLP06 filing indicator, claim CAS and MOA remarks, line CAS and LQ*HE.
const cas = (group: string, reason: string): Adjustment => casOf(group, reason, 60000);
const answer = (
  claimCas: Adjustment[],
  claimRemarks: string[],
  lineCas: Adjustment[],
  lineRemarks: string[],
): RemitClaim =>
  remitClaim({
    status: '4',
    adjustments: claimCas,
    remarks: claimRemarks,
    lines: [remitLine({ adjustments: lineCas, remarks: lineRemarks, lineControlNumber: 'L1' })],
  });

const UNPROCESSABLE = answer([], ['MA130'], [cas('CO', '16')], ['N290']);
const UNPROCESSABLE_N_ONLY = answer([], [], [cas('CO', '16')], ['N290']);
const CO16_NO_REMARK = answer([], [], [cas('CO', '16')], []);
const DENIED_197 = answer([], [], [cas('CO', '197')], []);

describe('correcting a claim: Medicare Part B takes no frequency 7/8', () => {
  // prettier-ignore
  const CASES: [string, 'replace' | 'void', (string | null)[], RemitClaim | null, CorrectionRoute['kind'], string | RegExp][] = [
    ['commercial replacement', 'replace', ['CI', 'CI'], DENIED_197, 'version', '7'],
    ['commercial void', 'void', ['CI', null], null, 'version', '8'],
    ['Part B unprocessable (CO-16 + MA130 + N290): new claim', 'replace', ['MB', 'MB'], UNPROCESSABLE, 'new-claim', ''],
    ['Part B CO-16 + N remark: new claim', 'replace', ['MB', null], UNPROCESSABLE_N_ONLY, 'new-claim', ''],
    ['Part B by CLP06 only', 'replace', ['CI', 'MB'], UNPROCESSABLE, 'new-claim', ''],
    ['Part B CO-16 without a remark: reopening', 'replace', ['MB', 'MB'], CO16_NO_REMARK, 'refused', /reopening/],
    ['Part B processed (CO-197): reopening, no replacement', 'replace', ['MB', 'MB'], DENIED_197, 'refused', /no replacement claim \(CLM05-3 7\).*reopening/],
    ['Part B, no 835 yet: reopening or new claim when rejected', 'replace', ['MB', null], null, 'refused', /new claim only when the claim was rejected/],
    ['Part B void: refused, reopening to deny as billed in error', 'void', ['MB', 'MB'], DENIED_197, 'refused', /no void claim \(CLM05-3 8\).*billed in error/],
    ['Part B void of an unprocessable claim: nothing to void', 'void', ['MB', 'MB'], UNPROCESSABLE, 'refused', /nothing to void/],
  ];
  it('a new claim carries only the lines returned unprocessable (the processed ones stand)', () => {
    const paid = {
      ...UNPROCESSABLE.lines[0]!,
      lineControlNumber: 'L2',
      paidCents: 30000,
      adjustments: [cas('CO', '45')],
      remarks: [],
    };
    const partly = { ...UNPROCESSABLE, status: '1', lines: [UNPROCESSABLE.lines[0]!, paid] };
    expect(correctionRoute('replace', ['MB'], partly)).toEqual({ kind: 'new-claim', lines: ['L1'] });
    expect(correctionRoute('replace', ['MB'], UNPROCESSABLE)).toEqual({ kind: 'new-claim', lines: 'all' });
    // Without REF*6R the returned line is named by procedure, modifiers and date of service.
    const unnamed = { ...partly, lines: [{ ...partly.lines[0]!, lineControlNumber: null }, paid] };
    expect(correctionRoute('replace', ['MB'], unnamed)).toEqual({
      kind: 'new-claim',
      lines: ['77412@2026-03-02'],
    });
    expect(correctionRoute('void', ['MB'], partly)).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/no void claim/),
    });
  });

  it.each(CASES)('%s', (_name, action, indicators, a, kind, detail) => {
    const r = correctionRoute(action, indicators, a);
    expect(r.kind).toBe(kind);
    if (r.kind === 'version') expect(r.frequencyCode).toBe(detail);
    if (r.kind === 'refused') expect(r.message).toMatch(detail);
  });
});
