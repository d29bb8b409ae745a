import type { InputProblem } from './input-problem.js';

/**
 * A remittance advice (X12 835, 005010X221A1) as the remittance analysis reads it: one `Remittance` per
 * transaction set (ST/SE). Amounts are integer cents parsed from the decimal strings without floating
 * point; dates are calendar dates `YYYY-MM-DD`. `location` is where the record sits in its file
 * (`file:ST[2]/2100[5]/CLP`) for messages. No names: patients are matched by control number.
 */
export interface Procedure {
  /** HCPCS/CPT code (the product/service id of a composite `HC:77412:26`). */
  code: string;
  modifiers: string[];
}

/** CAS: one adjustment (a group code, a reason code, an amount; repeated triplets become several). */
export interface Adjustment {
  /** CO contractual, PR patient responsibility, OA other, PI payer-initiated. */
  group: string;
  /** Claim adjustment reason code (CARC), e.g. 45, 97, 150. */
  reason: string;
  amountCents: number;
  quantity: number | null;
}

/** Loop 2110: one service line payment. */
export interface RemitServiceLine {
  /** SVC01: the procedure as adjudicated. */
  procedure: Procedure;
  /** SVC06: the procedure as submitted, present when the payer changed it (e.g. 77412 → 77407). */
  submitted: Procedure | null;
  /** SVC02 line charge and SVC03 paid amount. */
  chargeCents: number;
  paidCents: number;
  /** SVC05 units paid (default 1), SVC07 original units when given. */
  units: number;
  submittedUnits: number | null;
  /** DTM*472 (or the 150/151 range start); else the claim's statement dates. */
  dateOfService: string | null;
  adjustments: Adjustment[];
  /** LQ*HE remark codes (RARC). */
  remarks: string[];
  /** AMT*B6 allowed amount. */
  allowedCents: number | null;
  /** REF*6R line item control number (our charge line id when we sent it). */
  lineControlNumber: string | null;
  location: string;
}

/** Loop 2100: one claim payment. */
export interface RemitClaim {
  /** CLP01: the patient control number we sent on the 837 (CLM01). */
  patientControlNumber: string;
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal, … */
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number | null;
  /** CLP07 payer claim control number, CLP08 facility type code. */
  payerClaimControlNumber: string | null;
  facilityType: string | null;
  /**
   * CLP06 claim filing indicator code (005010X221A1 2100 CLP06: MA Medicare Part A, MB Part B, CI
   * commercial, MC Medicaid…): the kind of coverage the payer adjudicated under. The reader always sets
   * it (null when absent).
   */
  filingIndicator?: string | null;
  /** NM1*QC09 / NM1*IL09: the member id (an identifier; never shown in messages). */
  memberId: string | null;
  /** 2100 REF*G1: the prior authorization number the payer applied, when it states one. */
  priorAuthorization?: string | null;
  /**
   * 2100 NM1*TT crossover carrier (NM103 name, else NM109 id): the payer this claim was forwarded to
   * (CLP02 19/20/21 "processed and forwarded"), so no secondary claim needs to be sent to it. The
   * reader always sets it (null when absent).
   */
  crossoverPayer?: string | null;
  /** DTM*232/233 statement period. */
  statementFrom: string | null;
  statementTo: string | null;
  adjustments: Adjustment[];
  /** MOA03–07 / MIA05, MIA20–23 claim-level remark codes (RARC); line remarks stay on the lines. */
  remarks: string[];
  /** Loop 2110 lines; empty when the payer adjudicated at claim level (the reader warns). */
  lines: RemitServiceLine[];
  location: string;
}

export interface ProviderAdjustment {
  /** PLB03-1 reason (e.g. WO, L6, FB) and PLB03-2, its reference (often the claim it concerns). */
  reason: string;
  reference: string | null;
  /** PLB04/06/…/14: positive reduces the payment (recoupment), negative increases it (interest). */
  amountCents: number;
}

/**
 * A claim (2100 loop and its 2110 lines) the reader refused because a segment or value inside it could
 * not be read: nothing of it is kept but where it is, what it paid when its CLP could be read (for the
 * payment's balancing) and its located problems.
 */
export interface RefusedClaim {
  location: string;
  /** CLP04, null when the CLP segment itself could not be read. */
  paidCents: number | null;
  problems: InputProblem[];
}

/** One 835 transaction set. */
export interface Remittance {
  /** TRN02: the check or EFT trace number (with the payer id TRN03, the idempotency key of a payment). */
  traceNumber: string | null;
  payerTraceId: string | null;
  /** BPR02 total actual provider payment, BPR01 handling code, BPR16 payment date. */
  totalPaidCents: number;
  handling: string | null;
  /** BPR03 C credit, D debit (the reader always sets it; absent in records made before it was read). */
  creditDebit?: string | null;
  paymentDate: string | null;
  payer: { name: string | null; id: string | null };
  payee: { name: string | null; npi: string | null; taxId: string | null };
  claims: RemitClaim[];
  providerAdjustments: ProviderAdjustment[];
  /**
   * Claims refused for damage inside them (the set's other claims are read). The reader always sets it
   * (absent in records made before it was read).
   */
  refusedClaims?: RefusedClaim[];
  /** `file:ISA[1]/GS[1]/ST[1]`. */
  location: string;
}
