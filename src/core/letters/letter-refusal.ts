import type { Course } from '../model/course.js';
import { resubmission, type ResubmissionFacts } from '../remit/claim-resubmission.js';
import {
  authorizationCovering,
  authorizationCoveringRest,
  authorizationLabel,
} from './authorization-on-file.js';
import type { LetterType } from './letter-types.js';

/** A stored remittance line as its letter reads it: what the payer answered and the next action. */
export interface RefusalLine extends ResubmissionFacts {
  dateOfService: string | null;
  nextAction: string | null;
  /** The line's procedure code and modifiers (`77387`, `['26']`). */
  code: string;
  modifiers: readonly string[];
  /** The course's payer profile (`uhc`, `evicore`…). */
  payerProfile: string;
}

/**
 * Why no letter of this type answers a remittance line, or null: the list of lines (whether to offer a
 * draft), a batch and a single draft all ask this one function. A line whose next action is to send the
 * claim again (`resubmission`: a new claim after an unprocessable return, CMS IOM 100-04 ch. 1 §80.3; a
 * corrected claim, 837 CLM05-3 7) is answered by that claim, not by an appeal; otherwise the letter's own
 * refusal for the course and the line's date of service (`letterRefusal`).
 */
export function lineLetterRefusal(
  type: LetterType,
  course: Course,
  medicare: boolean,
  line: RefusalLine,
): string | null {
  const claim = resubmission(line);
  if (claim)
    return `a ${claim === 'new-claim' ? 'new' : 'corrected'} claim answers this line, not a letter${
      line.nextAction ? `: ${line.nextAction}` : ''
    }`;
  if (type === 'appeal-igrt-denial' && modifierDenial(line))
    return `a corrected claim answers this line, not an appeal: ${MODIFIER_ROUTE}`;
  const refused = letterRefusal(type, course, medicare, line.dateOfService);
  if (!refused || !medicare || type === 'redetermination') return refused;
  // A traditional Medicare line refused the letter asked is answered by its own routes: named, with the
  // remittance analysis's next action for the line.
  return `${refused}: ${MEDICARE_ROUTE}${
    line.nextAction ? `. The remittance analysis's next action: ${line.nextAction}` : ''
  }`;
}

/**
 * The letter a line's payer answers: traditional Medicare's contractors hold no peer-to-peer review, and
 * it has no prior authorization for radiation therapy (so no retro-authorization, `letterRefusal`), so a
 * line whose category calls for a peer-to-peer sheet (a frequency denial such as CO-151, another denial)
 * or a retro-authorization request (an authorization CARC such as CO-197, REMIT-007) gets the
 * redetermination request, its first level of appeal (42 CFR 405.940); other letters are unchanged (an
 * appeal to Medicare already carries the redetermination level, appeal-facts.ts). The list of lines, a
 * batch and a single draft all offer the letter this gives and refuse by `lineLetterRefusal`.
 */
export function payerLetterType(type: LetterType, medicare: boolean): LetterType {
  return medicare && MEDICARE_HAS_NO.has(type) ? 'redetermination' : type;
}

const MEDICARE_HAS_NO: ReadonlySet<LetterType> = new Set<LetterType>(['peer-to-peer', 'retro-authorization']);

/**
 * A private payer's CO-4 denial of 77387-26: ASTRO ("I Got Denied or Downcoded"): "For private payers
 * still denying 77387 due to the modifier, ASTRO suggests resubmitting claims without it". UHC requires
 * the modifier (its own edit, argued in the appeal). Private by the claim filing indicator (X12 code list
 * 1032: 12 PPO, 13 POS, 14 EPO, 15 indemnity, BL Blue Cross Blue Shield, CI commercial); HM is not one
 * of them, as an HMO may be a Medicare Advantage plan.
 */
function modifierDenial(line: RefusalLine): boolean {
  return (
    line.code === '77387' &&
    line.modifiers.includes('26') &&
    line.carcs.includes('CO-4') &&
    line.payerProfile !== 'uhc' &&
    PRIVATE_FILING_INDICATORS.has(line.claimFilingIndicator ?? '')
  );
}

const PRIVATE_FILING_INDICATORS = new Set(['12', '13', '14', '15', 'BL', 'CI']);

const MODIFIER_ROUTE =
  'the payer denied 77387-26 over the modifier (CO-4); for private payers still denying 77387 due to the modifier, ASTRO suggests resubmitting claims without it: send a corrected claim (frequency code 7) without modifier 26';

/**
 * The routes of a traditional Medicare Part B denial: a redetermination requested from the Medicare
 * Administrative Contractor with form CMS-20027's content (a written request with the same elements is
 * accepted) within 120 days of receipt of the notice (42 CFR 405.940, 405.942, 405.944), the letter
 * `redetermination`; a reopening for a clerical error (42 CFR 405.980; CMS IOM 100-04 ch. 34); a
 * corrected claim.
 */
const MEDICARE_ROUTE =
  'draft the redetermination request (with the elements 42 CFR 405.944(b) requires, within 120 days of receipt of the notice, 42 CFR 405.942) to the Medicare Administrative Contractor, ask it for a reopening when the denial rests on a clerical error (42 CFR 405.980), or send a corrected claim when the claim was wrong';

/**
 * Why a letter must not be drafted at all, or null. A prior-authorization request is refused:
 * - to traditional Medicare, which has no prior authorization for radiation therapy: its fee-for-service
 *   prior authorization covers listed hospital outpatient services, DMEPOS items and repetitive
 *   ambulance transport (CMS, "Prior Authorization and Pre-Claim Review Initiatives"), and the WISeR
 *   model's list of select services from 2026 (CMS-5056-N, 90 FR 28749) has no radiation therapy either;
 *   Medicare Advantage plans (SBR09 16, HM…) are not traditional Medicare and do ask for it;
 * - for a line whose date of service an authorization on file covers: the payer has what it asked for,
 *   so the next action is its reprocessing (a reconsideration if refused) quoting that authorization
 *   (authorization-on-file.ts; the remittance analysis's REMIT-007 next action);
 * - for a course already delivered in full: an authorization is asked before the treatment it covers
 *   (a claim denied for authorization after treatment goes to the payer's retro-authorization process);
 * - for a course whose fractions still to come an authorization on file covers (their number, scheduled
 *   dates and code, `authorizationCoveringRest`): there is nothing left to ask.
 * A retro-authorization request (the answer to a delivered service denied for want of an authorization,
 * domain.md §6.1) is refused to traditional Medicare for the same reason (a Part B authorization CARC is
 * read by its remark and answered by a corrected claim or a reopening, REMIT-007) and for a date an
 * authorization on file covers (reprocessing, as above).
 * A peer-to-peer sheet is refused to traditional Medicare: its contractors hold no peer-to-peer review;
 * a Part B denial is answered by a redetermination (42 CFR 405.940-405.958), a clerical error by a
 * reopening (42 CFR 405.980; CMS IOM 100-04 ch. 34). A redetermination request is refused to any other
 * payer: it is traditional Medicare's level of appeal only.
 * The appeal of a 77412 downcoded to 77407 is refused for a course whose delivery has codes of its own
 * (SRS/SBRT 77371–77373 or G0339/G0340, protons, brachytherapy, superficial/orthovoltage): the seed's
 * 77402–77412 are "not to be used for proton therapy, stereotactic, or brachytherapy", so no 77412 was due.
 */
export function letterRefusal(
  type: LetterType,
  course: Course,
  medicare: boolean,
  dateOfService?: string | null,
): string | null {
  if (type === 'appeal-downcode') {
    const own = ownCodeFamily(course);
    return own
      ? `course ${course.courseId} is ${own}: its delivery is not billed with 77412 (77402–77412 are "not to be used for proton therapy, stereotactic, or brachytherapy"), so a "77412 downcoded to 77407" appeal does not apply`
      : null;
  }
  // 42 CFR 405.940: the redetermination is the first level of appeal of a traditional Medicare initial
  // determination; a Medicare Advantage plan reconsiders its organization determination (42 CFR
  // 422.578ff); a commercial plan's appeal is set by its contract (domain.md §6.1).
  if (type === 'redetermination')
    return medicare
      ? null
      : "a redetermination is traditional Medicare's first level of appeal (42 CFR 405.940); this payer is not traditional Medicare: a Medicare Advantage plan's first level is its reconsideration (42 CFR 422.578), a commercial plan's the appeal its contract sets, so draft the line's own appeal or peer-to-peer sheet";
  if (type === 'peer-to-peer' && medicare)
    return 'traditional Medicare contractors hold no peer-to-peer review (its first level of appeal is the redetermination, 42 CFR 405.940)';
  if (type === 'retro-authorization') {
    if (medicare)
      return "traditional Medicare has no prior authorization for radiation therapy, so no retro-authorization: read the line's remark and answer it by a corrected claim or a reopening (or bill the patient's Medicare Advantage plan), as its next action says";
    return onFileRefusal(type, course, dateOfService);
  }
  if (type !== 'prior-authorization') return null;
  if (medicare)
    return 'traditional Medicare has no prior authorization for radiation therapy: no request is drafted (bill the treatment; Medicare Advantage plans are separate payers)';
  const onFile = onFileRefusal(type, course, dateOfService);
  if (onFile) return onFile;
  const delivered = new Set(course.fractions.map((f) => f.number)).size;
  if (delivered >= course.plan.fractionsPlanned)
    return `course ${course.courseId} is finished (${delivered} of ${course.plan.fractionsPlanned} fractions delivered): a prior-authorization request is for treatment not yet delivered; for a claim denied for authorization, ask the payer for a retro-authorization`;
  const rest = authorizationCoveringRest(course);
  if (rest)
    return `authorization ${authorizationLabel(rest.authorization, true)} on file covers the ${rest.fractions} fractions still to be delivered (scheduled ${rest.firstDate} to ${rest.lastDate}): no prior-authorization request is needed; ask the payer for more only if the plan changes`;
  return null;
}

/** An authorization on file covers the line's date: the payer is asked to reprocess, not for a new one. */
function onFileRefusal(type: LetterType, course: Course, dateOfService?: string | null): string | null {
  const onFile = authorizationCovering(course, dateOfService);
  return onFile
    ? `authorization ${authorizationLabel(onFile)} on file covers ${dateOfService}: a ${type} request is the wrong letter; ask the payer to reprocess the line quoting authorization ${onFile.number} (a reconsideration if refused)`
    : null;
}

/** The code family a course's delivery has outside 77402–77412, named, or null. */
function ownCodeFamily(course: Course): string | null {
  const { technique, modality } = course.plan;
  if (technique === 'SRS' || technique === 'SBRT') return `${technique} (stereotactic codes)`;
  if (technique === 'brachytherapy') return 'brachytherapy';
  if (modality === 'proton' || modality === 'superficial' || modality === 'orthovoltage')
    return `${modality} delivery`;
  return null;
}
