/**
 * What claim building reads and returns. A `ReleasedCharge` is one charge line a coder released (the
 * audit's claim line: code, modifiers, units already in the payer's shape for a second session the same
 * day); a `ClaimDraft` is one claim to send, which the app maps to `src/formats/x12/claim-types.ts`
 * with the patient's demographics, the providers and the envelope. Identifiers only: no names here.
 */
export interface ReleasedCharge {
  /** Our charge id: becomes the line control number (REF*6R) the 835 returns. */
  chargeId: string;
  /** The key that groups a patient's charges (an internal id, not a name or member id). */
  patientKey: string;
  courseId: string;
  /** `YYYY-MM-DD`. */
  dateOfService: string;
  code: string;
  modifiers: string[];
  units: number;
  /** The amount billed (the practice's charge), integer cents. */
  chargeCents: number;
  /** What the payer should pay, integer cents (null when the rate table has no amount). */
  expectedCents: number | null;
  /** CMS place of service: `11` office (freestanding), `19` off-campus / `22` on-campus outpatient hospital. */
  placeOfService: string;
  payerProfileId: string;
  /** The prior authorization number covering the charge (REF*G1), or null. */
  authorizationNumber: string | null;
}

/** One claim per patient per period: each date of service, ISO week (Monday–Sunday) or calendar month. */
export type BillingPeriod = 'date' | 'week' | 'month';

export interface ClaimDraftLine {
  chargeId: string;
  courseId: string;
  dateOfService: string;
  code: string;
  modifiers: string[];
  units: number;
  chargeCents: number;
  expectedCents: number | null;
  /** 837I revenue code (`0333`); null on 837P lines. */
  revenueCode: string | null;
}

export interface ClaimDraft {
  /** Stable key of the claim (patient, payer, format, component, place, period, authorization). */
  key: string;
  /** `837P` professional (freestanding global or the hospital's -26 half), `837I` hospital technical. */
  format: '837P' | '837I';
  component: 'global' | 'professional' | 'technical';
  patientKey: string;
  payerProfileId: string;
  placeOfService: string;
  /** 837I CLM05-1: `13` hospital outpatient; null on 837P. */
  facilityTypeCode: string | null;
  /** The billing period the claim covers and its first and last date of service (statement dates). */
  period: { from: string; to: string };
  statementFrom: string;
  statementTo: string;
  authorizationNumber: string | null;
  lines: ClaimDraftLine[];
}
