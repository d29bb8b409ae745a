import { type BillingLine, IGRT_PROFESSIONAL_CODE } from '../model/billing-line.js';
import type { Finding } from '../model/finding.js';
import type { SessionFacts } from '../model/session-facts.js';
import { type PayerProfile, sgrtTrackingSupportsIgrt } from '../payers/payer-profile.js';
import { igrtModifiers } from '../payers/rules/payer-001-igrt-modifier.js';
import { evicoreBreastFinding } from '../payers/rules/payer-002-evicore-breast.js';
import { fractionLimitFinding } from '../payers/rules/payer-003-fraction-limit.js';
import { expectedCents, type RateTable } from '../rates/rate-table.js';
import { deliveryLevel } from './delivery-level.js';
import { checkCodeSetYear } from './rules/code-001-code-set-year.js';
import { CODE_002, routeOutOfScope } from './rules/code-002-route-out-of-scope.js';
import { CODE_007, type IgrtBasis, professionalIgrt } from './rules/code-007-professional-igrt.js';
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
  /** The delivery code the facts route to or level at (before session rules), and why; null when none. */
  delivery: { code: string | null; reason: string; routed: boolean };
  /** The guidance records a billed 77387-26 rests on (their signatures are audited); empty without it. */
  igrtBasis: IgrtBasis[];
  /** CODE-008's finding when this session is not billable on its own (a second session without a real break). */
  unbilledSession: Finding | null;
}

/** The delivery code of a session: routed out of the three levels (CODE-002/CODE-011), else its level. */
export interface DeliveryDecision {
  code: string | null;
  reason: string;
  /** The rule that picked the code. */
  ruleId: string;
  /** SRS, SBRT, protons…: a code family of its own, not 77402/77407/77412. */
  routed: boolean;
  byMotionManagement: boolean;
  findings: Finding[];
}

/** Every consumer of the delivery code (lines, letters) takes it from here. */
export function deliveryDecision(facts: SessionFacts, subject: string): DeliveryDecision {
  const routed = routeOutOfScope(facts, subject);
  if (routed) {
    return {
      code: routed.code,
      reason: routed.reason,
      ruleId: CODE_002.id,
      routed: true,
      byMotionManagement: false,
      findings: routed.finding ? [routed.finding] : [],
    };
  }
  const level = deliveryLevel(facts, subject);
  return {
    code: level.code,
    reason: level.reason,
    ruleId: level.ruleId,
    routed: false,
    byMotionManagement: level.byMotionManagement,
    findings: level.findings,
  };
}

function billingLine(
  facts: SessionFacts,
  ctx: CodingContext,
  code: string,
  modifiers: string[],
  ruleId: string,
  reason: string,
  priceAs: readonly string[],
): BillingLine {
  return {
    code,
    modifiers,
    units: 1,
    ruleId,
    reason,
    expectedCents: expectedCents(ctx.rates, facts.placeOfService, code, priceAs),
    rateSource: ctx.rates.id,
  };
}

const NO_CODES: readonly string[] = [];

/** Decide the billable lines of one delivery session and say why (issue #2, "Code selection"). */
export function selectCodes(facts: SessionFacts, ctx: CodingContext, subject = 'session'): CodingResult {
  const outOfYear = checkCodeSetYear(facts, subject);
  if (outOfYear) {
    const delivery = { code: null, reason: outOfYear.message, routed: false };
    return {
      lines: [],
      findings: [outOfYear],
      byMotionManagement: false,
      delivery,
      igrtBasis: [],
      unbilledSession: null,
    };
  }

  const findings: Finding[] = [];
  let deliveryLine: BillingLine | null = null;
  let igrtLine: BillingLine | null = null;
  const session = sessionRule(facts, ctx.profile, subject);
  if (session.finding) findings.push(session.finding);

  const decision = deliveryDecision(facts, subject);
  const deliveryCode = decision.code;
  const delivery = { code: decision.code, reason: decision.reason, routed: decision.routed };
  // Indexed: `for…of` over a frozen (shared, empty) list makes an iterator object per loop.
  for (let i = 0; i < decision.findings.length; i++) findings.push(decision.findings[i]!);
  let byMotionManagement = false;
  if (decision.code !== null && session.bill) {
    // Only a billed session has motion-management evidence to audit.
    byMotionManagement = decision.byMotionManagement;
    const { code, ruleId, reason } = decision;
    deliveryLine = billingLine(facts, ctx, code, session.modifiers, ruleId, reason, session.modifiers);
    const evicore = decision.byMotionManagement
      ? evicoreBreastFinding(ctx.profile, facts.site, subject)
      : null;
    if (evicore) findings.push(evicore);
    // A payer's blanket fraction limit applies to any delivery code it names, routed ones (77373) included.
    const limit = fractionLimitFinding(ctx.profile, decision.code, facts.fractionNumber, subject);
    if (limit) findings.push(limit);
  }

  const igrt = professionalIgrt(facts, subject, deliveryCode, sgrtTrackingSupportsIgrt(ctx.profile));
  let igrtModifierList: readonly string[] | null = null; // the modifiers of a billed 77387
  let igrtBasis: IgrtBasis[] = [];
  if (igrt.bill && session.bill) {
    igrtBasis = igrt.basis;
    if (igrt.finding) findings.push(igrt.finding);
    const mod = igrtModifiers(ctx.profile, facts.dateOfService, subject);
    if (mod.finding) findings.push(mod.finding);
    const modifiers = session.modifiers.length ? [...mod.modifiers, ...session.modifiers] : mod.modifiers;
    // 77387 is billed for the professional component only; the technical part is bundled (status B)
    // into 77402/77407/77412 (domain.md §2 [seed]). A payer that wants it without modifier 26
    // (PAYER-001) still pays the professional service, so price it as 77387-26 (MPFS) in every case.
    const priceAs = modifiers.includes('26') ? modifiers : ['26', ...modifiers];
    igrtLine = billingLine(facts, ctx, IGRT_PROFESSIONAL_CODE, modifiers, CODE_007.id, igrt.reason, priceAs);
    igrtModifierList = mod.modifiers;
  } else if (!igrt.bill && igrt.finding) {
    findings.push(igrt.finding);
  }

  // Charges the OIS posted (most sessions have none).
  const posted = facts.postedCodes ?? NO_CODES;
  if (posted.length > 0) {
    const igrtCode =
      igrtModifierList === null
        ? null
        : igrtModifierList.length
          ? [IGRT_PROFESSIONAL_CODE, ...igrtModifierList].join('-')
          : IGRT_PROFESSIONAL_CODE;
    const recode = { delivery: deliveryCode, igrt: igrtCode };
    for (const f of deletedCodeFindings(posted, subject, recode)) findings.push(f);
    if (session.bill) {
      const selected = { delivery: deliveryCode, igrt: igrtCode !== null };
      for (const f of postedChargeFindings(posted, subject, selected)) findings.push(f);
    }
  }
  const unbilledSession = session.bill ? null : session.finding;
  // The lines at their size (a pushed-to empty array reserves room for 17).
  const lines: BillingLine[] = deliveryLine
    ? igrtLine
      ? [deliveryLine, igrtLine]
      : [deliveryLine]
    : igrtLine
      ? [igrtLine]
      : [];
  return { lines, findings, byMotionManagement, delivery, igrtBasis, unbilledSession };
}
