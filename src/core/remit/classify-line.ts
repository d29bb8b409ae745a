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
import {
  coordinationOfBenefits,
  processedAsLaterPayer,
  REMIT_009,
} from './rules/remit-009-coordination-of-benefits.js';
import { paymentName, REMIT_010, reversal } from './rules/remit-010-reversal.js';
import { frequencyDenial, REMIT_011 } from './rules/remit-011-frequency-denial.js';
import { missingInformation, REMIT_012 } from './rules/remit-012-missing-information.js';
import { paidRateUnknown, REMIT_013 } from './rules/remit-013-paid-rate-unknown.js';
import { REMIT_014, UNBALANCED_FLAG, unbalancedAmounts } from './rules/remit-014-unbalanced-amounts.js';

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
  REMIT_013,
  REMIT_014,
];

type Rule = (input: RemitLineInput, facts: LineFacts) => RemitVerdict | null;

/**
 * The rules in the order they decide, group first then reason (domain.md §6.1): a reversal before
 * anything; the denial families read only non-PR adjustments (the 2025 authorization before the other
 * authorization denials); coordination of benefits before any amount comparison (a secondary pays what
 * the primary left); the 2026 payer problems before the generic denial; amounts that do not balance
 * before any comparison of them; underpayment before the patient's share (the patient's share stays in
 * `patientResponsibilityCents`); a payment with no rate to compare with last.
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
  unbalancedAmounts,
  underpaid,
  patientResponsibility,
  paidRateUnknown,
];

/**
 * What this payer should have paid: the expected amount less what the earlier payers paid on the same
 * service (coordination of benefits, X12 835 005010X221A1 CLP02 2/3/20/21: prior paid + this paid is
 * compared with the expected amount). A later payer whose prior payer's answer is not on file, or a
 * payer that says the claim is not its own (CLP02 23), has no known expected amount: the full one would
 * claim a shortfall another payer may have paid.
 */
function expectedOfThisPayer(input: RemitLineInput, facts: LineFacts): number | null {
  if (input.expected.cents === null) return null;
  if (!input.coordination)
    return input.claim.status === '23' || processedAsLaterPayer(input, facts) ? null : input.expected.cents;
  return Math.max(input.expected.cents - input.coordination.priorPaidCents, 0);
}

/** Classify one remittance line: the first rule that applies decides; none means paid as expected. */
export function classifyLine(input: RemitLineInput): LineClassification {
  const facts = lineFacts(input);
  let verdict: RemitVerdict | null = null;
  for (const rule of RULES) if ((verdict = rule(input, facts))) break;
  const replaces =
    input.reversal?.role === 'correction' && input.reversal.partner
      ? ` Corrected claim: replaces ${paymentName(input.reversal.partner)}.`
      : '';
  const unbalanced = input.amountsUnbalanced && verdict?.category !== 'unbalanced-amounts';
  return {
    category: verdict?.category ?? 'paid-as-expected',
    ruleId: verdict?.ruleId ?? null,
    message: `${verdict?.message ?? 'Paid as expected.'}${replaces}${
      unbalanced ? ' The payer’s amounts do not balance.' : ''
    }`,
    queue: verdict?.queue ?? null,
    nextAction: verdict?.nextAction ?? null,
    carcs: facts.adjustments.map(carcLabel),
    remarks: remarkViews(input.line.remarks, input.claim.remarks),
    billedCents: input.line.chargeCents,
    paidCents: input.line.paidCents,
    allowedCents: facts.allowedCents,
    patientResponsibilityCents: facts.patientResponsibilityCents,
    expectedCents: expectedOfThisPayer(input, facts),
    flags: input.amountsUnbalanced ? [...(verdict?.flags ?? []), UNBALANCED_FLAG] : (verdict?.flags ?? []),
  };
}
