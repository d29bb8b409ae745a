import { dollars } from '../../letters/assemble-letter.js';
import { IGRT_PROFESSIONAL_CODE } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import type { Adjustment } from '../../model/remittance.js';
import {
  CORRECTABLE_CARCS,
  DOWNCODE_CARCS,
  MEDICAL_NECESSITY_CARCS,
  NON_COVERED_CARCS,
} from '../carc-kinds.js';
import { TRADITIONAL_MEDICARE } from '../claim-resubmission.js';
import type { RemitQueue, RemitVerdict } from '../remit-category.js';
import { remarkPhrases } from '../remark-codes.js';
import { allRemarks, carcLabel, type LineFacts, type RemitLineInput } from '../remit-line.js';

export const REMIT_005: RuleMeta = {
  id: 'REMIT-005',
  title: 'Denied for another reason: the next step by reason family (medical necessity, coding, duplicate…)',
  severity: 'warning',
  source:
    'X12 835 CAS group codes CO/PR/OA/PI with CARC; CARC list families (domain.md §6.1): 50/55/56/167 medical necessity (appeal with the chart), 4–14/125/146/181/182/206–208 coding or identifier (corrected claim), 18 duplicate, 22 another payer primary, 29 timely filing, 96/204 non-covered (benefit check, benefit review/appeal; the patient is billed only under an advance notice: CMS Medicare Claims Processing Manual ch. 30 §50 ABN and modifier GA), 97/234 bundled; a claim adjudicated without service lines (TR3 loop 2110 situational) is asked again line by line [S]',
};

interface Step {
  reasons: ReadonlySet<string>;
  /** What the family means, for the message (`not covered by the patient's benefit plan`). */
  meaning?: string;
  queue: RemitQueue;
  /** The next step for the line (its code and its payer decide the evidence and the appeal's name). */
  nextAction: string | ((input: RemitLineInput) => string);
}

/**
 * Traditional Medicare (CLP06 MA/MB) has no peer-to-peer: its first appeal is a redetermination
 * (42 CFR 405.940-405.958).
 */
const traditionalMedicare = (input: RemitLineInput) =>
  TRADITIONAL_MEDICARE.has(input.claim.filingIndicator ?? '');
/** 77387-26 is image guidance: its evidence is the date's image review, not motion management. */
const evidenceOf = (input: RemitLineInput) =>
  input.line.procedure.code === IGRT_PROFESSIONAL_CODE
    ? 'the image guidance evidence (the date’s image review)'
    : 'the motion-management evidence';

/** The first family that holds one of the line's denial reasons decides the next step. */
const STEPS: readonly Step[] = [
  {
    reasons: MEDICAL_NECESSITY_CARCS,
    queue: 'appeal',
    nextAction: (input) =>
      `Medical-necessity appeal with the letter: the physician’s order and note, ${evidenceOf(input)} and the chart.`,
  },
  {
    reasons: DOWNCODE_CARCS,
    queue: 'appeal',
    nextAction: (input) =>
      `${traditionalMedicare(input) ? 'Redetermination (no peer-to-peer in traditional Medicare)' : 'Peer-to-peer and appeal'} with the five documentation elements supporting this level of service.`,
  },
  {
    reasons: CORRECTABLE_CARCS,
    queue: 'corrected-claim',
    nextAction:
      'Correct the code, modifier, diagnosis or identifier the reason names and send a corrected claim.',
  },
  {
    // CARC 96/204 outside PR (CO/PI/OA): the payer says the plan does not cover the service and the
    // practice bears it; only a signed advance notice (Medicare ABN, modifier GA) lets the patient be billed.
    reasons: NON_COVERED_CARCS,
    meaning: 'not covered by the patient’s benefit plan',
    queue: 'appeal',
    nextAction:
      'Check the patient’s benefits for this code and date (eligibility 270/271, the plan’s policy): if the plan covers it, ask for a benefit review or appeal with that evidence; if an advance notice (Medicare ABN, a plan waiver) was signed before the service, send a corrected claim with modifier GA so the patient can be billed; otherwise write it off.',
  },
  {
    reasons: new Set(['18']),
    queue: 'payer-reprocess',
    nextAction:
      'Duplicate: check the first claim’s status; if it was never paid, ask the payer to reprocess this one.',
  },
  {
    reasons: new Set(['22']),
    queue: 'secondary-claim',
    nextAction:
      'Another payer may be primary: bill it first, then send this payer the claim with its adjudication.',
  },
  {
    reasons: new Set(['29']),
    queue: 'appeal',
    nextAction:
      'Timely filing: appeal with proof of timely submission (the clearinghouse acceptance report).',
  },
];

const step = (denials: readonly Adjustment[]): Step | Omit<Step, 'reasons'> =>
  STEPS.find((s) => denials.some((a) => s.reasons.has(a.reason))) ?? {
    queue: 'appeal' as const,
    nextAction: 'Read the reason and remark codes; correct and resubmit, or appeal with the chart.',
  };

export function otherDenial(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  if (input.line.paidCents !== 0 || input.line.chargeCents <= 0) return null;
  const { denials } = facts;
  // Status 4 with no denial reason is an open denial, unless patient responsibility or a prior payer explain it.
  const explained = facts.patientResponsibilityCents > 0 || facts.priorPayerCents !== 0;
  if (!denials.length && (input.claim.status !== '4' || explained)) return null;
  const remarks = remarkPhrases(allRemarks(input));
  const next = denials.length ? step(denials) : null;
  const because = denials.length
    ? ` under ${denials.map(carcLabel).join(', ')}${next?.meaning ? `: ${next.meaning}` : ''}`
    : ' (claim status 4, no denial reason)';
  return {
    category: 'other-denial',
    ruleId: REMIT_005.id,
    message: `Denied${because}${remarks.length ? `; remarks ${remarks.join(', ')}` : ''}.`,
    ...(next
      ? {
          queue: next.queue,
          nextAction: typeof next.nextAction === 'string' ? next.nextAction : next.nextAction(input),
        }
      : {
          queue: 'payer-reprocess' as const,
          nextAction:
            'The payer denied the claim without a reason code: ask it for the reason and to reprocess.',
        }),
  };
}

/**
 * A claim answered without service lines (835 2100 with no 2110: the TR3 allows claim-level
 * adjudication) and not paid in full outside the patient's share: no code can be judged, so it is never
 * "paid as expected"; the payer is asked for the line-level adjudication.
 */
export function claimWithoutLines(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  if (input.line.procedure.code !== '') return null;
  const unpaid = input.line.chargeCents - input.line.paidCents - facts.patientResponsibilityCents;
  if (unpaid <= 0) return null;
  return {
    category: 'other-denial',
    ruleId: REMIT_005.id,
    message: `The payer answered the claim without service lines and left ${dollars(unpaid)} unpaid (${
      facts.adjustments.map(carcLabel).join(', ') || 'no adjustment given'
    }): no code can be checked.`,
    queue: 'payer-reprocess',
    nextAction:
      'Ask the payer for the line-level adjudication (each code, its allowed amount and reason), then appeal or correct what it shows.',
  };
}
