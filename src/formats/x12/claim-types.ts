/**
 * The input of 837P (005010X222A1) and 837I (005010X223A2) generation: one interchange (ISA/GS/ST) from
 * one submitter to one receiver, for one billing provider and one payer, with its claims. Money is
 * integer cents (written as decimal strings without floating point); dates are calendar dates
 * `YYYY-MM-DD`. The subscriber is the patient (SBR02 `18`) unless the claim names a dependent `patient`
 * (2000C/2010CA); names, birth dates and member ids (PHI) are written into the file only, never into a
 * problem message.
 */

/** The characters that separate the file's parts (ISA04 element, ISA11 repetition, ISA16 component). */
export interface X12Delimiters {
  element: string;
  component: string;
  repetition: string;
  segment: string;
  /** Written after each segment terminator: `'\n'` (default) or `''`. Never part of the data. */
  segmentSuffix: string;
}

export const DEFAULT_DELIMITERS: X12Delimiters = {
  element: '*',
  component: ':',
  repetition: '^',
  segment: '~',
  segmentSuffix: '\n',
};

export interface X12Address {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter state or province code. */
  state: string;
  /** 5 or 9 digits. */
  postalCode: string;
}

/** A party of the interchange (ISA06/ISA08 with their qualifiers ISA05/ISA07, GS02/GS03). */
export interface X12Party {
  /** ISA05/ISA07 interchange id qualifier, e.g. `ZZ` (mutually defined), `30` (tax id). */
  qualifier: string;
  /** ISA06/ISA08 (at most 15 characters, padded); also NM1*41/NM1*40 NM109 and GS02/GS03 by default. */
  id: string;
  /** GS02/GS03 application code when different from `id`. */
  applicationCode?: string;
  /** NM103 organisation name (1000A submitter, 1000B receiver). */
  name: string;
}

export interface X12Envelope {
  sender: X12Party;
  receiver: X12Party;
  /** Submitter contact (1000A PER, required): a name and a telephone number (digits). */
  contact: { name: string; phone: string };
  /** ISA13 (1…999,999,999), GS06 (1…999,999,999) and ST02 (4–9 characters). */
  interchangeControlNumber: number;
  groupControlNumber: number;
  transactionSetControlNumber: string;
  /** BHT03: the submitter's reference for this batch of claims. */
  batchReference: string;
  /**
   * The creation moment as the submitter's wall clock, `YYYY-MM-DDTHH:MM` (ISA09/10, GS04/05, BHT04/05).
   * The app converts its instant in the practice's zone; nothing here reads a clock.
   */
  created: string;
  /** ISA15: `P` production (default) or `T` test. */
  usage?: 'P' | 'T';
  /** ISA14: ask for a TA1 acknowledgment (default false). */
  acknowledgmentRequested?: boolean;
  delimiters?: X12Delimiters;
}

export interface BillingProvider {
  /** NM1*85 NM102: `2` organization (default; needs a rendering provider on 837P claims), `1` person. */
  entity?: '1' | '2';
  /** NM1*85: organisation name (or the person's last name). */
  name: string;
  npi: string;
  /** REF*EI: employer identification number (9 digits). */
  taxId: string;
  address: X12Address;
  /** PRV*BI*PXC taxonomy code, when the payer wants it (e.g. `261QX0203X` radiation oncology clinic). */
  taxonomy?: string;
}

export interface Payer {
  /** NM1*PR NM103 (and NM1*40 when no receiver name is set). */
  name: string;
  /** NM1*PR NM109 payer id (qualifier PI). */
  id: string;
  /** SBR09 claim filing indicator: `MB` Medicare Part B, `MA` Part A, `CI` commercial, `BL`, `HM`, … */
  filingIndicator: string;
}

export interface Subscriber {
  memberId: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  /** `YYYY-MM-DD`. DMG, N3/N4 of 2010BA: required when the subscriber is the patient [837 TR3 2010BA]. */
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
  address?: X12Address;
  /** SBR03 group or policy number. */
  groupNumber?: string;
}

/** A person identified by NPI (2310B rendering provider on 837P, 2310A attending on 837I). */
export interface ClaimProvider {
  npi: string;
  lastName: string;
  firstName?: string;
  /** PRV*PE (837P rendering) / PRV*AT (837I attending) taxonomy, e.g. `2085R0001X` radiation oncology. */
  taxonomy?: string;
}

/**
 * A patient who is not the subscriber (005010X222A1/X223A2 loop 2000C PAT, 2010CA NM1*QC): PAT01
 * individual relationship code `01` spouse, `19` child, `G8` other relationship.
 */
export interface DependentPatient {
  relationship: '01' | '19' | 'G8';
  lastName: string;
  firstName: string;
  birthDate: string;
  sex: 'F' | 'M' | 'U';
  address: X12Address;
}

/** One CAS adjustment as the prior payer's 835 gave it (group CO/PR/OA/PI, CARC, amount). */
export interface PriorAdjustment {
  group: string;
  reason: string;
  amountCents: number;
}

/**
 * The primary payer's adjudication, carried on the secondary claim (837 loops 2320 other subscriber
 * information: SBR, CAS, AMT*D, OI; 2330A other subscriber NM1*IL; 2330B other payer NM1*PR; per line
 * 2430 SVD, CAS, DTP*573).
 */
export interface PriorPayerAdjudication {
  /** 2320 SBR01 of the other payer: `P` when the primary adjudicated first. */
  responsibility: 'P' | 'S' | 'T';
  /** 2320 SBR02 individual relationship (`18` self, `01`, `19`, `G8`). */
  relationship: string;
  groupNumber?: string;
  /** 2320 SBR09 of the other payer. */
  filingIndicator: string;
  /** 2330A: the insured of the other payer's policy. */
  subscriber: { lastName: string; firstName: string; memberId: string };
  /** 2330B: NM1*PR NM103 and NM109 (qualifier PI). */
  payer: { name: string; id: string };
  /** 2320 AMT*D payer paid amount (CLP04) and claim-level CAS. */
  paidCents: number;
  adjustments: PriorAdjustment[];
  /** Per service line of the claim, in order (null: the payer said nothing of that line). */
  lines: ({
    paidCents: number;
    procedureCode: string;
    modifiers: string[];
    units: number;
    adjustments: PriorAdjustment[];
    /** DTP*573 line check or remittance date. */
    adjudicationDate: string;
  } | null)[];
}

export interface ServiceLine {
  /** HCPCS/CPT code, e.g. `77412`. */
  procedureCode: string;
  /** Up to four modifiers: `26`, `TC`, `76`, … */
  modifiers: string[];
  /** Positive whole units (SV104 / SV205). */
  units: number;
  chargeCents: number;
  dateOfService: string;
  /** 837I SV201 revenue code (`0333` radiation therapy); ignored on 837P. */
  revenueCode?: string;
  /** REF*6R line item control number: our charge id, returned on the 835 (REF*6R). */
  lineControlNumber: string;
  /** 837P SV107: 1-based pointers into the claim's diagnoses (default `[1]`; 837I lines carry none). */
  diagnosisPointers?: number[];
}

export interface Claim {
  /** CLM01 patient control number (returned as CLP01 on the 835); at most 20 characters. */
  patientControlNumber: string;
  subscriber: Subscriber;
  /** ICD-10-CM codes without the dot; the first is the principal / first-listed (ABK), the others ABF. */
  diagnosisCodes: string[];
  /** 837P CLM05-1 place of service (`11` office, `19`/`22` outpatient hospital). */
  placeOfService?: string;
  /** 837I CLM05-1 facility type code (`13` hospital outpatient). */
  facilityTypeCode?: string;
  /** CLM05-3 claim frequency type code: `1` original (default), `7` replacement, `8` void. */
  frequencyCode?: string;
  /** 2300 REF*F8: the payer's claim control number (CLP07) a replacement or void refers to. */
  payerClaimControlNumber?: string;
  /** 2000B SBR01 payer responsibility sequence (default `P`) and SBR09 (default the payer's). */
  responsibility?: 'P' | 'S' | 'T';
  filingIndicator?: string;
  /** 2000C/2010CA when the patient is not the subscriber. */
  patient?: DependentPatient;
  /** 837I DTP*434 statement period (default: the first and last date of service). */
  statementFrom?: string;
  statementTo?: string;
  /** REF*G1 prior authorization number. */
  priorAuthorization?: string | null;
  /** 837P 2310B rendering provider, 837I 2310A attending provider. */
  provider?: ClaimProvider;
  /** 837P 2310A referring (NM1*DN) and 2310D supervising (NM1*DQ); 837I 2310F referring. */
  referring?: ClaimProvider;
  supervising?: ClaimProvider;
  /** Secondary or tertiary claim: the prior payer's adjudication (2320/2330, 2430). */
  priorPayer?: PriorPayerAdjudication;
  /** 837I CL1: admission type (CL101, optional) and patient status (CL103, default `01`). */
  admissionTypeCode?: string;
  patientStatusCode?: string;
  lines: ServiceLine[];
}

/** One 837 file: the envelope, the billing provider, the payer and the claims. */
export interface ClaimFile {
  envelope: X12Envelope;
  billingProvider: BillingProvider;
  payer: Payer;
  claims: Claim[];
}
