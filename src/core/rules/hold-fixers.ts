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

/** Who fixes a hold of this rule (the coder when no one else can). */
export function fixerOf(ruleId: string): Fixer {
  return HOLD_FIXERS[ruleId]?.fixer ?? 'coder';
}
