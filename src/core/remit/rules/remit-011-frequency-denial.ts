import type { RuleMeta } from '../../model/rule.js';
import { FREQUENCY_CARCS } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { remarkPhrases } from '../remark-codes.js';
import {
  allRemarks,
  carcLabel,
  denialIn,
  type LineFacts,
  type RemitLineInput,
  serviceDate,
  submittedProcedure,
} from '../remit-line.js';

export const REMIT_011: RuleMeta = {
  id: 'REMIT-011',
  title: 'Denied for frequency or units (a second session the same day, or a fraction limit)',
  severity: 'error',
  source:
    'CARC list: 119 benefit maximum for the period, 151 frequency/number of services not supported, 273 coverage guidelines exceeded; domain.md §6.1: a second session the same day needs the twice-daily documentation (treatment times, the gap between sessions); payer profiles: breakHours (6 in the bundled profiles); seed: blanket fraction limits [S; seed]',
};

/**
 * Sessions of the line's code on its date: its units (SVC05, SVC07, the sent charge), a repeat-procedure
 * modifier (76/77), or another line of the claim with the same code and date.
 */
export function sameDaySessions(input: RemitLineInput): number {
  const code = submittedProcedure(input).code;
  const date = serviceDate(input);
  const lines = input.claim.lines.filter(
    (l) =>
      (l.submitted ?? l.procedure).code === code && (l.dateOfService ?? input.claim.statementFrom) === date,
  ).length;
  const repeat = [...input.line.procedure.modifiers, ...(input.charge?.modifiers ?? [])].some(
    (m) => m === '76' || m === '77',
  );
  return Math.max(
    lines,
    input.line.units,
    input.line.submittedUnits ?? 0,
    input.charge?.units ?? 0,
    repeat ? 2 : 1,
  );
}

export function frequencyDenial(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const denial = denialIn(facts, FREQUENCY_CARCS);
  if (!denial) return null;
  const remarks = remarkPhrases(allRemarks(input));
  const why = `${carcLabel(denial)}${remarks.length ? `; ${remarks.join(', ')}` : ''}`;
  const code = submittedProcedure(input).code;
  if (sameDaySessions(input) >= 2) {
    return {
      category: 'frequency-denial',
      ruleId: REMIT_011.id,
      message: `Second ${code} session on ${serviceDate(input) ?? 'the same day'} denied for frequency (${why}).`,
      queue: 'twice-daily-documentation',
      nextAction:
        'Send the twice-daily documentation: both sessions’ treatment times and the break between them (the payer’s minimum, 6 hours in the bundled profiles), with modifier 76 or units as the payer requires; appeal if refused.',
    };
  }
  return {
    category: 'frequency-denial',
    ruleId: REMIT_011.id,
    message: `${code} denied for frequency or units (${why}).`,
    queue: 'appeal',
    nextAction:
      'Appeal with the prescribed fraction count and the medical necessity of each fraction (a blanket fraction limit is not a medical policy).',
  };
}
