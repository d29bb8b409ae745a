/**
 * Prior authorization numbers as a payer reads them. The 837 sends the number in REF*G1 and the 835
 * echoes it (005010X221A1 2100 REF*G1); X12's basic character set has upper-case letters only (lower
 * case is in the extended set), so payers return numbers in upper case, and exports pad cells with
 * spaces. Numbers are compared trimmed and case-insensitively; the text as entered is what is shown and sent.
 */
export const authorizationKey = (number: string): string => number.trim().toUpperCase();

/** Whether two numbers name the same authorization (never for a missing or blank one). */
export function sameAuthorization(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  const key = authorizationKey(a);
  return key !== '' && key === authorizationKey(b);
}
