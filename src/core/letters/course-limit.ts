import { COURSE_LIMITS } from '../coding/rules/code-011-course-limits.js';
import type { LetterWarning } from './letter-types.js';

/**
 * What a prior-authorization request asks for a course-limited code (CODE-011): never more sessions than
 * the code's descriptor allows (CPT 77373: "entire course not to exceed 5 fractions"); the sessions the
 * plan prescribes beyond it need the physician's decision, as CODE-011 says, and are not requested.
 */
export interface RequestedFractions {
  /** The fractions requested: the plan's, or the code's course limit when the plan prescribes more. */
  requested: number;
  /** The letter's statement of the sessions past the limit (empty within it). */
  statement: string[];
  warning: LetterWarning | null;
  /** Fractions already delivered: not requested. */
  delivered: number;
}

/**
 * The fractions a request asks: the plan's (at most the code's course limit), less those already
 * delivered: an authorization is asked before the treatment it covers, and a delivered fraction denied
 * for want of one goes to the payer's retro-authorization process (letter-refusal.ts).
 */
export function requestedFractions(code: string | null, planned: number, delivered = 0): RequestedFractions {
  const ahead = courseLimited(code, planned);
  if (delivered <= 0) return ahead;
  const requested = Math.max(0, ahead.requested - delivered);
  const given = delivered === 1 ? 'fraction 1 was' : `fractions 1 to ${delivered} were`;
  return {
    requested,
    statement: [
      ...ahead.statement,
      `Of the ${planned} fractions planned, ${given} delivered before this request: this request is for the ${requested} fractions still to be delivered.`,
    ],
    warning: ahead.warning,
    delivered,
  };
}

function courseLimited(code: string | null, planned: number): RequestedFractions {
  const limit = code === null ? undefined : COURSE_LIMITS.get(code);
  if (!limit || planned <= limit.sessions)
    return { requested: planned, statement: [], warning: null, delivered: 0 };
  const max = limit.sessions;
  const one = planned === max + 1;
  const beyond = one ? `fraction ${planned}` : `fractions ${max + 1} to ${planned}`;
  const they = one ? 'it is' : 'they are';
  return {
    requested: max,
    statement: [
      `The plan prescribes ${planned} fractions, more than the course limit of ${code} (${limit.descriptor}): this request is for ${max} fractions of ${code}. How ${beyond} will be reported needs the treating physician's decision before ${they} delivered; ${they} not part of this request.`,
    ],
    warning: {
      code: 'COURSE-LIMIT',
      message: `The plan prescribes ${planned} fractions, more than ${code}'s course limit of ${max} (${limit.descriptor}; CODE-011): the request asks for ${max}. Decide with the physician how ${beyond} will be reported before ${they} delivered.`,
    },
    delivered: 0,
  };
}
