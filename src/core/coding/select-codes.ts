import { type BillingLine, IGRT_PROFESSIONAL_CODE } from '../model/billing-line.js';
import type { Finding } from '../model/finding.js';
import type { SessionFacts } from '../model/session-facts.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { igrtModifiers } from '../payers/rules/payer-001-igrt-modifier.js';
import { evicoreBreastFinding } from '../payers/rules/payer-002-evicore-breast.js';
import { fractionLimitFinding } from '../payers/rules/payer-003-fraction-limit.js';
import { expectedCents, type RateTable } from '../rates/rate-table.js';
import { deliveryLevel } from './delivery-level.js';
import { checkCodeSetYear } from './rules/code-001-code-set-year.js';
import { CODE_002, routeOutOfScope } from './rules/code-002-route-out-of-scope.js';
import { CODE_007, professionalIgrt } from './rules/code-007-professional-igrt.js';
import { sessionRule } from './rules/code-008-one-code-per-session.js';
import { deletedCodeFindings } from './rules/code-009-deleted-codes.js';
import { postedChargeFindings } from './rules/code-010-posted-charges.js';

export interface CodingContext {
  profile: PayerProfile;
  rates: RateTable;
}

export interface CodingResult {
  lines: BillingLine[];
  findings: Finding[];
  /** 77412 rests on active motion management: its evidence must be audited. */
  byMotionManagement: boolean;
}

/** Decide the billable lines of one delivery session and say why (issue #2, "Code selection"). */
export function selectCodes(facts: SessionFacts, ctx: CodingContext, subject = 'session'): CodingResult {
  const line = (
    code: string,
    modifiers: string[],
    ruleId: string,
    reason: string,
    priceAs: readonly string[] = modifiers,
  ): BillingLine => ({
    code,
    modifiers,
    units: 1,
    ruleId,
    reason,
    expectedCents: expectedCents(ctx.rates, facts.placeOfService, code, priceAs),
    rateSource: ctx.rates.id,
  });

  const outOfYear = checkCodeSetYear(facts, subject);
  if (outOfYear) return { lines: [], findings: [outOfYear], byMotionManagement: false };

  const findings: Finding[] = [];
  const lines: BillingLine[] = [];
  const session = sessionRule(facts, ctx.profile, subject);
  if (session.finding) findings.push(session.finding);

  let deliveryCode: string | null;
  let byMotionManagement = false;
  const routed = routeOutOfScope(facts, subject);
  if (routed) {
    deliveryCode = routed.code;
    if (routed.finding) findings.push(routed.finding);
    if (routed.code && session.bill)
      lines.push(line(routed.code, session.modifiers, CODE_002.id, routed.reason));
  } else {
    const level = deliveryLevel(facts, subject);
    deliveryCode = level.code;
    findings.push(...level.findings);
    if (session.bill) {
      // Only a billed session has motion-management evidence to audit.
      byMotionManagement = level.byMotionManagement;
      lines.push(line(level.code, session.modifiers, level.ruleId, level.reason));
      const payerFindings = [
        level.byMotionManagement ? evicoreBreastFinding(ctx.profile, facts.site, subject) : null,
        fractionLimitFinding(ctx.profile, level.code, facts.fractionNumber, subject),
      ];
      for (const f of payerFindings) if (f) findings.push(f);
    }
  }

  const igrt = professionalIgrt(facts, subject, deliveryCode);
  let igrtCode: string | null = null;
  if (igrt.bill && session.bill) {
    const mod = igrtModifiers(ctx.profile, facts.dateOfService, subject);
    if (mod.finding) findings.push(mod.finding);
    const modifiers = [...mod.modifiers, ...session.modifiers];
    // 77387 is billed for the professional component only; the technical part is bundled (status B)
    // into 77402/77407/77412 (domain.md §2 [seed]). A payer that wants it without modifier 26
    // (PAYER-001) still pays the professional service, so price it as 77387-26 (MPFS) in every case.
    const priceAs = modifiers.includes('26') ? modifiers : ['26', ...modifiers];
    lines.push(line(IGRT_PROFESSIONAL_CODE, modifiers, CODE_007.id, igrt.reason, priceAs));
    igrtCode = [IGRT_PROFESSIONAL_CODE, ...mod.modifiers].join('-');
  } else if (!igrt.bill && igrt.finding) {
    findings.push(igrt.finding);
  }

  findings.push(
    ...deletedCodeFindings(facts.postedCodes ?? [], subject, { delivery: deliveryCode, igrt: igrtCode }),
  );
  if (session.bill) {
    findings.push(
      ...postedChargeFindings(facts.postedCodes ?? [], subject, {
        delivery: deliveryCode,
        igrt: igrtCode !== null,
      }),
    );
  }
  return { lines, findings, byMotionManagement };
}
