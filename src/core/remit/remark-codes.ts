import type { RemarkView } from './remit-category.js';

/**
 * Remittance advice remark codes (RARC, also carried by MOA/MIA claim remarks) that radiation oncology
 * remittances commonly carry, with our own short paraphrase of what each asks for. The X12 RARC list's
 * descriptions have their own licence (domain.md §4): these are not its texts, each was written from the
 * list's entry (x12.org/codes/remittance-advice-remark-codes), and a code missing here shows without a
 * meaning.
 */
const REMARK_MEANINGS: Readonly<Record<string, string>> = {
  M15: 'services billed separately were bundled into another paid service',
  M16: 'see the payer’s website or bulletins for the policy applied',
  M20: 'HCPCS code missing, incomplete or invalid',
  M25: 'the record sent does not support this level of service (paid at a lower level or denied)',
  M29: 'operative note or report missing',
  M31: 'radiology report missing',
  M51: 'procedure code missing, incomplete or invalid',
  M53: 'days or units of service missing, incomplete or invalid',
  M62: 'treatment authorization code missing, incomplete or invalid',
  M76: 'diagnosis missing, incomplete or invalid',
  M77: 'place of service missing, incomplete, invalid or inappropriate',
  M79: 'charge missing, incomplete or invalid',
  M80: 'not covered in the same session or on the same date as a service already processed',
  M81: 'code to the highest level of specificity',
  M86: 'denied: a same or similar procedure was already paid within the allowed time frame',
  M127: 'the patient’s medical record for this service is missing: send it',
  MA01: 'the claim can be appealed (redetermination) if you disagree',
  MA04: 'a secondary payment needs the primary payer’s identity and adjudication',
  MA07: 'the claim was forwarded to Medicaid',
  MA18: 'the claim was forwarded to the patient’s supplemental insurer',
  MA66: 'principal procedure code missing, incomplete or invalid',
  MA130: 'incomplete or invalid claim: not appealable, send a new claim with the correction',
  N1: 'the decision can be appealed in writing within the plan’s time limits',
  N4: 'the prior payer’s explanation of benefits is missing, incomplete or invalid',
  N10: 'adjusted after a review by a medical or peer reviewer',
  N19: 'procedure incidental to the primary procedure',
  N20: 'not paid separately when performed with another service the same day',
  N29: 'documentation (orders, notes, report or chart) missing: send it',
  N30: 'the patient was not eligible for this service',
  N54: 'the claim does not match the services that were authorized',
  N56: 'procedure code not valid for the services or the date billed',
  N65: 'the payer has no rate on file for this procedure code, date of service or provider',
  N95: 'this provider type or specialty may not bill this service',
  N115: 'decided under a local coverage determination (LCD)',
  N130: 'see the plan’s benefit documents for coverage',
  N179: 'information was requested from the patient; the claim will be reconsidered when it arrives',
  N180: 'the service does not meet the criteria of the code or category it was billed under',
  N211: 'the payer states this decision cannot be appealed',
  N225: 'documentation (orders, notes, report or chart) incomplete or invalid: send it again',
  N286: 'referring provider identifier missing, incomplete or invalid',
  N290: 'rendering provider identifier missing, incomplete or invalid',
  N362: 'the days or units of service exceed the maximum the payer accepts',
  N382: 'patient identifier missing, incomplete or invalid',
  N386: 'decided under a national coverage determination (NCD)',
  N479: 'the prior payer’s explanation of benefits (coordination of benefits or Medicare secondary payer) is missing',
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
const NOTICE_REMARKS: ReadonlySet<string> = new Set([
  'M16',
  'MA01',
  'MA07',
  'MA18',
  'N1',
  'N10',
  'N115',
  'N130',
  'N211',
  'N386',
  'N522',
]);

/** An M, MA or N remark naming what is missing or invalid (with CARC 16, 252 or A1); notices excluded. */
export const isInformationRemark = (code: string) => /^(M|MA|N)\d+$/.test(code) && !NOTICE_REMARKS.has(code);

/** `N290 (rendering provider identifier missing, incomplete or invalid)`, or the bare code when unknown. */
export function remarkPhrases(codes: readonly string[]): string[] {
  return codes.map((c) => (remarkMeaning(c) ? `${c} (${remarkMeaning(c)})` : c));
}
