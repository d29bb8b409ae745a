import type { Authorization, Course } from '../model/course.js';
import { modifier26RuleOn, type PayerProfile } from '../payers/payer-profile.js';
import type { PayerKind } from '../remit/appeal-deadline.js';
import { isMedicalNecessityDenial } from '../remit/carc-kinds.js';
import { DENIAL_CATEGORIES } from '../remit/remit-category.js';
import { cited } from './attribution.js';
import { authorizationCount, authorizationCovering, authorizationLabel } from './authorization-on-file.js';
import type { LetterClaim } from './assemble-letter.js';
import { type IgrtReferenceData, igrtReferencePoints } from './igrt-reference.js';
import type { LetterType } from './letter-types.js';
import { twiceDailyPoints } from './twice-daily.js';
import { adjudicationPhrase, lineAdjudication } from './line-adjudication.js';

/**
 * The statements a letter makes in its own words, each cited through `attribution.ts`: the code
 * criteria, the policy point of each letter type (with the payer's own modifier rule) and the
 * peer-to-peer talking points of each denial category. Facts of the patient's record (the claim, the
 * authorization on file), the payer's rules as its profile records them and the practice's own
 * documentation policy cite nothing.
 */
export interface StatementContext {
  type: LetterType;
  course: Course;
  claim: LetterClaim | null;
  /** The dates of service of the services the letter answers (a claim's letter: each of its lines'). */
  serviceDates: readonly string[];
  profile: PayerProfile;
  payerName: string;
  argues77412: boolean;
  /** The course has its own code (SBRT, SRS, protons…): no 77412 points. */
  routed: boolean;
  /** Who decides the appeal (the line's appeal facts); null without a remittance line. */
  payerKind: PayerKind | null;
  /** The practice's CMS reference data for 77387-26 (igrt-reference.ts). */
  igrtReference: IgrtReferenceData | null;
  /** A course's sheet (no line): the course's denied lines, whose denial types get talking points. */
  denials: readonly LetterClaim[];
}

/**
 * The 2026 code criteria where 77412 is argued; where it rests on active motion management, the
 * practice's documentation policy and, to a payer that applies eviCore's criteria (its profile's
 * `amm77412Criteria`), what eviCore asks the documentation to show: another payer's reviewer is not
 * told what eviCore expects.
 */
export function codeCriteria(argues77412: boolean, needsAmm: boolean, profile: PayerProfile): string[] {
  const evicore = profile.amm77412Criteria === 'evicore-breast';
  return [
    ...(argues77412
      ? [
          // CPT 2026's own criteria (the AMA descriptor as the seed reproduces it, domain.md §2), named as
          // CPT's in the sentence; no published copy was verified, so nothing is cited for it.
          'CPT 77412 (2026) is reported for any one of: photons to multiple isocenters (2D, 3D or IMRT); single-isocenter 3D or IMRT photon therapy with active motion management; total skin electrons; mixed electron/photon fields.',
        ]
      : []),
    ...(needsAmm && evicore
      ? [
          cited(
            'amm-payer-documentation',
            'eviCore looks for documentation confirming the technology used (for example DIBH, AlignRT or surface guidance) or active motion management with defined thresholds that would pause the beam; a check-box or "DIBH" alone does not suffice.',
          ),
        ]
      : []),
    ...(needsAmm
      ? [
          // The practice's own policy, adopted from the seed's "Documentation requirements" and "Key
          // takeaways" (Radiation Business Solutions, Best Practices for SGRT Billing, 2026): stated as
          // the practice's, with no published source to cite.
          "Under the practice's documentation policy each fraction reported as 77412 has the physician's order and a patient-specific statement of medical necessity, a surface-guidance record showing the patient monitored from beam-on to beam-off, treatment paused (manually or automatically) whenever the patient moves out of tolerance, and that record signed by the physician before the next beam-on.",
        ]
      : []),
    ...(needsAmm && evicore
      ? [
          cited(
            'documentation-elements',
            'To support an approval of 77412 for active motion management, eviCore asks for clear, explicit detail on five elements: medical necessity for motion management; the real-time monitoring or gating system used; the workflow or parameters (thresholds, tolerance levels, patient-specific set-up); how motion is monitored during treatment and the therapist alerted to deviations; and what triggers beam-off.',
          ),
        ]
      : []),
  ];
}

/** The policy point of the letter (the peer-to-peer sheet: the talking points of its denial category). */
export function policyPoints(c: StatementContext): string[] {
  switch (c.type) {
    case 'prior-authorization':
      // CPT 2026's criterion, named as CPT's (uncited, as codeCriteria).
      return c.argues77412
        ? [
            'The request is for the 2026 delivery code the planned technique meets: under CPT 2026, single-isocenter 3D or IMRT photon therapy with active motion management is reported as 77412.',
          ]
        : [];
    case 'retro-authorization':
      // CPT 2026's criterion, named as CPT's (uncited, as codeCriteria), for the code delivered.
      return c.argues77412
        ? [
            'The services were billed with the 2026 delivery code the delivered technique meets: under CPT 2026, single-isocenter 3D or IMRT photon therapy with active motion management is reported as 77412.',
          ]
        : [];
    case 'appeal-downcode':
      return c.routed ? [] : downcodePoints(c);
    case 'appeal-igrt-denial':
      return igrtPoints(c);
    case 'appeal-authorization-2025':
      return authorization2025Points(c);
    case 'appeal-zero-payment':
      return zeroPaymentPoints(c);
    case 'appeal-medical-necessity':
      return [];
    case 'redetermination':
      return c.claim?.category === 'frequency-denial' ? frequencyPoints(c, false) : [];
    case 'peer-to-peer':
      return talkingPoints(c);
  }
}

/**
 * The point at issue in a 77412 downcode. An authorization on file that approved 77412 for the date of
 * service (the patient's record, uncited) comes first: against a downcode it is decisive. ASTRO's report
 * of payers reading 77412 as multiple anatomical sites rather than multiple isocenters (a page on early
 * 2026 prior-authorization denials) bears only on a course with several isocenters, and is not put to
 * traditional Medicare, which has no prior authorization for radiation therapy. A single-isocenter 77412
 * rests on active motion management: the letter's criteria and the date's record argue it.
 */
function downcodePoints(c: StatementContext): string[] {
  const auth = authorizationCovering(c.course, c.claim?.dateOfService);
  return [
    ...(auth?.codes.includes('77412')
      ? [
          `The payer's authorization ${authorizationLabel(auth)} approved 77412 for this date of service (${c.claim!.dateOfService}).`,
        ]
      : []),
    ...(c.course.plan.isocenters === 1 && c.course.plan.motionManagement
      ? [
          // CPT 2026's criterion, named as CPT's (uncited, as codeCriteria).
          `This 77412 rests on a single isocenter with active motion management, which CPT 2026 reports as 77412, not on multiple isocenters: ${c.claim?.dateOfService ? 'the motion-management record of the date of service shows it' : "the course's motion-management records show it"}.`,
        ]
      : []),
    ...(c.course.plan.isocenters > 1 && c.payerKind !== 'medicare'
      ? [
          cited(
            'payer-misreadings-77412',
            'ASTRO reports that early 2026 denials of 77412 have largely stemmed from payer interpretations limiting the code to multiple anatomical sites rather than multiple isocenters for a single site, and from the global application of fraction limits.',
          ),
        ]
      : []),
  ];
}

/**
 * 77387-26: what holds for every payer (77387 is a professional code only, and ASTRO's report, quoted,
 * of denials resting on varying grounds), then the payer's own modifier-26
 * rule when its profile has one, to UnitedHealthcare ASTRO's word that its denials come from an incorrect
 * edit in its system, and to traditional Medicare and Medicare Advantage plans what Medicare's fee
 * schedule and NCCI tables in force (as the practice loaded them) say of 77387-26.
 */
function igrtPoints(c: StatementContext): string[] {
  return [
    cited(
      'igrt-professional-only',
      'In 2026 image guidance is reported with 77387 as a professional code only; its technical component is bundled into the delivery codes 77402, 77407 and 77412.',
    ),
    cited(
      'igrt-denial-rationales',
      'ASTRO reports that 77387-26 denials "have been issued based on claims that IGRT is bundled with treatment delivery or that the professional component is not separately payable in hospital settings, resulting in inconsistent denial rationales across both freestanding and hospital-based facilities".',
    ),
    ...modifierPoint(c),
    ...(c.profile.id === 'uhc'
      ? [
          cited(
            'igrt-uhc-edit',
            'ASTRO reports that members "are also being denied the professional component of image guidance 77387 due to an incorrect edit in the United Healthcare system" and that it is working with UHC to correct this problem.',
          ),
        ]
      : []),
    ...(c.claim?.dateOfService
      ? igrtReferencePoints(c.igrtReference, c.payerKind, c.claim.dateOfService, c.claim.carcs)
      : []),
  ];
}

/**
 * The payer's 77387 modifier-26 rule on the date of service, as the practice's profile of the payer records
 * it (the profile's `source`; the default profile is CPT's, no payer's): the payer's own rule, not cited.
 */
function modifierPoint({ profile, claim, payerName }: StatementContext): string[] {
  if (!claim?.dateOfService || profile.id === 'default') return [];
  const rule = modifier26RuleOn(profile, claim.dateOfService);
  const billed = `the line was billed ${claim.modifiers.includes('26') ? 'with' : 'without'} it`;
  if (rule === 'required')
    return [`${payerName} requires modifier 26 on 77387 for this date of service; ${billed}.`];
  if (rule === 'either')
    return [`${payerName} accepts 77387 with or without modifier 26 on this date of service; ${billed}.`];
  return [];
}

/** The 2025 authorization a 2026 date of service rode on. */
export function authorization2025(course: Course): Authorization | undefined {
  return course.authorizations.find((a) => a.obtainedOn < '2026-01-01');
}

/**
 * What shows that the payer carried the 2025 authorization forward: its notice on file (the
 * authorization's status `carried-forward`), or the record of the 2026 request it denied. Without either
 * the letter does not say so (seed: payers deny 2026 claims on carried-forward authorizations, even
 * where the 2026 request was denied because of the carry-forward).
 */
export function carryForwardEvidence(course: Course): string | null {
  const notice = course.authorizations.find(
    (a) => a.obtainedOn < '2026-01-01' && a.status === 'carried-forward',
  );
  if (notice) return `the payer's notice that authorization ${notice.number} carries into 2026 is enclosed`;
  const denied = course.authorizations.find((a) => a.obtainedOn >= '2026-01-01' && a.status === 'denied');
  if (denied)
    return `the payer denied the 2026 authorization requested for this course (${denied.number}, ${denied.obtainedOn}) because the 2025 authorization covered it; its record is enclosed`;
  return null;
}

/**
 * The authorization had fractions left on the date: fewer of the course's fractions were delivered in its
 * validity before the date than it authorizes (the export's count, as AUTH-003 holds it).
 */
export function fractionLeft(course: Course, auth: Authorization, date: string): boolean {
  const used = course.fractions.filter((f) => auth.validFrom <= f.date && f.date < date);
  return new Set(used.map((f) => f.number)).size < auth.fractionsAuthorized;
}

/**
 * Codes deleted in 2026 (ASTRO's 2026 code-change article: "77385, 77386 and the delivery G-codes"; the
 * delivery G-codes are G6003-G6016): a 2025 authorization naming one cannot match a 2026 claim line.
 */
const DELETED_2026 = /^(77385|77386|G600[3-9]|G601[0-6])$/;

/**
 * The authorization the service rode on, with its codes and fraction count; ASTRO's code change only
 * when the authorization named a deleted code (77402, 77407 and 77412 were revised, not introduced, so an
 * authorization naming them is not argued by it); the carry-forward only with its evidence on file.
 */
function authorization2025Points({ course, serviceDates }: StatementContext): string[] {
  const auth = authorization2025(course);
  const dates = serviceDates.filter(
    (d) => auth && auth.validFrom <= d && d <= auth.validTo && fractionLeft(course, auth, d),
  );
  const covers = dates.length > 0;
  const evidence = carryForwardEvidence(course);
  return [
    ...(auth?.codes.some((code) => DELETED_2026.test(code))
      ? [
          cited(
            'codes-replaced-2026',
            'The 2026 delivery codes 77402, 77407 and 77412 replaced the earlier delivery codes: 77385, 77386 and the delivery G-codes were deleted.',
          ),
        ]
      : []),
    ...(auth && covers
      ? [
          dates.length === 1
            ? `The service of ${dates[0]} was delivered under authorization ${authorizationLabel(auth, true)}.`
            : `The services of ${dates.slice(0, -1).join(', ')} and ${dates.at(-1)} were delivered under authorization ${authorizationLabel(auth, true)}.`,
        ]
      : []),
    ...(auth && evidence ? [`The payer carried that authorization forward into 2026: ${evidence}.`] : []),
  ];
}

function zeroPaymentPoints({ claim }: StatementContext): string[] {
  const carcs = claim?.carcs.join(', ') || 'an adjustment';
  return [
    `The whole charge was adjusted under ${carcs} and nothing was paid: a denial in effect, without a denial reason.`,
  ];
}

/**
 * The peer-to-peer talking points for the denial category of the line (domain.md §4 "What to do", §6.1);
 * a course's sheet (no line) lists each denied line of the course (date, code, CARCs), then the points of
 * each denied line, by date of service (the reviewer may ask about any line denied), or the 77412 points
 * when the plan rests on them and no line is denied.
 */
function talkingPoints(c: StatementContext): string[] {
  if (c.claim) {
    const points = categoryPoints(c);
    return points.length ? ['Talking points:', ...points] : [];
  }
  if (!c.denials.length) return c.argues77412 ? ['Talking points:', ...downcodePoints(c)] : [];
  const byDate = [...c.denials].sort((a, b) => (a.dateOfService ?? '').localeCompare(b.dateOfService ?? ''));
  const listed = [
    'Denied lines of the course:',
    ...byDate.map(
      (d) =>
        `- ${d.dateOfService ?? 'no date'}: ${[d.submittedCode, ...d.modifiers].join('-')}, ${d.carcs.join(', ') || 'no adjustment code'}`,
    ),
  ];
  const points = byDate.flatMap((claim) => {
    const points = categoryPoints({ ...c, claim });
    const on = `${claim.carcs.join(', ') || 'no adjustment code'} on ${claim.submittedCode} (${claim.dateOfService ?? 'no date'})`;
    return points.length ? [`Talking points, ${on}:`, ...points] : [];
  });
  return [...listed, ...points];
}

/**
 * The talking points of a line's adjudication (line-adjudication.ts): a line paid at a lower code is
 * argued as a downcode whatever its category, a line the payer did not deny is not called denied.
 */
function categoryPoints(c: StatementContext): string[] {
  const carcs = c.claim?.carcs.join(', ') || 'none given';
  const adjudication = c.claim ? lineAdjudication(c.claim) : null;
  if (
    c.claim &&
    adjudication !== 'paid-at-lower-code' &&
    !(DENIAL_CATEGORIES as readonly string[]).includes(c.claim.category)
  )
    return [`The line was ${adjudicationPhrase(c.claim)} (${carcs}): the payer did not deny it.`];
  switch (adjudication === 'paid-at-lower-code' ? 'downcoded' : (c.claim?.category ?? null)) {
    case null:
    case 'downcoded':
      return !c.routed && (c.argues77412 || c.claim?.submittedCode === '77412') ? downcodePoints(c) : [];
    case 'igrt-professional-denied':
      return igrtPoints(c);
    case 'zero-paid-no-denial-code':
      return [
        ...zeroPaymentPoints(c),
        'Ask the reviewer why the covered delivery was adjusted to zero and to reprocess the line.',
      ];
    case 'authorization-2025':
      return authorization2025Points(c);
    case 'authorization-denial':
      return authorizationDenialPoints(c, carcs);
    case 'frequency-denial':
      return frequencyPoints(c, true);
    case 'missing-information':
      // How the claim is corrected depends on the payer (a replacement claim; for Medicare Part B a new
      // claim or a reopening): the remittance analysis decides it (REMIT-012), the sheet quotes it.
      return [
        `The line was denied for missing or invalid information (${carcs}). The correction comes first: ${c.claim?.nextAction ?? 'make the correction the remittance line names.'}`,
        'A peer-to-peer does not replace the correction; ask for one only if the payer denies the corrected line again.',
      ];
    default:
      // CARC 50/55/56/167 (carc-kinds.ts): the payer found the service not medically necessary.
      return c.claim?.carcs.some(isMedicalNecessityDenial)
        ? [
            `The line was denied as not medically necessary (${carcs}). Ask the reviewer which policy and which criterion the denial rests on, and for both in writing.`,
            `Quote the treating physician's statement of necessity (above) and the treatment record of ${c.claim.dateOfService ?? 'the date of service'}: diagnosis, intent, the anatomy at risk and the doses planned.`,
          ]
        : [
            `The line was denied (${carcs}). Ask the reviewer which policy and which criterion the denial rests on, and for both in writing.`,
            "If it is medical necessity: quote the physician's statement of necessity and the treatment record of the date of service.",
          ];
  }
}

/** A frequency or units denial: the date's one session, or its sessions of a twice-daily day (twice-daily.ts). */
function frequencyPoints(c: StatementContext, forSheet: boolean): string[] {
  const dos = c.claim?.dateOfService;
  const carcs = c.claim?.carcs.join(', ') || 'none given';
  const single = singleSessionPoints(c);
  if (single.length) return single;
  const twice = dos ? twiceDailyPoints(c.course, dos, carcs, c.profile, c.payerName, forSheet) : [];
  if (twice.length || !forSheet) return twice;
  // No session of the date on record: the sheet says what the reviewer will ask for.
  return [
    `The line was denied as a frequency or units problem (${carcs}). A second session the same day is billable when it is a distinct session with a real break (the practice's profile of ${c.payerName} records ${c.profile.breakHours} hours) documented as necessary, reported ${c.profile.twiceDaily === 'units' ? 'as 2 units on one line' : 'as a second line with modifier 76'}: have both sessions' times and the physician's reason ready.`,
  ];
}

/**
 * A frequency or units denial (CO-151) of a date with one treatment session is no twice-daily question:
 * the points are the session of the date (the record), the authorization's own fraction count against
 * the fractions delivered in its validity through the date (AUTH-003's count; beyond it, said so), and,
 * for a 77412 line to a payer other than traditional Medicare (which has no prior authorization for
 * radiation therapy), ASTRO's naming of the "global application of fraction limits" among the grounds of
 * early 2026 denials of 77412 (Early 2026 Prior Authorization denial trends, 14 January 2026). Empty
 * when the date had no session on record or more than one.
 */
function singleSessionPoints(c: StatementContext): string[] {
  const dos = c.claim?.dateOfService;
  const sessions = dos
    ? new Set(c.course.fractions.filter((f) => f.date === dos).map((f) => f.number))
    : new Set();
  if (!dos || sessions.size !== 1) return [];
  const carcs = c.claim!.carcs.join(', ') || 'none given';
  const count = authorizationCount(c.course, dos);
  const over = count && count.delivered > count.authorization.fractionsAuthorized;
  return [
    `The line was denied as a frequency or units problem (${carcs}), but ${dos} had one treatment session (fraction ${[...sessions][0]}), not a second session that day.`,
    ...(count
      ? [
          `Authorization ${count.authorization.number} authorizes ${count.authorization.fractionsAuthorized} fraction${count.authorization.fractionsAuthorized === 1 ? '' : 's'}; ${count.delivered} ${count.delivered === 1 ? 'was' : 'were'} delivered in its validity through ${dos}, this one included${over ? ': more than it authorizes; ask the payer to extend the authorization for the fractions beyond its count.' : '.'}`,
        ]
      : []),
    ...(c.claim!.submittedCode === '77412' && c.payerKind !== 'medicare' && c.profile.id !== 'medicare'
      ? [
          cited(
            'fraction-limits-77412',
            'Among the grounds of early 2026 denials of 77412, ASTRO names the "global application of fraction limits": ask the reviewer which fraction limit the denial applies and where the payer\'s policy states it.',
          ),
        ]
      : []),
  ];
}

/**
 * An authorization denial: with an authorization on file covering the date of service, the reviewer is
 * given it and asked to reprocess (authorization-on-file.ts); without one, a retro-authorization.
 */
/**
 * A traditional Medicare redetermination of a line denied for authorization answers the denial's reason
 * first: Medicare Part B has no prior authorization for radiation therapy, the source REMIT-007 reads the
 * MAC's authorization CARCs by (remit-007-authorization-denial.ts). Empty for any other line.
 */
export function medicareAuthorizationAnswer(c: StatementContext): string[] {
  if (c.type !== 'redetermination' || c.claim?.category !== 'authorization-denial') return [];
  return [
    `Traditional Medicare Part B has no prior authorization for radiation therapy (CMS, "Prior Authorization and Pre-Claim Review Initiatives": listed hospital outpatient department services, DMEPOS and repetitive scheduled non-emergent ambulance transport; the WISeR model's list, CMS-5056-N, 90 FR 28749): the want of an authorization (${c.claim.carcs.join(', ') || 'no adjustment code'}) is no ground to deny this service, and no authorization was required to deliver it.`,
  ];
}

function authorizationDenialPoints(c: StatementContext, carcs: string): string[] {
  const dos = c.claim?.dateOfService;
  const auth = authorizationCovering(c.course, dos);
  if (auth)
    return [
      `The line was denied for authorization (${carcs}). Authorization ${authorizationLabel(auth, true)} covers the date of service ${dos}: give the reviewer its number and ask the payer to reprocess the line against it (a reconsideration if refused), not for a retro-authorization.`,
    ];
  return [
    `The line was denied for authorization (${carcs}). Ask whether the payer accepts a retro-authorization for the dates treated, and on what record.`,
  ];
}
