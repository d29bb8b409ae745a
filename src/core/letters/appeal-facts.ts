import type { AppealDeadline, PayerKind } from '../remit/appeal-deadline.js';
import type { LetterType } from './letter-types.js';

/**
 * An appeal's own facts beside the claim line (issue "the right letter to the right payer"): the payer's
 * claim number, the appeal level, the deadline, and the documents enclosed. The app reads them from the
 * stored remittance line and the chart (src/app/letters); the letter prints them in a header block and an
 * enclosure list, and the PDF packet adds one evidence page per enclosure.
 */

/** A document enclosed with a letter, and its evidence page in the packet. */
export interface Enclosure {
  /** "SGRT monitoring record, fraction 3 (2026-03-09)". */
  title: string;
  /** What the document is, in one sentence. */
  what: string;
  /** The imported file (and row or position) it comes from; "not recorded" when the import does not say. */
  source: string;
  /** Its key facts; identifiers, dates and times only (no MRN, no birth date). */
  rows: { label: string; value: string }[];
}

export interface AppealFacts {
  /** CLP07: the payer's claim control number, from the 835 claim of the line appealed. */
  payerClaimNumber: string | null;
  /** By the payer profile and the claim filing indicator, as the appeal window reads them (appeal-deadline.ts). */
  payerKind: PayerKind;
  /**
   * The remittance (payment) date of the 835 that carried the line: the date of the payer's initial
   * determination as a redetermination request states it; null when the remittance gives none.
   */
  paymentDate?: string | null;
  /** The line's appeal-by date as the remittance analysis stored it (remit_lines.appeal_by). */
  appealBy: string | null;
  /**
   * Where that date comes from (`appealWindow`): the practice's payer settings, the regulation of the
   * payer's kind, or the practice's default; the letter attributes the date to it. Absent: not known.
   */
  window?: Omit<AppealDeadline, 'date'> | null;
  /** The patient's member id with this payer, as the 837 sends it (NM1*IL09); null when not on file. */
  memberId: string | null;
  /** The line's remark codes (835 LQ*HE RARCs, then the claim's MOA/MIA remarks); absent when not read. */
  remarks?: readonly string[];
  enclosures: readonly Pick<Enclosure, 'title'>[];
}

/** The first level of appeal, by who decides it. */
export const APPEAL_LEVELS: Record<PayerKind, { name: string; basis: string }> = {
  // 42 CFR 405.940-405.958: a redetermination by the Medicare contractor is the first level of appeal.
  medicare: {
    name: 'Redetermination',
    basis: 'first level of appeal of a Medicare initial determination, 42 CFR 405.940-405.958',
  },
  // 42 CFR 422.578-422.626: the plan's reconsideration of its organization determination.
  'medicare-advantage': {
    name: 'Reconsideration',
    basis: 'first level of appeal of a Medicare Advantage organization determination, 42 CFR 422.578ff',
  },
  // domain.md §6.1: commercial plans' appeals are set by contract.
  other: { name: 'First-level appeal', basis: "the plan's provider appeal process under its contract" },
};

/**
 * The header block: the patient's member id (to traditional Medicare the Medicare number a
 * redetermination request must carry, 42 CFR 405.944(b)), the payer's claim number beside ours, the
 * appeal level and the deadline. A retro-authorization request is no appeal of a decision on the merits
 * but a request to the payer's retro-authorization process (domain.md §6.1): it says so instead of a level.
 */
export function appealHeaderLines(
  claim: { claimNumber: string } | null,
  appeal: AppealFacts | null | undefined,
  type?: LetterType,
): string[] {
  if (!claim || !appeal) return [];
  const level = APPEAL_LEVELS[appeal.payerKind];
  const member = appeal.payerKind === 'medicare' ? 'Medicare number' : 'Member ID';
  if (type === 'redetermination') {
    return redeterminationHeaderLines(
      claim,
      appeal,
      appeal.appealBy ?? 'not known (the remittance has no payment date)',
    );
  }
  const deadline = appeal.appealBy
    ? `${appeal.appealBy} (${deadlineSource(appeal.window)})`
    : 'not known (the remittance has no payment date)';
  return [
    ...(appeal.memberId ? [`${member}: ${appeal.memberId}`] : []),
    `Payer's claim number: ${appeal.payerClaimNumber ?? 'not given on the remittance'} (our claim number ${claim.claimNumber})`,
    ...(type === 'retro-authorization'
      ? ['Request: Retroactive authorization of the services delivered', `Deadline: ${deadline}`]
      : [`Appeal level: ${level.name} (${level.basis})`, `Appeal deadline: ${deadline}`]),
  ];
}

/**
 * Where a deadline comes from, as the letter states it: a date is the payer's only where the practice's
 * payer settings record the payer's window; a regulation's window names the regulation (42 CFR
 * 405.942(a) for a Medicare redetermination, 42 CFR 422.582 for a Medicare Advantage reconsideration);
 * otherwise it is the practice's own default, said so, never presented as the payer's rule.
 */
export function deadlineSource(window: Omit<AppealDeadline, 'date'> | null | undefined): string {
  if (!window) return 'the source of this date is not recorded';
  const days = `${window.days} days from the remittance date`;
  switch (window.basis) {
    case 'payer-setting':
      return `${days}: the payer's appeal window as the practice entered it in its payer settings`;
    case 'medicare-redetermination':
      return `${days}: the Medicare redetermination window, 42 CFR 405.942(a)`;
    case 'medicare-advantage-reconsideration':
      return `${days}: the Medicare Advantage reconsideration window, 42 CFR 422.582`;
    case 'default':
      return `${days}: the practice's default window, not one the payer's settings record`;
  }
}

/**
 * A redetermination request's header: the Medicare number (MBI, 42 CFR 405.944(b)(2)), the claim's
 * internal control number (ICN: the 835's CLP07) beside ours, the date of the initial determination (the
 * 835's remittance date; form CMS-20027 asks for it too), and the deadline, 120 days from receipt of the initial determination (42 CFR 405.942(a); the stored appeal-by
 * date counts them from the remittance date, the safe side of the receipt the rule presumes 5 days after
 * the notice, appeal-deadline.ts).
 */
function redeterminationHeaderLines(
  claim: { claimNumber: string },
  appeal: AppealFacts,
  deadline: string,
): string[] {
  return [
    `Medicare number (MBI): ${appeal.memberId ?? 'not on file'}`,
    `Internal control number (ICN): ${appeal.payerClaimNumber ?? 'not given on the remittance'} (our claim number ${claim.claimNumber})`,
    `Date of the initial determination: ${appeal.paymentDate ? `${appeal.paymentDate} (the remittance date)` : 'not given on the remittance'}`,
    `Appeal level: ${APPEAL_LEVELS.medicare.name} (${APPEAL_LEVELS.medicare.basis})`,
    `Request deadline: ${deadline} (120 days from receipt of the initial determination, 42 CFR 405.942(a))`,
  ];
}

/** "Enclosures:" and one bullet per document enclosed; nothing when none. */
export function enclosureLines(appeal: AppealFacts | null | undefined): string[] {
  if (!appeal?.enclosures.length) return [];
  return ['Enclosures:', ...appeal.enclosures.map((e) => `- ${e.title}`)];
}
