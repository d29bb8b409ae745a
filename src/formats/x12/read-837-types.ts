import type { Procedure } from '../../core/model/remittance.js';

/** One service line of an 837 claim (2400): SV1 (837P) or SV2 (837I), with its DTP*472 and REF*6R. */
export interface ClaimLine837 {
  /** 837I SV201 revenue code; null on 837P. */
  revenueCode: string | null;
  /** SV101 / SV202 `HC:code:mod…`; null when an 837I line has a revenue code only. */
  procedure: Procedure | null;
  chargeCents: number;
  /** SV104 / SV205 units (1 when absent). */
  units: number;
  /** Line DTP*472, else the claim's DTP*472 / 434 (start of a range). */
  dateOfService: string | null;
  /** REF*6R line item control number. */
  lineControlNumber: string | null;
  /** 2430 SVD02: what the prior payer paid on the line (secondary claims); null without SVD. */
  priorPaidCents: number | null;
  location: string;
}

/** One claim (2300 CLM) with what the 2000A/2000B loops above it say. */
export interface Claim837 {
  /** CLM01 patient control number. */
  patientControlNumber: string;
  /** CLM02 total claim charge. */
  totalChargeCents: number;
  /** CLM05-1: place of service (837P) or facility type code (837I); CLM05-2 its qualifier (B / A). */
  facilityCode: string | null;
  facilityQualifier: string | null;
  /** CLM05-3 claim frequency type code (1 original, 7 replacement, 8 void). */
  frequency: string | null;
  /** REF*G1 prior authorization number. */
  priorAuthorization: string | null;
  /** HI diagnosis codes (ICD-10-CM, principal first), without their qualifiers. */
  diagnosisCodes: string[];
  /** 2010BA NM1*IL09 subscriber member id. */
  memberId: string | null;
  /** 2010AA NM1*85 billing provider NPI (NM108 `XX`). */
  billingProviderNpi: string | null;
  /** 2000B SBR01 payer responsibility (P/S/T) and SBR09 claim filing indicator. */
  responsibility: string | null;
  filingIndicator: string | null;
  /** 2000C PAT01 the patient's relationship to the subscriber; null when the patient is the subscriber. */
  patientRelationship: string | null;
  /** 2310B rendering (837P NM1*82) or 2310A attending (837I NM1*71) provider NPI. */
  providerNpi: string | null;
  /** REF*F8 payer claim control number (replacement and void). */
  payerClaimControlNumber: string | null;
  /** 2320 AMT*D: what the prior payer paid (secondary claims); null without 2320. */
  priorPayerPaidCents: number | null;
  lines: ClaimLine837[];
  location: string;
}

/** One 837 transaction set: its kind from ST03 / GS08 and its claims. */
export interface ClaimSet837 {
  /** `professional` (005010X222…) or `institutional` (005010X223…); null when neither is named. */
  kind: 'professional' | 'institutional' | null;
  version: string | null;
  claims: Claim837[];
  location: string;
}
