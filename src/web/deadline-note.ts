import { appNow, formatRelative } from './format.js';

/**
 * The rules whose findings mean a signature is still owed on a fraction: the SGRT record (DOC-008) and
 * the IGRT review (DOC-009). The deadline is the next beam-on (seed: each SGRT record "signed by the
 * physician prior to next beam on"), so it means something only for them: a ready fraction or a hold
 * for the order or the necessity statement shows none.
 */
const SIGNATURE_RULES: ReadonlySet<string> = new Set(['DOC-008', 'DOC-009']);

export interface DeadlineNote {
  /** "in 3 hours", "passed 18 days ago". */
  text: string;
  overdue: boolean;
}

/** How to show a fraction's signature deadline given the rule ids of its open findings, or null. */
export function deadlineNote(
  deadline: string | null | undefined,
  reasons: readonly string[],
  now?: number,
): DeadlineNote | null {
  if (!deadline || Number.isNaN(Date.parse(deadline)) || !reasons.some((r) => SIGNATURE_RULES.has(r)))
    return null;
  return deadlineWords(deadline, now);
}

/**
 * The one wording of a signature deadline, on every page that shows one (Today, /signatures, a
 * course's fractions): "in 3 hours", "passed 18 days ago", or, with no deadline known, that the next
 * beam-on is not scheduled.
 */
export function deadlineWords(deadline: string | null, now: number = appNow()): DeadlineNote {
  const t = deadline ? Date.parse(deadline) : NaN;
  if (Number.isNaN(t)) return { text: 'next beam-on not scheduled', overdue: false };
  const relative = formatRelative(deadline, now);
  const overdue = t <= now;
  return { text: overdue ? `passed ${relative}` : relative, overdue };
}
