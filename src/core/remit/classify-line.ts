import type { RuleMeta } from '../model/rule.js';
import type { LineClassification, RemitVerdict } from './remit-category.js';
import { remarkViews } from './remark-codes.js';
import { carcLabel, type LineFacts, lineFacts, type RemitLineInput } from './remit-line.js';
import { authorization2025, REMIT_001 } from './rules/remit-001-authorization-2025.js';
import { igrtProfessionalDenied, REMIT_002 } from './rules/remit-002-igrt-professional-denied.js';
import { downcoded, REMIT_003 } from './rules/remit-003-downcoded.js';
import { REMIT_004, zeroPaidWithoutDenial } from './rules/remit-004-zero-paid-no-denial.js';
import { claimWithoutLines, otherDenial, REMIT_005 } from './rules/remit-005-other-denial.js';
import { REMIT_006, underpaid } from './rules/remit-006-underpaid.js';
import { authorizationDenial, REMIT_007 } from './rules/remit-007-authorization-denial.js';
import { patientResponsibility, REMIT_008 } from './rules/remit-008-patient-responsibility.js';
import { coordinationOfBenefits, REMIT_009 } from './rules/remit-009-coordination-of-benefits.js';
import { paymentName, REMIT_010, reversal } from './rules/remit-010-reversal.js';
import { frequencyDenial, REMIT_011 } from './rules/remit-011-frequency-denial.js';
import { missingInformation, REMIT_012 } from './rules/remit-012-missing-information.js';

export const REMIT_RULES: readonly RuleMeta[] = [
  REMIT_001,
  REMIT_002,
  REMIT_003,
  REMIT_004,
  REMIT_005,
  REMIT_006,
  REMIT_007,
  REMIT_008,
  REMIT_009,
  REMIT_010,
  REMIT_011,
  REMIT_012,
];

type Rule = (input: RemitLineInput, facts: LineFacts) => RemitVerdict | null;

/**
 * The rules in the order they decide, group first then reason (domain.md §6.1): a reversal before
 * anything; the denial families read only non-PR adjustments (the 2025 authorization before the other
 * authorization denials); coordination of benefits before any amount comparison (a secondary pays what
 * the primary left); the 2026 payer problems before the generic denial; underpayment before the patient's
 * share (the patient's share stays in `patientResponsibilityCents`).
 */
const RULES: readonly Rule[] = [
  reversal,
  authorization2025,
  authorizationDenial,
  frequencyDenial,
  missingInformation,
  coordinationOfBenefits,
  igrtProfessionalDenied,
  downcoded,
  zeroPaidWithoutDenial,
  otherDenial,
  claimWithoutLines,
  underpaid,
  patientResponsibility,
];

/**
 * What this payer should have paid: the expected amount less what the earlier payers paid on the same
 * service (coordination of benefits, X12 835 005010X221A1 CLP02 2/3/20/21: prior paid + this paid is
 * compared with the expected amount).
 */
function expectedOfThisPayer(input: RemitLineInput): number | null {
  const prior = input.coordination?.priorPaidCents ?? 0;
  return input.expected.cents === null ? null : Math.max(input.expected.cents - prior, 0);
}

/** Classify one remittance line: the first rule that applies decides; none means paid as expected. */
export function classifyLine(input: RemitLineInput): LineClassification {
  const facts = lineFacts(input);
  let verdict: RemitVerdict | null = null;
  for (const rule of RULES) if ((verdict = rule(input, facts))) break;
  const message = verdict?.message ?? 'Paid as expected.';
  return {
    category: verdict?.category ?? 'paid-as-expected',
    ruleId: verdict?.ruleId ?? null,
    message:
      input.reversal?.role === 'correction' && input.reversal.partner
        ? `${message} Corrected claim: replaces ${paymentName(input.reversal.partner)}.`
        : message,
    queue: verdict?.queue ?? null,
    nextAction: verdict?.nextAction ?? null,
    carcs: facts.adjustments.map(carcLabel),
    remarks: remarkViews(input.line.remarks, input.claim.remarks),
    billedCents: input.line.chargeCents,
    paidCents: input.line.paidCents,
    allowedCents: facts.allowedCents,
    patientResponsibilityCents: facts.patientResponsibilityCents,
    expectedCents: expectedOfThisPayer(input),
    flags: verdict?.flags ?? [],
  };
}
