import type { RemitClaim, RemitServiceLine } from '../model/remittance.js';

/*
 * How a claim sent before is corrected or cancelled, by payer kind.
 *
 * Most payers take an 837 replacement (CLM05-3 7) or void (8) with REF*F8 = the payer's claim control
 * number (837P/837I TR3 2300 CLM05-3; domain.md §6.2). A Medicare Part B contractor does not: "All claim
 * submissions are considered new claims. A claim should only be resubmitted if the claim rejects for
 * missing, invalid, or incomplete information. When a claim processes, a provider should follow the
 * reopening or appeal process to make corrections" (Noridian JF Part B, Provider Customer Service FAQ).
 * A claim returned unprocessable (CARC 16 with RARC MA130 and a remark naming the field) "must be
 * corrected and retransmitted/resubmitted as new claims"; it has no appeal rights (CMS IOM 100-04 ch. 1
 * §80.3; NGS Part B "Unprocessable Claim Rejections and Corrections"). A processed claim is changed by a
 * reopening (clerical errors, one year from the initial determination; CMS IOM 100-04 ch. 34), which can
 * also deny a line or a claim "as billed in error" (Noridian JF Part B, Reopening) — the Part B way to
 * cancel a claim.
 */

/** SBR09 / CLP06 claim filing indicator of Medicare Part B (X12 code list 1032). */
export const MEDICARE_PART_B = 'MB';

export type CorrectionRoute =
  /** An 837 replacement (7) or void (8) with REF*F8. */
  | { kind: 'version'; frequencyCode: '7' | '8' }
  /**
   * A new claim (CLM05-3 1, no REF*F8) after an unprocessable return, of the lines returned
   * (`returnedLineKey`), or of every line when the whole claim was returned. A MAC splits the unprocessable
   * services of a claim from the processed ones (NGS Part B), so the processed lines are not sent again.
   */
  | { kind: 'new-claim'; lines: 'all' | string[] }
  /** No 837: what to do instead. */
  | { kind: 'refused'; message: string };

/** Remarks with which Medicare returns a claim unprocessable: MA130, or an N remark naming the field. */
export const isUnprocessableRemark = (r: string) => r === 'MA130' || /^N\d+$/.test(r);

const hasCo16 = (adjustments: RemitClaim['adjustments']) =>
  adjustments.some((a) => a.group === 'CO' && a.reason === '16');

/**
 * What the payer's answer returned unprocessable: CO-16 together with MA130 or an N remark (CMS IOM
 * 100-04 ch. 1 §80.3.1; RARC MA130 "submit a new claim"), on the claim ('all') or on some lines (their
 * REF*6R line control numbers); null when nothing was.
 */
export function unprocessableLines(answer: RemitClaim): 'all' | string[] | null {
  const remarked = (remarks: readonly string[]) =>
    [...answer.remarks, ...remarks].some(isUnprocessableRemark);
  if (hasCo16(answer.adjustments) && remarked(answer.lines.flatMap((l) => l.remarks))) return 'all';
  const returned = answer.lines.filter((l) => hasCo16(l.adjustments) && remarked(l.remarks));
  if (!returned.length) return null;
  if (returned.length === answer.lines.length) return 'all';
  return returned.map(returnedLineKey);
}

/**
 * How a returned line names the claim line it answers: its REF*6R (our charge id), else the procedure,
 * modifiers and date of service as sent (835 TR3 2110 SVC01/SVC06, DTM*472).
 */
export function returnedLineKey(line: RemitServiceLine): string {
  const p = line.submitted ?? line.procedure;
  return line.lineControlNumber ?? claimLineKey(p.code, p.modifiers, line.dateOfService ?? '');
}

/** The key of a claim line by procedure, modifiers and date of service. */
export const claimLineKey = (code: string, modifiers: readonly string[], date: string) =>
  [code, ...modifiers].join(':') + `@${date}`;

/**
 * The route of a replacement or void request: for Medicare Part B (SBR09 or CLP06 MB), a new claim
 * after an unprocessable return, else a reopening (no 837); for other payers, the 837 version.
 */
export function correctionRoute(
  action: 'replace' | 'void',
  filingIndicators: readonly (string | null | undefined)[],
  answer: RemitClaim | null,
): CorrectionRoute {
  if (!filingIndicators.includes(MEDICARE_PART_B))
    return { kind: 'version', frequencyCode: action === 'replace' ? '7' : '8' };
  const returned = answer === null ? null : unprocessableLines(answer);
  if (action === 'replace' && returned) return { kind: 'new-claim', lines: returned };
  if (returned === 'all')
    return {
      kind: 'refused',
      message:
        'Medicare Part B returned this claim unprocessable (CO-16 with MA130): there is nothing to void; correct it and send it as a new claim',
    };
  return {
    kind: 'refused',
    message:
      action === 'replace'
        ? 'Medicare Part B takes no replacement claim (CLM05-3 7): request a reopening from the MAC (clerical error, within one year of the initial determination) or a redetermination; send a new claim only when the claim was rejected or returned unprocessable (CO-16 with MA130)'
        : 'Medicare Part B takes no void claim (CLM05-3 8): request a reopening from the MAC to deny the claim or its lines as billed in error',
  };
}
