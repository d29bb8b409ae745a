/** X12 837 CLM01 patient control number: at most 20 characters (005010X222A1 / X223A2, 2300 CLM01). */
export const MAX_CLAIM_NUMBER_LENGTH = 20;

/**
 * Our claim numbers: the course id, `-`, the practice's claim sequence number (`C-5001-17`), so that a
 * remittance's CLP01 names the course its lines pay (src/app/remit/store-remit-lines.ts tries the
 * course ids a claim number starts with). A course id too long for the 20 characters is cut short; such
 * claims are found again by their stored claim number (claim_lines), not by the prefix.
 */
export function claimNumber(courseKey: string, sequence: number): string {
  const suffix = `-${sequence}`;
  return `${courseKey.slice(0, MAX_CLAIM_NUMBER_LENGTH - suffix.length)}${suffix}`;
}
