import type { FractionAudit } from '../audit/audit-course.js';
import type { AuditOptions } from '../audit/audit-options.js';
import {
  ELEMENTS,
  elementsExpected,
  necessityProblem,
  scoreElements,
} from '../audit/documentation-elements.js';
import { IGRT_PROFESSIONAL_CODE } from '../model/billing-line.js';
import type { Course } from '../model/course.js';
import { modifier26RuleOn, type PayerProfile } from '../payers/payer-profile.js';
import { clockFor } from '../time/local-clock.js';
import type { DeliveryDecision } from '../coding/select-codes.js';
import type { PayerKind } from '../remit/appeal-deadline.js';
import { courseLevel } from './course-level.js';
import { evicoreBreastFinding } from '../payers/rules/payer-002-evicore-breast.js';
import { authorizationCovering, authorizationLabel } from './authorization-on-file.js';
import { type AppealFacts, appealHeaderLines, enclosureLines } from './appeal-facts.js';
import { type IgrtReferenceData, igrtReferenceGaps, igrtReferenceUse } from './igrt-reference.js';
import { imagingLabel } from './imaging-modality.js';
import { adjudicationPhrase } from './line-adjudication.js';
import { requestedFractions, type RequestedFractions } from './course-limit.js';
import { DEFAULT_TEMPLATE_VERSION, defaultTemplate, defaultTemplateId } from './default-templates.js';
import type {
  EvidenceSummary,
  LetterDraft,
  LetterMissing,
  LetterType,
  LetterWarning,
} from './letter-types.js';
import { APPEAL_TYPES, CLAIM_LETTER_TYPES } from './letter-types.js';
import { thresholdLabel } from '../audit/monitoring-labels.js';
import { statedCourseThresholds } from '../audit/motion-settings.js';
import {
  type FractionEvidence,
  type MotionEvidence,
  motionEvidence,
  permilleLabel,
} from './motion-evidence.js';
import {
  authorization2025,
  carryForwardEvidence,
  codeCriteria,
  fractionLeft,
  medicareAuthorizationAnswer,
  policyPoints,
  type StatementContext,
} from './letter-statements.js';
import { beamHoldLabel, deniedForNecessity, sheetDates } from './peer-to-peer-scope.js';
import { twiceDailyWarnings } from './twice-daily.js';
import { MEDICARE_MODIFIER_REOPENING } from '../remit/rules/remit-002-igrt-professional-denied.js';
import { type LetterPhysician, physicianLabel, signatureBlock, signerMissing } from './letter-signer.js';
import { renderTemplate, tidy, type TemplateValues } from './render-template.js';
import {
  citeReferences,
  type GuidelineVersions,
  guidelineVersionWarning,
  practiceGuideline,
  REFERENCE_LIBRARY,
  type ReferenceLibrary,
  siteReferences,
  type SiteReferences,
} from './site-references.js';

/** The remittance line an appeal answers (stored remit_lines, src/core/remit). Amounts in cents. */
export interface LetterClaim {
  claimNumber: string;
  payer: string | null;
  dateOfService: string | null;
  /** Adjudicated code (SVC01) and the code submitted (SVC06, else the same). */
  code: string;
  submittedCode: string;
  modifiers: string[];
  billedCents: number;
  paidCents: number;
  /** `CO-45`, `CO-97`… */
  carcs: string[];
  /** The line's remark codes (RARCs), where read. */
  remarks?: string[];
  /** The amount the payer allowed, where read. */
  allowedCents?: number;
  /** The remittance category (src/core/remit/remit-category.ts). */
  category: string;
  /** The remittance analysis's next action for the line (the Remittances page's), null when it has none. */
  nextAction: string | null;
}

/** Everything a letter is assembled from; the app reads it from the database (src/app/letters). */
export interface LetterInput {
  type: LetterType;
  /** The letter's date, YYYY-MM-DD (core reads no clock). */
  date: string;
  practiceName: string;
  /** The practice's physicians (billing settings) by chart id: the signer and the image reviewer. */
  physicians: Readonly<Record<string, LetterPhysician>>;
  /** From the patients table; the peer-to-peer sheet never prints the birth date. */
  patient: { name: string | null; birthDate: string | null };
  course: Course;
  fractions: readonly FractionAudit[];
  profile: PayerProfile;
  /**
   * The payer's name in the practice's payer settings (billing settings, by the course's payer profile):
   * the letter names the payer so throughout; absent, the 835's name (N1*PR), else the chart's.
   */
  payerSettingsName?: string | null;
  claim: LetterClaim | null;
  /** An appeal's payer claim number, level, deadline and enclosures (appeal-facts.ts). */
  appeal?: AppealFacts | null;
  /**
   * A retro-authorization request: the lines of the denied claim denied for authorization (the line
   * answered among them), whose services it asks to authorize; absent, the line answered alone.
   */
  claimLines?: readonly LetterClaim[];
  /** The practice's CMS reference data for 77387-26 (MPFS and NCCI releases), for an IGRT appeal. */
  igrtReference?: IgrtReferenceData | null;
  options: AuditOptions;
  /**
   * A course's peer-to-peer sheet (no line): the course's denied remittance lines, whose denial types get
   * their talking points.
   */
  denials?: readonly LetterClaim[];
  /** A practice's template; absent, the bundled default. */
  template?: { id: string; version: number; text: string } | undefined;
  library?: ReferenceLibrary;
  /** The guideline versions the practice follows (its settings); a cited guideline without one warns. */
  guidelineVersions?: GuidelineVersions | undefined;
}

const TITLES: Record<Exclude<LetterType, 'prior-authorization'>, string> = {
  'retro-authorization': 'Request for retroactive authorization: services delivered',
  'appeal-downcode': 'Appeal: CPT 77412 downcoded to 77407',
  'appeal-igrt-denial': 'Appeal: CPT 77387-26 denied',
  'appeal-authorization-2025': 'Appeal: 2026 claim denied on a 2025 authorization',
  'appeal-zero-payment': 'Appeal: zero payment without a denial reason',
  'appeal-medical-necessity': 'Appeal: denied as not medically necessary',
  redetermination: 'Medicare redetermination request',
  'peer-to-peer': 'Peer-to-peer preparation sheet',
};

/**
 * The appeal of a 77412 downcode argues 77412 whatever the chart; the other letters do when the line is
 * 77412, and a request or a course's peer-to-peer sheet also when the course's code is 77412 (a request
 * asks for the code the course meets, whichever it is); a line's sheet argues the code billed on it.
 */
const argues77412ByLevel = (type: LetterType, claim: LetterClaim | null) =>
  type === 'prior-authorization' || (type === 'peer-to-peer' && !claim);
/** Appeals answer one remittance line: they speak of its date of service only. */
const APPEALS = APPEAL_TYPES;

/** A check-box mark: ASCII "[x]" or the Unicode ballot boxes and check marks. */
const CHECKBOX = /\[\s*[xX✓✔]?\s*\]|[☐☑☒✓✔]/;
const NECESSITY_WARNINGS: Record<
  'dibh-only' | 'too-short' | 'template' | 'checkbox' | 'not-patient-specific',
  LetterWarning
> = {
  'too-short': {
    code: 'NECESSITY-TOO-SHORT',
    message:
      'The necessity statement is too short or template-like: say why this patient needs motion management.',
  },
  'dibh-only': {
    code: 'NECESSITY-DIBH-ONLY',
    message:
      'The necessity statement says little more than "DIBH": reviewers reject it. Say why this patient needs motion management.',
  },
  checkbox: {
    code: 'NECESSITY-CHECKBOX',
    message:
      'The necessity is a ticked check-box: reviewers reject it. Write why this patient needs motion management.',
  },
  template: {
    code: 'NECESSITY-TEMPLATE',
    message: 'The necessity statement is an unfilled template: write patient-specific sentences.',
  },
  'not-patient-specific': {
    code: 'NECESSITY-NOT-SPECIFIC',
    message: 'The necessity statement names no anatomy or patient facts (doses, laterality, distances).',
  },
};

/** "urgent"/"expedited" on a request, and what supports it (seed: misuse of urgent designations drives denials). */
const URGENT = /\b(urgent\w*|expedit\w*|emergen\w*|stat)\b/i;
const URGENT_SUPPORT =
  /\b(cord compression|obstruct\w*|bleeding|hemorrhag\w*|superior vena cava|svc syndrome|impending fracture|uncontrolled pain|airway|neurologic\w* (deficit|compromise))\b/i;

/**
 * Assembles a letter (issue #6): the facts, the motion evidence, the policy point and the citations are
 * turned into template values; the template is rendered and its citations numbered. When the chart
 * cannot support the letter, `ready` is false and the body lists what to add first instead.
 */
export function assembleLetter(input: LetterInput): LetterDraft {
  const { type, course, claim } = input;
  const library = input.library ?? REFERENCE_LIBRARY;
  const level = courseLevel(course, claim?.dateOfService ?? null);
  // A course routed out of the three levels (SRS, SBRT, protons…) has its own code: no 77412 argument.
  const argues77412 =
    !level.routed &&
    (type === 'appeal-downcode' ||
      claim?.submittedCode === '77412' ||
      (argues77412ByLevel(type, claim) && level.code === '77412'));
  const evidence = motionEvidence(course, input.fractions, input.options);
  const facts: Facts = {
    input,
    evidence,
    elements: scoreElements(course),
    level,
    argues77412,
    // 77412 for a single isocenter rests on motion management (CPT 2026, domain.md §2): its evidence is
    // the letter's; multiple isocenters, mixed fields and TSET need none.
    needsAmm: argues77412 && level.byMotionManagement,
    // An appeal of one date of service does not volunteer the other fractions (issue 13; a course-wide
    // figure belongs to a request for the course); a peer-to-peer sheet speaks of the dates denied.
    serviceDays: serviceDaysOf(input, evidence),
    request: requestedFractions(
      level.code,
      course.plan.fractionsPlanned,
      type === 'prior-authorization' ? new Set(course.fractions.map((f) => f.number)).size : 0,
    ),
  };
  const missing = missingFor(facts);
  const warnings = warningsFor(facts);
  const cover = coverFor(facts);
  const template = input.template ?? {
    id: defaultTemplateId(type),
    version: DEFAULT_TEMPLATE_VERSION,
    text: defaultTemplate(type),
  };
  const title =
    type === 'prior-authorization'
      ? `Prior authorization request: radiation treatment delivery, CPT ${level.code ?? 'to be coded'}`
      : TITLES[type];

  const base = {
    type,
    title,
    date: input.date,
    cover,
    missing,
    template: { id: template.id, version: template.version },
  };
  if (missing.length) {
    return { ...base, ready: false, body: whatToAddFirst(missing, warnings), references: [], warnings };
  }
  const rendered = renderTemplate(template.text, valuesFor(facts, library));
  const cited = citeReferences(rendered.text, library, input.guidelineVersions, input.date);
  for (const p of rendered.problems)
    warnings.push({
      code: 'TEMPLATE',
      message: `template ${template.id} v${template.version} ${p.location}: ${p.message}`,
    });
  for (const id of cited.unknown)
    warnings.push({
      code: 'TEMPLATE',
      message: `template ${template.id} cites an unknown reference [ref:${id}]`,
    });
  for (const id of cited.unchecked)
    warnings.push({
      code: 'TEMPLATE',
      message: `template ${template.id} cites the guideline [ref:${id}], whose wording was not checked against the publisher's text: state the sentence as the physician's, without the citation.`,
    });
  if (
    facts.request.warning &&
    type === 'prior-authorization' &&
    /\{\{\s*fractionsPlanned\s*\}\}/.test(template.text)
  )
    warnings.push({
      code: 'TEMPLATE',
      message: `template ${template.id} v${template.version} prints {{fractionsPlanned}} (${course.plan.fractionsPlanned}), more than ${facts.level.code} allows: request {{fractionsRequested}} and state {{courseLimit}}.`,
    });
  for (const g of cited.unversioned)
    warnings.push({ code: 'GUIDELINE-VERSION', message: guidelineVersionWarning(g) });
  return { ...base, ready: true, body: cited.text, references: cited.references, warnings };
}

/** The fractions a letter about dates of service speaks of; null for a letter about the course. */
function serviceDaysOf(input: LetterInput, evidence: MotionEvidence) {
  const { type, claim, denials } = input;
  const dates = APPEALS.includes(type)
    ? claimServices(input).map((l) => l.dateOfService)
    : type === 'peer-to-peer'
      ? sheetDates(claim, denials ?? [])
      : null;
  return dates ? evidence.fractions.filter((f) => dates.includes(f.date)) : null;
}

/**
 * The services a letter answers: for a claim's letter (`CLAIM_LETTER_TYPES`) the claim's lines denied for
 * the same reason (`claimLines`, else the line alone); for another appeal its line; none without one.
 */
function claimServices({ type, claim, claimLines }: LetterInput): readonly LetterClaim[] {
  if (!claim) return [];
  return CLAIM_LETTER_TYPES.includes(type) && claimLines?.length ? claimLines : [claim];
}

/** What the letter's parts are built from. */
interface Facts {
  input: LetterInput;
  evidence: MotionEvidence;
  elements: ReturnType<typeof scoreElements>;
  /** The course's delivery code from its plan, routed or levelled as the coding rules decide, and why. */
  level: DeliveryDecision;
  argues77412: boolean;
  needsAmm: boolean;
  /** An appeal's fractions of its date of service (null: a letter about the course). */
  serviceDays: FractionEvidence[] | null;
  /** The fractions a request may ask for the course's code (its course limit, CODE-011). */
  request: RequestedFractions;
}

function missingFor(facts: Facts): LetterMissing[] {
  const { input, evidence: ev, elements, level, argues77412, needsAmm, serviceDays } = facts;
  const { type, course, claim, profile } = input;
  const out: LetterMissing[] = [];
  // A letter to the payer is signed by the treating physician (the peer-to-peer sheet stays in the practice).
  const signer = type === 'peer-to-peer' ? null : signerMissing(course.physicianId, signerOf(input));
  if (signer) out.push(signer);
  if (APPEALS.includes(type) && !claim)
    out.push({
      element: 'The claim line appealed',
      fix: 'Draft the appeal from the remittance line (its claim number, date of service and adjustments).',
    });
  // 42 CFR 405.944(b): a redetermination request carries the beneficiary's Medicare number.
  if (
    APPEALS.includes(type) &&
    (type === 'redetermination' || input.appeal?.payerKind === 'medicare') &&
    !input.appeal?.memberId
  )
    out.push({
      element: "The beneficiary's Medicare number",
      fix: "Add the patient's member id (the Medicare number) to courses.json (patient.memberId) and import it again: a redetermination request must carry it.",
    });
  if (argues77412 && level.code !== '77412')
    out.push({
      element: 'Planned intrafraction motion management with beam hold',
      fix: `The plan codes as ${level.code} (${level.reason}): record in the plan the motion management used during delivery and that the beam is held out of tolerance (set-up only does not qualify).`,
    });
  if (needsAmm) {
    // Seed "Key takeaways" 1 and domain.md §3.2: an order and a patient-specific necessity paragraph.
    if (!course.orders.some((o) => o.kind === 'motion-management' && o.signature))
      out.push({
        element: 'Signed motion-management order',
        fix: "Add the physician's signed active motion management order to the chart (best in the treatment planning document).",
      });
    if (necessityProblem(course.necessity?.text) === 'missing')
      out.push({
        element: 'Medical necessity statement',
        fix: 'Add a patient-specific paragraph: why this patient needs motion management during delivery (anatomy, doses, laterality).',
      });
    // domain.md §3.3: the payer profile sets how many of the five elements it expects.
    const present = elements.filter((e) => e.present).length;
    if (present < profile.documentationElementsRequired)
      for (const e of elements.filter((x) => !x.present))
        out.push({
          element: `Documentation element ${e.id}: ${e.name}`,
          fix: `${upperFirst(elementsExpected(profile))}; the chart has ${present}. State it in the necessity statement or the order.`,
        });
    if (serviceDays && claim?.dateOfService && !serviceDays.some((f) => f.signature !== null))
      out.push({
        element: 'Motion record (SGRT) of the date of service',
        fix: `Import the monitoring record (e.g. an AlignRT real-time-delta log or report) of ${claim.dateOfService}.`,
      });
    else if (type !== 'prior-authorization' && ev.fractionsMonitored === 0)
      out.push({
        element: 'Motion record (SGRT) for the delivered fractions',
        fix: 'Import the monitoring records (e.g. AlignRT real-time-delta logs or reports) of the fractions delivered.',
      });
  }
  // To a commercial payer that denied 77387-26 as bundled, the letter rests on Medicare's tables: it
  // waits for the CMS files in force on the date of service (igrt-reference.ts).
  if (
    type === 'appeal-igrt-denial' &&
    claim?.dateOfService &&
    igrtReferenceUse(input.appeal?.payerKind ?? null, claim.carcs) === 'commercial-bundled'
  )
    for (const gap of igrtReferenceGaps(
      input.igrtReference,
      input.appeal?.payerKind ?? null,
      claim.dateOfService,
      claim.carcs,
    ))
      out.push({
        element: `The CMS ${gap} in force on ${claim.dateOfService}`,
        fix: `Import the CMS ${gap} release in force on ${claim.dateOfService} (reference data): the appeal states what it says of 77387-26 as Medicare's facts.`,
      });
  if (type === 'appeal-igrt-denial') {
    const reviewed = course.fractions.some(
      (f) =>
        (!claim?.dateOfService || f.date === claim.dateOfService) &&
        f.imageGuidance?.performed &&
        f.imageGuidance.review,
    );
    if (!reviewed)
      out.push({
        element: "Physician's image-guidance review for the date of service",
        fix: "Import or record the physician's signed IGRT review for that date of service (77387-26 is the physician's work).",
      });
  }
  // A sheet for a medical-necessity denial needs what that line's appeal needs: the physician's words.
  // So does a request for an authorization, before or after treatment: the payer's review of it is a
  // review of medical necessity, which a reviewer reads in the treating physician's statement.
  const necessityAsked =
    type === 'appeal-medical-necessity' ||
    type === 'redetermination' ||
    type === 'prior-authorization' ||
    type === 'retro-authorization' ||
    (type === 'peer-to-peer' && deniedForNecessity(claim, input.denials ?? []));
  if (necessityAsked && !needsAmm && necessityProblem(course.necessity?.text) === 'missing')
    out.push({
      element: 'Medical necessity statement',
      fix: "Add the treating physician's patient-specific statement of why this treatment is necessary (diagnosis, intent, anatomy, doses).",
    });
  if (type === 'appeal-authorization-2025' && !authorization2025(course))
    out.push({
      element: 'The 2025 authorization record',
      fix: "Import the practice's authorization export with the 2025 authorization this course was treated under.",
    });
  return out;
}

function warningsFor({ input, elements, needsAmm, request }: Facts): LetterWarning[] {
  const { course, profile, type } = input;
  const out: LetterWarning[] = [];
  if (type === 'prior-authorization' && request.warning) out.push(request.warning);
  // A request covers the fractions still to come (course-limit.ts): those delivered before it that no
  // authorization on file covers are authorized only by the payer's retro-authorization process. Named
  // by count, never by their dates.
  const uncovered =
    type === 'prior-authorization'
      ? new Set(course.fractions.filter((f) => !authorizationCovering(course, f.date)).map((f) => f.number))
          .size
      : 0;
  if (uncovered)
    out.push({
      code: 'RETRO-AUTHORIZATION-NEEDED',
      message: `${uncovered === 1 ? '1 fraction was' : `${uncovered} fractions were`} delivered before this request without an authorization on file: this request does not cover ${uncovered === 1 ? 'it' : 'them'}. Ask the payer for a retro-authorization of ${uncovered === 1 ? 'that fraction' : `those ${uncovered} fractions`} (or draft the retro-authorization letter when the claim is denied).`,
    });
  // A request while an authorization on file covers the letter's date asks only for what it leaves out.
  const onFile = type === 'prior-authorization' ? authorizationCovering(course, input.date) : undefined;
  if (onFile)
    out.push({
      code: 'AUTHORIZATION-ON-FILE',
      message: `Authorization ${authorizationLabel(onFile, true)} is on file for ${input.date}: request only what it does not cover (fractions beyond its ${onFile.fractionsAuthorized}, dates after ${onFile.validTo}, other codes).`,
    });
  const text = [course.necessity?.text ?? '', ...course.orders.map((o) => o.text ?? '')].join('\n');
  if (needsAmm) {
    // ASTRO "I got denied or downcoded" (domain.md §3.3): "DIBH" alone, or check-boxes alone, are insufficient.
    const problem = necessityProblem(course.necessity?.text);
    if (problem !== null && problem !== 'missing') {
      const checkbox = problem !== 'not-patient-specific' && CHECKBOX.test(course.necessity?.text ?? '');
      out.push(NECESSITY_WARNINGS[checkbox ? 'checkbox' : problem]);
    }
    const present = elements.filter((e) => e.present).length;
    if (present >= profile.documentationElementsRequired)
      for (const e of elements.filter((x) => !x.present))
        out.push({
          code: 'ELEMENT-ABSENT',
          message: `Documentation element ${e.id} is absent: ${ELEMENTS[e.id - 1]!.name}.`,
        });
    // eviCore breast guidance (domain.md §3.3), as the audit's PAYER-002 reads it.
    const breast = evicoreBreastFinding(profile, course.site, `course ${course.courseId}`);
    if (breast)
      out.push({
        code:
          course.site.laterality === 'right' && !course.site.internalMammaryNodes
            ? 'RIGHT-BREAST-NO-IMN'
            : 'PAYER-BREAST-CRITERIA',
        message: breast.message,
      });
  }
  // ASTRO: for payers that deny 77387 because of modifier 26, resubmit without it rather than appeal (domain.md §4).
  const { claim } = input;
  if (type === 'appeal-igrt-denial' && claim?.dateOfService) {
    const rule = modifier26RuleOn(profile, claim.dateOfService);
    const with26 = claim.modifiers.includes('26');
    if (rule === 'omit' && with26)
      out.push({
        code: 'IGRT-RESUBMIT-WITHOUT-26',
        message: `${profile.name} denies 77387 because of modifier 26: resubmit the line without the modifier rather than appeal.`,
      });
    // ASTRO ("I Got Denied or Downcoded"): "For private payers still denying 77387 due to the modifier,
    // ASTRO suggests resubmitting claims without it"; UHC requires it (its own edit, argued in the letter).
    if (
      rule !== 'omit' &&
      with26 &&
      claim.carcs.includes('CO-4') &&
      input.appeal?.payerKind === 'other' &&
      profile.id !== 'uhc'
    )
      out.push({
        code: 'IGRT-MODIFIER-DENIED',
        message:
          'The payer denied 77387-26 over the modifier (CO-4). For private payers still denying 77387 due to the modifier, ASTRO suggests resubmitting claims without it: send a corrected claim (frequency code 7) without modifier 26; it is not an appeal.',
      });
    // 42 CFR 405.980(a)(3): traditional Medicare processes a clerical error (a modifier) as a reopening.
    if (with26 && claim.carcs.includes('CO-4') && input.appeal?.payerKind === 'medicare')
      out.push({ code: 'IGRT-MODIFIER-REOPENING', message: MEDICARE_MODIFIER_REOPENING });
    if (rule === 'required' && !with26)
      out.push({
        code: 'IGRT-MODIFIER-26-MISSING',
        message: `${profile.name} requires modifier 26 on 77387 on this date: correct and resubmit the line rather than appeal.`,
      });
    const payerKind = input.appeal?.payerKind ?? null;
    const gaps = igrtReferenceGaps(input.igrtReference, payerKind, claim.dateOfService, claim.carcs);
    if (gaps.length && igrtReferenceUse(payerKind, claim.carcs) === 'medicare')
      out.push({
        code: 'IGRT-REFERENCE-NOT-LOADED',
        message: `No ${gaps.join(' and no ')} in force on ${claim.dateOfService} is loaded: the letter does not state what it says of 77387-26. Import the CMS file (reference data) to add it.`,
      });
  }
  const auth2025 = type === 'appeal-authorization-2025' ? authorization2025(course) : undefined;
  const usedUp = claimServices(input).flatMap((l) =>
    auth2025 && l.dateOfService && !fractionLeft(course, auth2025, l.dateOfService) ? [l.dateOfService] : [],
  );
  if (auth2025 && usedUp.length)
    out.push({
      code: 'AUTHORIZATION-COUNT-USED',
      message: `Authorization ${auth2025.number} authorizes ${auth2025.fractionsAuthorized} fraction(s), all delivered before ${usedUp.join(', ')}: the letter does not say ${usedUp.length === 1 ? 'that service was' : 'those services were'} delivered under it; ask the payer for the fractions beyond its count.`,
    });
  if (claim?.category === 'frequency-denial' && claim.dateOfService)
    out.push(...twiceDailyWarnings(course, claim.dateOfService, profile));
  const noReview = imageReviewNotOnFile(input);
  if (noReview.length)
    out.push({
      code: 'IMAGE-REVIEW-NOT-ON-FILE',
      message: `The physician's signed image-guidance review of ${noReview.join(', ')} is not on file: import or record it, then draft the sheet again.`,
    });
  const appealBy = input.appeal?.appealBy;
  if (APPEALS.includes(type) && appealBy && appealBy < input.date)
    out.push({
      code: 'APPEAL-DEADLINE-PASSED',
      message: `The appeal deadline (${appealBy}) is before the letter's date (${input.date}): the payer may refuse the appeal as late; check the date the practice received the remittance, or ask the payer whether it accepts a late appeal (Medicare: good cause, 42 CFR 405.942(b)).`,
    });
  if (type === 'appeal-authorization-2025' && authorization2025(course) && !carryForwardEvidence(course))
    out.push({
      code: 'CARRY-FORWARD-NOT-ON-FILE',
      message:
        "The letter does not say that the payer carried the 2025 authorization forward: attach the payer's notice (set the authorization's status to carried-forward) or import the record of the denied 2026 request, then draft again.",
    });
  const signer = signerOf(input);
  if (type !== 'peer-to-peer' && signer && !signer.credentials?.trim())
    out.push({
      code: 'SIGNER-CREDENTIALS',
      message: `Physician ${course.physicianId} has no credentials (e.g. MD) in the billing settings: the signature shows the name and NPI only.`,
    });
  // Seed: misuse of "urgent" designations on authorization requests drives denials.
  if (
    (type === 'prior-authorization' || type === 'peer-to-peer') &&
    URGENT.test(text) &&
    !URGENT_SUPPORT.test(text)
  )
    out.push({
      code: 'URGENT-UNSUPPORTED',
      message:
        'The chart calls this request urgent without a documented clinical reason (e.g. cord compression, bleeding, obstruction): payers deny such requests.',
    });
  return out;
}

function coverFor({
  input,
  evidence: ev,
  elements,
  level,
  needsAmm,
  serviceDays,
  request,
}: Facts): EvidenceSummary {
  const { course, claim } = input;
  const rows: EvidenceSummary['rows'] = [
    { label: 'Course', value: course.courseId },
    { label: 'Payer', value: payerName(input) },
    { label: 'Diagnosis', value: course.diagnosis ?? 'not recorded' },
    { label: 'Site', value: siteLabel(course) },
    { label: 'Technique', value: techniqueLabel(course) },
    // A letter about a line: the session of its date as the audit coded it (courseLevel); else the plan.
    sheetForLine(input)
      ? { label: 'Delivery level (billed on the line)', value: billedLevel(claim!) }
      : {
          label: `Delivery level (${claim?.dateOfService ? 'date of service' : 'plan'})`,
          value: `${level.code ?? 'no code picked'}: ${level.reason}`,
        },
  ];
  // Course-wide figures for a request about the course; an appeal shows its date of service only.
  if (!serviceDays) {
    rows.push({
      label: 'Fractions delivered',
      value: `${ev.fractionsDelivered} of ${ev.fractionsPlanned} planned`,
    });
    if (ev.firstDate) rows.push({ label: 'Treatment dates', value: datesLabel(ev) });
  }
  if (input.type === 'prior-authorization' && (request.warning || request.delivered))
    rows.push({
      label: 'Fractions requested',
      value: `${request.requested} of ${ev.fractionsPlanned} planned (${[
        ...(request.warning ? [`course limit of ${level.code}`] : []),
        ...(request.delivered ? [`${request.delivered} already delivered`] : []),
      ].join('; ')})`,
    });
  if (claim) {
    rows.push(
      { label: 'Claim', value: claim.claimNumber },
      { label: 'Date of service', value: claim.dateOfService ?? 'not given' },
      {
        label: 'Billed',
        value: `${codeLabel(claim.submittedCode, claim.modifiers)}, ${dollars(claim.billedCents)}`,
      },
      {
        label: 'Adjudicated',
        value: `${codeLabel(claim.code, claim.modifiers)}, paid ${dollars(claim.paidCents)}`,
      },
      { label: 'Adjustments', value: claim.carcs.join(', ') || 'none' },
    );
  }
  if (input.type === 'appeal-igrt-denial')
    rows.push(
      ...imageReviewLines(input, claim?.dateOfService).map((value) => ({
        label: 'Image guidance of the date',
        value,
      })),
    );
  if (needsAmm && serviceDays) {
    rows.push(
      ...serviceDays.flatMap((f) => [
        { label: `Fraction ${f.number}`, value: f.date },
        ...fractionEvidenceLines(f, input).map(([label, value]) => ({ label, value })),
      ]),
    );
  } else if (needsAmm) {
    rows.push(
      { label: 'System', value: systemsLabel(input, ev) },
      { label: 'Thresholds', value: thresholdsLabel(input, ev) },
      { label: 'Fractions monitored', value: `${ev.fractionsMonitored}/${ev.fractionsDelivered}` },
      {
        label: 'Beam-on coverage',
        value: ev.coveragePermille === null ? 'no beam-on recorded' : permilleLabel(ev.coveragePermille),
      },
      { label: 'Excursions out of tolerance', value: `${ev.excursions} (beam held ${ev.beamHolds})` },
      { label: 'Largest excursions', value: excursionsLabel(ev) },
      { label: 'SGRT records signed before next beam-on', value: signaturesLabel(ev) },
    );
  }
  if (needsAmm)
    rows.push({
      label: 'Documentation elements',
      // The payer reads the cover page: the count only, not the practice's profile of what the payer expects.
      value: `${elements.filter((e) => e.present).length} of 5 present in the chart`,
    });
  // A retro-authorization request is made because no authorization covers the date: none is shown.
  const auth =
    input.type === 'retro-authorization'
      ? undefined
      : (authorization2025(course) ?? course.authorizations[0]);
  if (auth)
    rows.push({
      label: 'Authorization',
      value: `${auth.number}, obtained ${auth.obtainedOn}, valid ${auth.validFrom} to ${auth.validTo}`,
    });
  return { rows };
}

function valuesFor(facts: Facts, library: ReferenceLibrary): TemplateValues {
  const { input, evidence: ev, elements, level, argues77412, needsAmm, serviceDays, request } = facts;
  const { course, claim, type } = input;
  const signer = signerOf(input);
  const site = siteReferences(library, course.site.region);
  const side = course.site.laterality;
  const auth = authorization2025(course) ?? course.authorizations[0];
  const paragraphs = (texts: readonly string[]) => texts.flatMap((t, i) => (i ? ['', t] : [t]));
  const igrtNecessity = igrtNecessityLine(input);
  const mm = course.plan.motionManagement;
  const evidence =
    type === 'prior-authorization'
      ? [
          'Motion management plan:',
          `- System: ${systemsLabel(input, ev)}`,
          `- Method: ${mm?.method ?? 'not recorded'}${mm ? `, ${mm.phase}` : ''}`,
          `- Thresholds: ${thresholdsLabel(input, ev)}`,
          `- Beam hold when out of tolerance: ${mm?.beamHold ? 'yes' : 'no'}`,
        ]
      : serviceDays
        ? [
            type === 'peer-to-peer'
              ? 'Motion evidence to quote, of the date(s) at issue:'
              : `The patient's own motion-management record of the ${new Set(serviceDays.map((f) => f.date)).size > 1 ? 'dates' : 'date'} of service:`,
            ...serviceDays.flatMap((f) => [
              `- Fraction ${f.number} (${f.date})${type === 'peer-to-peer' ? linesOn(f.date, input) : ''}`,
              ...fractionEvidenceLines(f, input).map(([label, value]) => `- ${label}: ${value}`),
            ]),
          ]
        : [
            type === 'peer-to-peer'
              ? 'Motion evidence to quote (the payer reviews the course):'
              : "The patient's own motion-management record for this course:",
            `- System: ${systemsLabel(input, ev)}`,
            `- Thresholds: ${thresholdsLabel(input, ev)}`,
            `- Fractions monitored: ${ev.fractionsMonitored} of ${ev.fractionsDelivered} delivered (${beamHoldLabel(course, ev)})`,
            `- Beam-on time with valid monitoring: ${ev.coveragePermille === null ? 'no beam-on recorded' : permilleLabel(ev.coveragePermille)}`,
            `- Excursions out of tolerance: ${ev.excursions}, beam held for ${ev.beamHolds}`,
            `- Largest excursions: ${excursionsLabel(ev)}`,
            `- SGRT records signed by the physician before the next beam-on: ${signaturesLabel(ev)}`,
            ...serviceDayEvidence(ev, claim).map((e) => `- On the date of service, ${e}`),
          ];
  const rationale = site
    ? [
        ...practiceGuideline(library, site, input.guidelineVersions),
        ...site.rationale,
        ...(side && side !== 'none' ? (site.byLaterality?.[side] ?? []) : []),
      ]
    : [`No guideline entry is recorded for the ${course.site.region} site; the code criteria apply.`];
  return {
    date: input.date,
    practiceName: input.practiceName,
    physicianId: course.physicianId,
    physicianName: physicianLabel(signer) ?? `treating physician ${course.physicianId}`,
    signature: signer ? signatureBlock(signer, input.practiceName) : [],
    imageReview:
      type === 'appeal-igrt-denial'
        ? imageReviewLines(input, claim?.dateOfService).map((l) => `- ${l}`)
        : sheetImageReview(input),
    payerName: payerName(input),
    patientName: input.patient.name ?? 'not recorded',
    // The peer-to-peer sheet is read on the phone with the reviewer: name and course identify the case.
    patientBirthDate: type === 'peer-to-peer' ? '' : (input.patient.birthDate ?? 'not recorded'),
    courseId: course.courseId,
    diagnosis: course.diagnosis ?? 'not recorded',
    site: siteLabel(course),
    technique: techniqueLabel(course),
    // A line's sheet speaks of the code billed on the line, not the plan's level.
    requestedCode:
      sheetForLine(input) || igrtNecessity
        ? codeLabel(claim!.submittedCode, claim!.modifiers)
        : (level.code ?? 'to be coded'),
    levelBasis: sheetForLine(input)
      ? billedOn(claim!)
      : igrtNecessity
        ? `the physician's image guidance of the date: ${imageReviewLines(input, claim!.dateOfService).join('; ') || 'no image review of the date on file'}`
        : level.reason,
    fractionsPlanned: String(ev.fractionsPlanned),
    fractionsRequested: String(request.requested),
    courseLimit: type === 'prior-authorization' ? request.statement : [],
    // domain.md §2: in 2026 77387 is the physician's image guidance (professional only, its technical part
    // bundled into 77402–77412; SBRT/SRS include it), with modifier 26 unless the payer's profile omits
    // it; a request for the course asks for it with each fraction when the plan images.
    imageGuidanceRequest:
      type === 'prior-authorization' && !level.routed && imagesDelivery(course)
        ? [
            `With each fraction, image guidance by the treating physician, CPT ${modifier26RuleOn(input.profile, input.date) === 'omit' ? '77387' : '77387-26'} (${request.requested} fractions).`,
          ]
        : [],
    fractionsDelivered: String(ev.fractionsDelivered),
    treatmentDates: datesLabel(ev),
    motionSystem: systemsLabel(input, ev),
    thresholds: thresholdsLabel(input, ev),
    claim: claim
      ? [
          `Claim: ${claim.claimNumber}; date of service ${claim.dateOfService ?? 'not given'}; billed ${codeLabel(claim.submittedCode, claim.modifiers)} (${dollars(claim.billedCents)}); adjudicated ${codeLabel(claim.code, claim.modifiers)}, paid ${dollars(claim.paidCents)}; adjustments ${claim.carcs.join(', ') || 'none'}`,
        ]
      : [],
    appealHeader: appealHeaderLines(claim, input.appeal, type),
    enclosures: enclosureLines(input.appeal),
    appealRequest: appealRequest(
      type === 'redetermination' ? 'medicare' : (input.appeal?.payerKind ?? null),
      claimServices(input).length,
    ),
    recordsOffer: input.appeal?.enclosures.length
      ? // The packet's enclosure pages are the app's summaries of each record (letter-enclosures.ts).
        'A summary of each record listed under Enclosures is enclosed, naming its source; the source records are available on request.'
      : 'The signed records summarised on the cover page are available on request.',
    claimNumber: claim?.claimNumber ?? '',
    dateOfService: claim?.dateOfService ?? '',
    submittedCode: claim ? codeLabel(claim.submittedCode, claim.modifiers) : '',
    paidCode: claim ? codeLabel(claim.code, claim.modifiers) : '',
    billedAmount: claim ? dollars(claim.billedCents) : '',
    paidAmount: claim ? dollars(claim.paidCents) : '',
    adjustmentCodes: claim?.carcs.join(', ') || 'none',
    denialCodes: [
      claim?.carcs.join(', ') || 'no adjustment code',
      ...(input.appeal?.remarks?.length ? [`remark ${input.appeal.remarks.join(', ')}`] : []),
    ].join('; '),
    // Each covered line as its remittance states it (each line's record is enclosed, letter-enclosures.ts).
    claimServices: CLAIM_LETTER_TYPES.includes(type)
      ? claimServices(input).map(
          (l) =>
            `- ${l.dateOfService ?? 'date not given'}: ${codeLabel(l.submittedCode, l.modifiers)}, billed ${dollars(l.billedCents)}, paid ${dollars(l.paidCents)} (${[l.carcs.join(', ') || 'no adjustment code', ...(l.remarks?.length ? [`remark ${l.remarks.join(', ')}`] : [])].join('; ')})`,
        )
      : [],
    authorizationNumber: auth?.number ?? 'none on file',
    authorizationDates: auth ? `obtained ${auth.obtainedOn}, valid ${auth.validFrom} to ${auth.validTo}` : '',
    // The motion-management blocks carry their own headings and are empty when the 77412 does not rest on
    // motion management (multiple isocenters, mixed fields, total skin electrons) or the letter is not about it.
    // A medical-necessity appeal, a retro-authorization request (the payer reviews the necessity of
    // what was delivered) and a redetermination request (the contractor reviews whether the service was
    // reasonable and necessary, Social Security Act §1862(a)(1)(A)) and a prior-authorization request
    // (the payer's review of it is a review of medical necessity) quote the physician's statement
    // whatever the delivery level.
    necessity:
      (needsAmm ||
        type === 'prior-authorization' ||
        type === 'appeal-medical-necessity' ||
        type === 'redetermination' ||
        type === 'retro-authorization' ||
        (type === 'peer-to-peer' && deniedForNecessity(claim, input.denials ?? []))) &&
      course.necessity?.text.trim()
        ? ["Medical necessity, in the treating physician's words:", '', `"${course.necessity.text.trim()}"`]
        : [],
    evidence: needsAmm ? evidence : [],
    elements: needsAmm
      ? [
          'Documentation elements reviewers look for, as found in the chart:',
          ...elements.map((e) => `- ${e.present ? 'Present' : 'Absent'}: ${e.name}`),
        ]
      : [],
    codeCriteria: paragraphs(codeCriteria(argues77412, needsAmm, input.profile)),
    denialAnswer: paragraphs(medicareAuthorizationAnswer(statementContext(facts))),
    policyPoints: paragraphs([
      ...policyPoints(statementContext(facts)),
      ...(needsAmm ? sitePolicyPoints(site, input) : []),
    ]),
    siteRationale: needsAmm
      ? [
          type === 'peer-to-peer'
            ? 'Guidelines and literature to cite:'
            : 'Clinical guidelines and literature for this disease site:',
          '',
          ...paragraphs(rationale),
        ]
      : [],
  };
}

/** The body of a letter the chart cannot support yet: what to add first, then the warnings. */
function whatToAddFirst(missing: readonly LetterMissing[], warnings: readonly LetterWarning[]): string {
  return tidy(
    [
      'This letter cannot be sent yet: the chart does not support it. Add the following to the chart first, then draft the letter again.',
      '',
      ...missing.map((m) => `- ${m.element}: ${m.fix}`),
      '',
      ...(warnings.length ? ['Also review:', ...warnings.map((w) => `- ${w.message}`)] : []),
    ].join('\n'),
  );
}

/**
 * The site's payer policy points: general ones, and those of the payer's criteria (eviCore breast) when
 * the course meets them; a course outside them gets the PAYER-002 warning instead of a point against it.
 */
function sitePolicyPoints(site: SiteReferences | null, input: LetterInput): string[] {
  const { profile, course } = input;
  const meets = evicoreBreastFinding(profile, course.site, `course ${course.courseId}`) === null;
  return (site?.policyPoints ?? [])
    .filter((p) => p.payerCriteria === undefined || (p.payerCriteria === profile.amm77412Criteria && meets))
    .map((p) => p.text);
}

/** "fraction 1 (2026-03-09): AlignRT, 100.0% of beam-on monitored, SGRT record signed before the next beam-on". */
function serviceDayEvidence(ev: MotionEvidence, claim: LetterClaim | null): string[] {
  const signed = { 'on-time': 'signed before the next beam-on', late: 'signed late', unsigned: 'not signed' };
  return ev.fractions
    .filter((f) => claim?.dateOfService && f.date === claim.dateOfService)
    .map((f) =>
      f.signature === null
        ? `fraction ${f.number} (${f.date}): no monitoring record`
        : `fraction ${f.number} (${f.date}): ${f.systems.join(', ')}, ${f.coveragePermille === null ? 'no beam-on recorded' : `${permilleLabel(f.coveragePermille)} of beam-on monitored`}, SGRT record ${signed[f.signature]}`,
    );
}

function statementContext({ input, level, argues77412 }: Facts): StatementContext {
  return {
    type: input.type,
    course: input.course,
    claim: input.claim,
    serviceDates: [
      ...new Set(claimServices(input).flatMap((l) => (l.dateOfService ? [l.dateOfService] : []))),
    ],
    profile: input.profile,
    payerName: payerName(input),
    argues77412,
    routed: level.routed,
    payerKind: input.appeal?.payerKind ?? null,
    igrtReference: input.igrtReference ?? null,
    denials: input.denials ?? [],
  };
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** ": 77412 paid at a lower code (77407)": what the payer did with the sheet's lines of a date. */
function linesOn(date: string, { claim, denials }: LetterInput): string {
  const lines = (claim ? [claim] : (denials ?? [])).filter((l) => l.dateOfService === date);
  return lines.length
    ? `: ${lines.map((l) => `${codeLabel(l.submittedCode, l.modifiers)} ${adjudicationPhrase(l)}`).join('; ')}`
    : '';
}

/** A peer-to-peer sheet for one remittance line. */
const sheetForLine = (input: LetterInput) => input.type === 'peer-to-peer' && input.claim !== null;

/**
 * A necessity appeal or redetermination of a 77387 line: the service denied is the physician's image
 * guidance of the date (domain.md §2: 77387 is professional only in 2026), argued by the date's image
 * review, not by the delivery code the payer paid.
 */
const igrtNecessityLine = (input: LetterInput): boolean =>
  (input.type === 'appeal-medical-necessity' || input.type === 'redetermination') &&
  input.claim?.submittedCode === IGRT_PROFESSIONAL_CODE;

/** "billed on claim C-1 for 2026-03-05". */
const billedOn = (claim: LetterClaim) =>
  `billed on claim ${claim.claimNumber} for ${claim.dateOfService ?? 'no date'}`;

/** "77407, billed on claim C-1 for 2026-03-05". */
function billedLevel(claim: LetterClaim): string {
  return `${codeLabel(claim.submittedCode, claim.modifiers)}, ${billedOn(claim)}`;
}

function signerOf(input: LetterInput): LetterPhysician | undefined {
  return input.physicians[input.course.physicianId];
}

const SIGNED = { 'on-time': 'signed before the next beam-on', late: 'signed late', unsigned: 'not signed' };

/**
 * One fraction's motion evidence as label/value pairs (the appeal's date of service). A value the record
 * of the date does not state (a PDF report states no thresholds and no gating, domain.md §5.2) is given
 * with where it is stated, the plan or the signed order, as the enclosed record's page gives it: the
 * letter never presents the plan's settings as the record's.
 */
function fractionEvidenceLines(f: FractionEvidence, input: LetterInput): [string, string][] {
  if (f.signature === null) return [['Monitoring record', 'none']];
  const planned = input.course.plan.motionManagement?.beamHold;
  const beamHold: [string, string][] = f.beamHoldStated
    ? // Without an excursion the record needs no hold: an appeal does not volunteer its absence.
      f.beamHoldActive || f.excursions > 0
      ? [['Beam hold when out of tolerance', f.beamHoldActive ? 'active' : 'not shown in the record']]
      : []
    : planned
      ? [['Beam hold when out of tolerance', 'planned (the record does not state it; from the plan)']]
      : [];
  return [
    ['System', f.systems.join(', ')],
    ['Thresholds', f.thresholds.join(', ') || unstatedThresholds(input.course)],
    ...beamHold,
    [
      'Beam-on time with valid monitoring',
      f.coveragePermille === null ? 'no beam-on recorded' : permilleLabel(f.coveragePermille),
    ],
    ['Excursions out of tolerance', `${f.excursions}, beam held for ${f.beamHolds}`],
    ['SGRT record', SIGNED[f.signature]],
  ];
}

/** Thresholds the record does not state: the plan's or an order's, named as such (DOC-006). */
function unstatedThresholds(course: Course): string {
  const stated = statedCourseThresholds(course);
  const label = thresholdLabel(stated.thresholds);
  return label ? `${label} (the record does not state them; from the ${stated.from})` : 'none recorded';
}

/**
 * The image guidance of a date of service (77387-26 is the physician's review): the fraction, the
 * imaging reviewed as its record states it (else "not recorded", never guessed), the surface-guided
 * intrafraction tracking the day's monitoring record names, who reviewed it (the name as the practice's
 * settings spell it) and when, in facility time, and whether before the next beam-on (the fraction's
 * signature deadline from the audit; seed: signed "prior to next beam on to meet criteria for billing
 * the professional service").
 */
function imageReviewLines(input: LetterInput, date: string | null | undefined): string[] {
  // An appeal speaks of its date only: the next beam-on's time stays on the practice's sheet.
  const nextBeamOnTime = input.type === 'peer-to-peer';
  const { course } = input;
  const clock = clockFor(course.facility.timeZone);
  return course.fractions
    .filter((f) => f.date === date && f.imageGuidance?.performed)
    .map((f) => {
      const systems = [...new Set(f.monitoring.map((m) => m.system))].sort();
      const imaging = imagingLabel(f.imageGuidance?.modality);
      const modality = [
        imaging ? `image guidance by ${imaging}` : 'image guidance (imaging modality not recorded)',
        ...(systems.length ? [`surface-guided intrafraction tracking (${systems.join(', ')})`] : []),
      ].join(' with ');
      const review = f.imageGuidance?.review;
      if (!review) return `Fraction ${f.number} (${f.date}): ${modality}; review not signed`;
      const reviewer =
        physicianLabel(input.physicians[review.signerId]) ?? `${review.role} ${review.signerId}`;
      const signed = Date.parse(review.signedAt);
      const deadline = input.fractions.find((a) => a.fractionId === f.id)?.signatureDeadline;
      const nextBeamOn = deadline
        ? `; signed ${signed < Date.parse(deadline) ? 'before' : 'after'} the next beam-on${nextBeamOnTime ? ` (${clock.format(Date.parse(deadline))})` : ''}`
        : '; no later beam-on recorded';
      return `Fraction ${f.number} (${f.date}): ${modality}; reviewed and signed by ${reviewer} at ${clock.format(signed)}${nextBeamOn}`;
    });
}

/**
 * A peer-to-peer sheet's image review of each 77387 line's date, under its heading; a date without a
 * signed review says it is not on file and what to add (`imageReviewNotOnFile`).
 */
function sheetImageReview(input: LetterInput): string[] {
  const dates = igrtSheetDates(input);
  if (!dates.length) return [];
  return [
    'Image review of the date (77387-26):',
    ...dates.flatMap((date) => {
      const lines = imageReviewLines(input, date).filter((l) => !l.endsWith('review not signed'));
      return lines.length
        ? lines.map((l) => `- ${l}`)
        : [
            `- ${date}: the physician's image review is not on file. Add the physician's signed image-guidance review of ${date} (import or record it), then draft the sheet again.`,
          ];
    }),
  ];
}

/** The dates of a sheet's 77387 lines (the line's, or a course sheet's denied lines'). */
function igrtSheetDates({ type, claim, denials }: LetterInput): string[] {
  if (type !== 'peer-to-peer') return [];
  const lines = claim ? [claim] : (denials ?? []);
  return [
    ...new Set(
      lines.flatMap((l) => (l.submittedCode === '77387' && l.dateOfService ? [l.dateOfService] : [])),
    ),
  ].sort();
}

/** The sheet's 77387 dates without a signed image review on file. */
function imageReviewNotOnFile(input: LetterInput): string[] {
  return igrtSheetDates(input).filter(
    (date) => !input.course.fractions.some((f) => f.date === date && f.imageGuidance?.review),
  );
}

/** The plan images the deliveries (the plan says so, or a delivered fraction was imaged). */
function imagesDelivery(course: Course): boolean {
  return (
    course.plan.imageGuidance?.performed === true ||
    course.fractions.some((f) => f.imageGuidance?.performed === true)
  );
}

/**
 * The request that closes an appeal, as the payer's kind names it: traditional Medicare's first level of
 * appeal is a redetermination of its initial determination (42 CFR 405.940); a Medicare Advantage plan's,
 * a reconsideration of its organization determination (42 CFR 422.578, 422.582); a commercial plan's, a
 * reconsideration under its contract (domain.md §6.1). "These services" when the letter covers several.
 */
function appealRequest(kind: PayerKind | null, services: number): string {
  const several = services > 1;
  const what = several ? 'these services' : 'this service';
  const payment = several ? 'their payment' : 'its payment';
  switch (kind) {
    case 'medicare':
      return `We request a redetermination of the initial determination of ${what} (42 CFR 405.940) and ${payment} as billed.`;
    case 'medicare-advantage':
      return `We request a reconsideration of the organization determination of ${what} (42 CFR 422.578, 422.582) and ${payment} as billed.`;
    default:
      return `We ask that you reconsider the determination of ${what} and pay ${several ? 'them' : 'it'} as billed.`;
  }
}

function payerName(input: LetterInput): string {
  return input.payerSettingsName ?? input.claim?.payer ?? input.course.payer.name ?? input.profile.name;
}

function siteLabel(course: Course): string {
  const s = course.site;
  const side = s.laterality && s.laterality !== 'none' ? `${s.laterality} ` : '';
  const extra = [
    s.extent && s.extent !== 'other' ? s.extent.replace('-', ' ') : null,
    s.internalMammaryNodes ? 'internal mammary nodes treated' : null,
  ].filter(Boolean);
  return `${side}${s.region}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

function techniqueLabel(course: Course): string {
  const n = course.plan.isocenters;
  return `${course.plan.technique}, ${n} isocenter${n === 1 ? '' : 's'}`;
}

function systemsLabel(input: LetterInput, ev: MotionEvidence): string {
  const planned = input.course.plan.motionManagement?.system;
  const systems = ev.systems.length ? ev.systems : planned ? [planned] : [];
  return systems.join(', ') || 'not named';
}

function thresholdsLabel(input: LetterInput, ev: MotionEvidence): string {
  // Records that state no thresholds (PDF reports, DOC-006): the plan's or an order's, named as such.
  if (ev.thresholds.length === 0)
    return ev.fractionsMonitored
      ? unstatedThresholds(input.course)
      : (thresholdLabel(input.course.plan.motionManagement?.thresholds) ?? 'none recorded');
  const none = ev.sessionsWithoutThresholds
    ? `; ${ev.sessionsWithoutThresholds} session(s) without thresholds`
    : '';
  return `${ev.thresholds.join(', ')}${none}`;
}

function datesLabel(ev: MotionEvidence): string {
  if (!ev.firstDate) return 'none delivered';
  return ev.firstDate === ev.lastDate ? ev.firstDate : `${ev.firstDate} to ${ev.lastDate}`;
}

function excursionsLabel(ev: MotionEvidence): string {
  if (!ev.largestExcursions.length) return 'none';
  return ev.largestExcursions
    .map(
      (x) =>
        `fraction ${x.fraction} (${x.date}) ${x.seconds} s, ${x.beamHeld ? 'beam held' : 'beam not held'}`,
    )
    .join('; ');
}

function signaturesLabel(ev: MotionEvidence): string {
  const { onTime, late, unsigned } = ev.signatures;
  const total = onTime + late + unsigned;
  return `${onTime}/${total}${late ? `, ${late} signed late` : ''}${unsigned ? `, ${unsigned} not signed` : ''}`;
}

function codeLabel(code: string, modifiers: readonly string[]): string {
  return [code, ...modifiers].join('-');
}

/** Integer cents as "$1,234.56" (no floats on amounts). */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  // Groups of three digits without a regular expression: remittance messages quote amounts per line.
  let rest = Math.floor(abs / 100);
  let groups = '';
  for (; rest >= 1000; rest = Math.floor(rest / 1000))
    groups = `,${String(rest % 1000).padStart(3, '0')}${groups}`;
  return `${sign}$${rest}${groups}.${String(abs % 100).padStart(2, '0')}`;
}
