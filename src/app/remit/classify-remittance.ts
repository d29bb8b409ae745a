import type {
  ProviderAdjustment,
  RemitClaim,
  RemitServiceLine,
  Remittance,
} from '../../core/model/remittance.js';
import type { RateTable } from '../../core/rates/rate-table.js';
import { dollars } from '../../core/letters/assemble-letter.js';
import {
  claimBalance,
  lineBalance,
  type PaymentBalance,
  paymentBalance,
  refusedClaimsReason,
} from '../../core/remit/balance-835.js';
import { claimLevelLine } from '../../core/remit/claim-level-line.js';
import { classifyLine } from '../../core/remit/classify-line.js';
import { expectedForLine } from '../../core/remit/expected-for-line.js';
import { type CoordinationLink, coordinationKey } from '../../core/remit/link-coordination.js';
import type { RemitClaimEntry, ReversalLink } from '../../core/remit/pair-reversals.js';
import type { LineClassification } from '../../core/remit/remit-category.js';
import type { ExpectedPayment, SentCharge } from '../../core/remit/remit-line.js';
import type { RemitOptions } from '../../core/remit/remit-options.js';
import { providerAdjustmentMeaning } from './provider-adjustment-reasons.js';

/** One classified service line (the rows of `sgrt-billing remit`); a claim without lines is line 0. */
export interface RemitRow extends LineClassification {
  file: string;
  payer: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  claim: string;
  /** The claim's `pairReversals` entry id (`claimEntries`). */
  claimId: string;
  /** CLP02 and CLP07. */
  claimStatus: string;
  payerClaimControlNumber: string | null;
  /** CLP06 claim filing indicator (MB Medicare Part B…): the payer's kind for the appeal window. */
  claimFilingIndicator: string | null;
  line: number;
  dateOfService: string | null;
  code: string;
  modifiers: string[];
  submittedCode: string;
  /** The modifiers as sent (SVC06, else SVC01): `77412-76` was sent as such even when paid as billed. */
  submittedModifiers: string[];
  /** The claim's place in a reversal; its partner is the other claim (its location and payment date). */
  reversal: ReversalLink | null;
  location: string;
}

/** The charge a line pays: matched to our records (the app), or read off the line itself (the CLI). */
export interface LineCharge {
  charge: SentCharge;
  placeOfService: string;
  match: { chargeId: string; courseId: string; patientId: string } | null;
  /**
   * What the line should pay, when the caller knows better than the national table (the app: contract
   * > Medicare locality > national, reference/expected-rate.ts); else the rate table's amount.
   */
  expected?: ExpectedPayment;
}

export type ChargeResolver = (claim: RemitClaim, line: RemitServiceLine) => LineCharge;

export interface ClassifiedLine extends RemitRow {
  match: LineCharge['match'];
}

/**
 * What a line's classification needs to know about its claim beyond the 835: whether the patient has
 * coverage after this payer (the patient's `otherCoverage`), the claim's place in a reversal, and the
 * other payers' answers to its lines (`linkCoordination`, keyed by `coordinationKey`).
 */
export type ClaimContext = (
  claim: RemitClaim,
  index: number,
) => {
  otherCoverage: boolean;
  reversal: ReversalLink | null;
  claimId: string;
  coordination: ReadonlyMap<string, CoordinationLink>;
};

/**
 * Every service line of one remittance, classified against the charge `chargeFor` finds for it; a claim
 * the payer answered without service lines is classified as one line numbered 0 (its claim amounts).
 */
export function classifyRemittance(
  file: string,
  r: Remittance,
  settings: { rates: RateTable; options: RemitOptions },
  chargeFor: ChargeResolver,
  contextOf: ClaimContext,
): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  forEachRemitRow(file, r, settings, chargeFor, contextOf, (row, match) => {
    (row as ClassifiedLine).match = match;
    out.push(row as ClassifiedLine);
  });
  return out;
}

/**
 * The same, one row at a time and without the charge's match (the rows of `sgrt-billing remit`): each
 * row is built once, field by field, since a large remittance file has hundreds of thousands of lines.
 */
export function forEachRemitRow(
  file: string,
  r: Remittance,
  settings: { rates: RateTable; options: RemitOptions },
  chargeFor: ChargeResolver,
  contextOf: ClaimContext,
  each: (row: RemitRow, match: LineCharge['match']) => void,
): void {
  for (let j = 0; j < r.claims.length; j++) {
    const claim = r.claims[j]!;
    const { otherCoverage, reversal, claimId, coordination } = contextOf(claim, j);
    // The payer's amounts are checked once per claim (TR3 1.10.2.1): every line of an unbalanced claim is flagged.
    const claimUnbalanced = claimBalance(claim).differenceCents !== 0;
    const count = claim.lines.length;
    for (let i = 0; i < Math.max(count, 1); i++) {
      const line = count ? claim.lines[i]! : claimLevelLine(claim);
      const lineNo = count ? i + 1 : 0;
      const submitted = line.submitted ?? line.procedure;
      const { charge, placeOfService, match, expected } = chargeFor(claim, line);
      const c = classifyLine({
        claim,
        line,
        charge,
        expected:
          expected ??
          expectedForLine(settings.rates, placeOfService, submitted, line.submittedUnits ?? line.units),
        options: settings.options,
        otherCoverage,
        reversal,
        coordination:
          coordination.size === 0 ? null : (coordination.get(coordinationKey(claimId, lineNo)) ?? null),
        amountsUnbalanced: claimUnbalanced || (lineNo > 0 && lineBalance(line).differenceCents !== 0),
      });
      const row: RemitRow = {
        file,
        payer: r.payer.name,
        traceNumber: r.traceNumber,
        paymentDate: r.paymentDate,
        claim: claim.patientControlNumber,
        claimId,
        claimStatus: claim.status,
        payerClaimControlNumber: claim.payerClaimControlNumber,
        claimFilingIndicator: claim.filingIndicator ?? null,
        line: lineNo,
        dateOfService: line.dateOfService ?? claim.statementFrom,
        code: line.procedure.code,
        modifiers: line.procedure.modifiers,
        submittedCode: submitted.code,
        submittedModifiers: submitted.modifiers,
        reversal,
        location: line.location,
        category: c.category,
        ruleId: c.ruleId,
        message: c.message,
        queue: c.queue,
        nextAction: c.nextAction,
        carcs: c.carcs,
        remarks: c.remarks,
        billedCents: c.billedCents,
        paidCents: c.paidCents,
        allowedCents: c.allowedCents,
        patientResponsibilityCents: c.patientResponsibilityCents,
        expectedCents: c.expectedCents,
        flags: c.flags,
      };
      each(row, match);
    }
  }
}

/**
 * The claims of the remittances as `pairReversals` and `linkCoordination` read them (ids
 * `<payment>/<claim>` in read order from payment number `first`, the payer by id else name, and its name).
 */
export function claimEntries(remittances: readonly Remittance[], first = 0): RemitClaimEntry[] {
  return remittances.flatMap((r, i) =>
    r.claims.map((claim, j) => ({
      id: claimId(first + i, j),
      payerKey: r.payer.id ?? r.payer.name ?? '',
      payerName: r.payer.name,
      paymentDate: r.paymentDate,
      source: claim.location,
      claim,
    })),
  );
}

export const claimId = (payment: number, claim: number) => `${payment}/${claim}`;

/** One payment (835 transaction set) reconciled: BPR02 = Σ CLP04 − Σ PLB (005010X221A1). */
export interface RemitPaymentRow extends PaymentBalance {
  file: string;
  payer: string | null;
  payerId: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  claims: number;
  providerAdjustments: (ProviderAdjustment & { meaning: string | null })[];
  balanced: boolean;
  /** Why it does not balance when the reader refused some of its claims (named with their CLP04), else null. */
  differenceReason: string | null;
  location: string;
}

/** A payment's reconciliation, its PLB entries with their meaning. */
export function paymentRow(file: string, r: Remittance): RemitPaymentRow {
  const balance = paymentBalance(r);
  return {
    file,
    payer: r.payer.name,
    payerId: r.payer.id,
    traceNumber: r.traceNumber,
    paymentDate: r.paymentDate,
    claims: r.claims.length,
    ...balance,
    providerAdjustments: r.providerAdjustments.map((a) => ({
      ...a,
      meaning: providerAdjustmentMeaning(a.reason),
    })),
    balanced: balance.differenceCents === 0,
    differenceReason: refusedClaimsReason(balance, dollars),
    location: r.location,
  };
}
