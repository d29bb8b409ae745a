import type { LetterMissing } from './letter-types.js';

/**
 * A physician as the practice's billing settings hold them (837P 2310B: the names, the NPI) with the credentials a letter's signature shows. A letter leaves the practice signed by
 * the treating physician: name, credentials, NPI and a signature line (issue 13).
 */
export interface LetterPhysician {
  firstName: string;
  lastName: string;
  npi: string;
  /** "MD", "DO, PhD"… */
  credentials?: string | undefined;
}

/**
 * "Rita Doctorfake, MD" (without credentials: the name alone); null when the physician is not in the
 * settings. The name is printed as the settings spell it: a signed name is the physician's own spelling,
 * which no re-casing can recover ("MCDONALD" is McDonald or Mcdonald; "PLACEHOLDER-MD" is no surname).
 */
export function physicianLabel(p: LetterPhysician | undefined): string | null {
  if (!p) return null;
  const name = `${p.firstName.trim()} ${p.lastName.trim()}`;
  return p.credentials?.trim() ? `${name}, ${p.credentials.trim()}` : name;
}

/** What the practice must add to its billing settings before the physician can sign; null when nothing. */
export function signerMissing(physicianId: string, p: LetterPhysician | undefined): LetterMissing | null {
  if (p?.firstName.trim() && p.lastName.trim() && p.npi.trim()) return null;
  return {
    element: "The treating physician's name and NPI",
    fix: `Add physician ${physicianId} (first and last name, credentials, NPI) to the practice's billing settings: the letter is signed by the treating physician.`,
  };
}

/** The signature block: a line to sign on, the name with credentials, the NPI, the practice. */
export function signatureBlock(p: LetterPhysician, practiceName: string): string[] {
  return [
    '______________________________',
    physicianLabel(p)!,
    `Treating radiation oncologist, NPI ${p.npi}`,
    practiceName,
  ];
}
