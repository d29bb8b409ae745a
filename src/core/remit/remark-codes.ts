import type { RemarkView } from './remit-category.js';

/**
 * Remittance advice remark codes (RARC, also carried by MOA/MIA claim remarks) that radiation oncology
 * remittances commonly carry, with our own short paraphrase of what each asks for. The X12 RARC list's
 * descriptions have their own licence (domain.md §4): these are not its texts, and a code missing here
 * shows without a meaning (users load the full list).
 */
const REMARK_MEANINGS: Readonly<Record<string, string>> = {
  M15: 'services billed separately were bundled into another paid service',
  M51: 'procedure code missing, incomplete or invalid',
  M62: 'treatment authorization code missing, incomplete or invalid',
  M76: 'diagnosis missing, incomplete or invalid',
  M80: 'not covered in the same session or on the same date as a service already processed',
  M86: 'denied: a same or similar procedure was already paid within the allowed time frame',
  MA01: 'the claim can be appealed (redetermination) if you disagree',
  MA04: 'a secondary payment needs the primary payer’s identity and adjudication',
  MA07: 'the claim was forwarded to Medicaid',
  MA18: 'the claim was forwarded to the patient’s supplemental insurer',
  MA130: 'incomplete or invalid claim: not appealable, send a new claim with the correction',
  N4: 'the prior payer’s explanation of benefits is missing, incomplete or invalid',
  N19: 'procedure incidental to the primary procedure',
  N20: 'not paid separately when performed with another service the same day',
  N30: 'the patient was not eligible for this service',
  N54: 'the claim does not match the services that were authorized',
  N56: 'procedure code not valid for the services or the date billed',
  N115: 'decided under a local coverage determination (LCD)',
  N130: 'see the plan’s benefit documents for coverage',
  N179: 'information was requested from the patient; the claim will be reconsidered when it arrives',
  N286: 'referring provider identifier missing, incomplete or invalid',
  N290: 'rendering provider identifier missing, incomplete or invalid',
  N362: 'the days or units of service exceed the maximum the payer accepts',
  N382: 'patient identifier missing, incomplete or invalid',
  N517: 'send a new claim, not a replacement',
  N522: 'duplicate of a claim processed or to be processed as a crossover',
  N640: 'exceeds the number or frequency allowed in the period',
  N657: 'bill this with the code that fits these services',
};

/** Our paraphrase of a remark code, or null when we do not carry it. */
export function remarkMeaning(code: string): string | null {
  return REMARK_MEANINGS[code] ?? null;
}

/** Line remarks (LQ*HE) then the claim's (MOA/MIA), each code once, with its meaning. */
export function remarkViews(lineRemarks: readonly string[], claimRemarks: readonly string[]): RemarkView[] {
  if (lineRemarks.length === 0 && claimRemarks.length === 0) return [];
  return [...new Set([...lineRemarks, ...claimRemarks])].map((code) => ({
    code,
    meaning: remarkMeaning(code),
  }));
}

/** Remarks that inform (appeal rights, forwarding, policy used) rather than name something missing. */
const NOTICE_REMARKS: ReadonlySet<string> = new Set(['MA01', 'MA07', 'MA18', 'N115', 'N130', 'N522']);

/** An M, MA or N remark naming what is missing or invalid (with CARC 16, 252 or A1); notices excluded. */
export const isInformationRemark = (code: string) => /^(M|MA|N)\d+$/.test(code) && !NOTICE_REMARKS.has(code);

/** `N290 (rendering provider identifier missing, incomplete or invalid)`, or the bare code when unknown. */
export function remarkPhrases(codes: readonly string[]): string[] {
  return codes.map((c) => (remarkMeaning(c) ? `${c} (${remarkMeaning(c)})` : c));
}
