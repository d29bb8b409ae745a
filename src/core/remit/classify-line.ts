import type { RuleMeta } from '../model/rule.js';
import type { LineClassification, RemitVerdict } from './remit-category.js';
import { carcLabel, lineAdjustments, type RemitLineInput } from './remit-line.js';
import { authorization2025, REMIT_001 } from './rules/remit-001-authorization-2025.js';
import { igrtProfessionalDenied, REMIT_002 } from './rules/remit-002-igrt-professional-denied.js';
import { downcoded, REMIT_003 } from './rules/remit-003-downcoded.js';
import { REMIT_004, zeroPaidWithoutDenial } from './rules/remit-004-zero-paid-no-denial.js';
import { otherDenial, REMIT_005 } from './rules/remit-005-other-denial.js';
import { REMIT_006, underpaid } from './rules/remit-006-underpaid.js';

export const REMIT_RULES: readonly RuleMeta[] = [
  REMIT_001,
  REMIT_002,
  REMIT_003,
  REMIT_004,
  REMIT_005,
  REMIT_006,
];

/**
 * Classify one remittance line. The first rule that applies decides, in this order: the specific 2026
 * problems before the generic ones (a 2025-authorization denial is also a denial; a 77412 paid at the
 * 77407 rate is also underpaid).
 */
export function classifyLine(input: RemitLineInput): LineClassification {
  const adjustments = lineAdjustments(input);
  // Allowed = AMT*B6 when the payer states it, else paid + patient responsibility (group PR).
  const allowedCents =
    input.line.allowedCents ??
    input.line.paidCents + adjustments.filter((a) => a.group === 'PR').reduce((n, a) => n + a.amountCents, 0);
  const verdict: RemitVerdict | null =
    authorization2025(input) ??
    igrtProfessionalDenied(input) ??
    downcoded(input, allowedCents) ??
    zeroPaidWithoutDenial(input) ??
    otherDenial(input) ??
    underpaid(input, allowedCents);
  return {
    category: verdict?.category ?? 'paid-as-expected',
    ruleId: verdict?.ruleId ?? null,
    message: verdict?.message ?? 'Paid as expected.',
    nextAction: verdict?.nextAction ?? null,
    carcs: adjustments.map(carcLabel),
    remarks: input.line.remarks,
    billedCents: input.line.chargeCents,
    paidCents: input.line.paidCents,
    allowedCents,
    expectedCents: input.expected.cents,
    flags: verdict?.flags ?? [],
  };
}
