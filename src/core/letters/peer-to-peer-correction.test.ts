import { describe, expect, it } from 'vitest';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { cas, remitClaim, remitLine } from '../../../test/support/remit-builder.js';
import { classifyLine } from '../remit/classify-line.js';
import { DEFAULT_REMIT_OPTIONS } from '../remit/remit-options.js';
import { assembleLetter } from './assemble-letter.js';

/**
 * A missing-information denial on the peer-to-peer sheet says what the remittance analysis says
 * (REMIT-012): a replacement claim (frequency 7) for most payers; for Medicare Part B (CLP06 MB) a new
 * claim after an unprocessable return (CO-16 with MA130 or an N remark, CMS IOM 100-04 ch. 1 §80.3) and
 * otherwise a reopening (CMS IOM 100-04 ch. 34), never a frequency 7. Synthetic 835 lines.
 */
function sheetFor(filingIndicator: string, reason: string, remarks: string[]) {
  const line = remitLine({ dateOfService: '2026-03-03', adjustments: [cas('CO', reason, 60000)], remarks });
  const claim = remitClaim({ filingIndicator, status: '4', lines: [line] });
  const verdict = classifyLine({
    claim,
    line,
    charge: null,
    expected: { cents: 39146, basis: 'medicare', medicareCents: 39146, lowerLevelCents: 31764 },
    options: DEFAULT_REMIT_OPTIONS,
  });
  expect(verdict.category).toBe('missing-information');
  const draft = assembleLetter({
    ...letterInput('peer-to-peer'),
    claim: letterClaim({
      carcs: verdict.carcs,
      paidCents: 0,
      category: verdict.category,
      nextAction: verdict.nextAction,
    }),
  });
  return { draft, nextAction: verdict.nextAction! };
}

describe('peer-to-peer sheet: a missing-information denial is corrected the way the analysis says, per payer kind', () => {
  it.each<[string, string, string, string[], RegExp, RegExp | null]>([
    ['commercial, CO-16 N290', 'CI', '16', ['N290'], /frequency 7/, null],
    ['commercial, CO-16 MA130', 'CI', '16', ['MA130'], /new claim/, /frequency 7/],
    ['Medicare Advantage (HMO), CO-16 N290', '16', '16', ['N290'], /frequency 7/, null],
    ['Medicare Part B, CO-16 MA130: unprocessable', 'MB', '16', ['MA130'], /new claim/, /frequency 7/],
    ['Medicare Part B, CO-16 N290: unprocessable', 'MB', '16', ['N290'], /new claim/, /frequency 7/],
    [
      'Medicare Part B, CO-252 M127: a reopening',
      'MB',
      '252',
      ['M127'],
      /reopening/,
      /send a corrected claim/,
    ],
  ])('%s', (_, filingIndicator, reason, remarks, says, never) => {
    const { draft, nextAction } = sheetFor(filingIndicator, reason, remarks);
    expect(nextAction).toMatch(says);
    expect(draft.body).toContain(nextAction);
    expect(draft.body).toMatch(/A peer-to-peer does not replace the correction/);
    if (never) expect(draft.body).not.toMatch(never);
  });

  it('without the analysis of the line the sheet names no correction of its own', () => {
    const draft = assembleLetter({
      ...letterInput('peer-to-peer'),
      claim: letterClaim({
        carcs: ['CO-16'],
        paidCents: 0,
        category: 'missing-information',
        nextAction: null,
      }),
    });
    expect(draft.body).not.toMatch(/frequency 7|new claim|reopening/);
    expect(draft.body).toMatch(/the correction the remittance line names/);
  });
});
