import { RULE_CATALOGUE } from './catalogue.js';

/**
 * Who can resolve a hold: the person whose record or act the holding rule asks for. The coder's Today
 * page groups held fractions by it, so each hold goes to someone who can fix it. The requirement itself
 * is the rule's (its `source` in the catalogue); the reason says who, by the rule's own fix.
 */
export const FIXERS = ['physician', 'therapist', 'front-desk', 'coder'] as const;
export type Fixer = (typeof FIXERS)[number];

export interface FixerRule {
  fixer: Fixer;
  /** Why this person. */
  reason: string;
}

const SIGNATURE: FixerRule = {
  fixer: 'physician',
  reason: 'Only the course physician or a designated covering physician can sign it (DOC-011).',
};
const AUTHORIZATION: FixerRule = {
  fixer: 'front-desk',
  reason: 'Authorizations are requested from the payer and recorded before treatment by the front desk.',
};

/** Rule id → who fixes its hold. Rules not listed are the coder's to decide (a coding error, an edit). */
export const HOLD_FIXERS: Readonly<Record<string, FixerRule>> = {
  'DOC-001': {
    fixer: 'physician',
    reason: 'The motion-management order is written and signed by the physician.',
  },
  'DOC-002': {
    fixer: 'physician',
    reason: "The patient-specific necessity statement is the physician's own judgement; a template is not.",
  },
  'DOC-008': SIGNATURE,
  'DOC-009': SIGNATURE,
  'DOC-011': SIGNATURE,
  'DOC-004': {
    fixer: 'therapist',
    reason: 'The monitoring record is saved at the treatment console by the therapist who treated.',
  },
  'DOC-010': {
    fixer: 'therapist',
    reason: 'Beam-on and beam-off times are recorded at the machine by the therapist.',
  },
  'AUTH-001': AUTHORIZATION,
  'AUTH-002': AUTHORIZATION,
  'AUTH-003': AUTHORIZATION,
  'AUTH-004': AUTHORIZATION,
};

const TITLES = new Map(RULE_CATALOGUE.map((r) => [r.id, r.title]));

/**
 * Why a hold of this rule goes to its fixer, as the coder's Today shows it beside the rule: the fixer's
 * reason above, else the coder's, by the rule's own title in the catalogue (one place for every rule).
 */
export function holdReason(ruleId: string): string {
  const listed = HOLD_FIXERS[ruleId]?.reason;
  if (listed) return listed;
  const title = TITLES.get(ruleId);
  return title
    ? `The coder's decision, by the rule: ${title.replace(/[.]$/, '')}.`
    : "The coder's decision: the rule is not in this version's catalogue.";
}

/** Who fixes a hold of this rule (the coder when no one else can). */
export function fixerOf(ruleId: string): Fixer {
  return HOLD_FIXERS[ruleId]?.fixer ?? 'coder';
}
