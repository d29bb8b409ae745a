import { encounterDiagnoses } from '../../core/claims/claim-007-encounter-diagnoses.js';
import { claimNumber } from '../../core/claims/claim-number.js';
import type { ClaimDraft } from '../../core/claims/claim-input.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { type Course, patientSchema } from '../../core/model/course.js';
import type {
  Claim,
  ClaimFile,
  ClaimProvider,
  DependentPatient,
  Payer,
  PriorAdjustment,
  Subscriber,
} from '../../formats/x12/claim-types.js';
import type { BillingSettings } from './billing-settings.js';

/** What a claim says about its patient: from the patients row and the documents of their courses. */
export interface ClaimSubject {
  /** The patients row id: how problems name the patient (never the name or MRN). */
  patientId: string;
  /** `Last, First`. */
  name: string | null;
  birthDate: string | null;
  /** patients.demographics: sex, member id, group number, address (courses.json patient). */
  demographics: unknown;
  /** The courses.json patient of the latest course: the coverage (subscriber, filing indicator, other payers). */
  coverage: Pick<Course['patient'], 'subscriber' | 'claimFilingIndicator' | 'otherCoverage'>;
  /**
   * The patient's courses with lines to bill, by course row id: the course id (`C-5001`: a claim number
   * starts with the first line's), its ICD-10-CM diagnosis (`C50.911`), treated site and physician.
   */
  courses: Map<string, SubjectCourse>;
}

export interface SubjectCourse {
  courseKey: string;
  diagnosis: string | undefined;
  physicianId: string;
  site: Course['site'];
}

/** What makes a claim other than an original to the course's payer (a replacement, a void, a secondary). */
export interface ClaimVersionOptions {
  /** CLM01 of the claim it changes (a replacement or void keeps the original's number). */
  claimNumber?: string;
  /** CLM05-3: 7 replacement, 8 void; REF*F8 the payer's claim control number. */
  frequencyCode?: '7' | '8';
  payerClaimControlNumber?: string;
  /** A secondary claim: the primary's adjudication (2320/2330, 2430). */
  secondary?: SecondaryClaim;
}

/** The primary payer's answer to the claim, as its 835 said it (CLP04, claim and line CAS, SVC03). */
export interface SecondaryClaim {
  paidCents: number;
  adjustments: PriorAdjustment[];
  /** By line control number (REF*6R = our charge id). */
  lines: Map<string, { paidCents: number; adjustments: PriorAdjustment[]; adjudicationDate: string }>;
}

export interface ClaimFilesInput {
  format: '837P' | '837I';
  /** Drafts of this format; `patientKey` is the patient row id of `subjects`. */
  drafts: readonly ClaimDraft[];
  settings: BillingSettings;
  subjects: ReadonlyMap<string, ClaimSubject>;
  /** The practice's next claim sequence number and interchange control number. */
  firstClaimNumber: number;
  firstControlNumber: number;
  /** The submitter's wall clock, `YYYY-MM-DDTHH:MM`. */
  created: string;
}

export interface PayerClaimFile {
  payerProfileId: string;
  file: ClaimFile;
  /** The draft of each claim of the file, in order (kept with the claim's version). */
  drafts: ClaimDraft[];
}

type Problems = InputProblem[];

const demographicsSchema = patientSchema.pick({
  sex: true,
  memberId: true,
  groupNumber: true,
  address: true,
});
const ICD10 = /^[A-TV-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

/**
 * Claim drafts → one 837 claim file per payer (837 loops 2010BA subscriber, 2000C patient when a
 * dependent, 2010BB payer, 2300 claim with the diagnoses of its courses in HI (Z51.0 first on the 837I,
 * CLAIM-007), the course physician as rendering/attending provider, 2400 lines pointing at their
 * course's diagnosis (SV107 on 837P) with REF*6R = our charge id). Claims are numbered in draft order
 * from `firstClaimNumber` (`claimNumber`), interchanges from `firstControlNumber`. Everything a claim
 * needs and the practice has not given (demographics, diagnosis, physicians, the payer's ids) is
 * returned as located problems naming courses, patients by row id and settings fields, never values.
 */
export function claimFiles(
  input: ClaimFilesInput,
): { ok: true; files: PayerClaimFile[] } | { ok: false; problems: InputProblem[] } {
  const problems: Problems = [];
  const byPayer = new Map<string, { claim: Claim; draft: ClaimDraft }[]>();
  let sequence = input.firstClaimNumber;
  const reported = new Set<string>();
  for (const draft of byCourseAndDate(input)) {
    const built = claimOf(input, draft, {}, problems, reported);
    if (!built) continue;
    const payer = draft.payerProfileId;
    const claim = { ...built, patientControlNumber: claimNumber(built.patientControlNumber, sequence++) };
    byPayer.set(payer, [...(byPayer.get(payer) ?? []), { claim, draft }]);
  }
  if (problems.length) return { ok: false, problems };
  const files = [...byPayer].map(([payerProfileId, claims], i): PayerClaimFile => {
    const payer = input.settings.payers[payerProfileId]!;
    return {
      payerProfileId,
      file: claimFile(
        input.settings,
        payer,
        claims.map((c) => c.claim),
        input.firstControlNumber + i,
        input.created,
      ),
      drafts: claims.map((c) => c.draft),
    };
  });
  return { ok: true, files };
}

/**
 * One claim that changes or follows a claim sent before (a replacement, a void, the secondary claim),
 * built from the same draft with today's settings and patient data: one 837 file with that claim.
 */
export function claimVersionFile(
  input: Omit<ClaimFilesInput, 'drafts' | 'firstClaimNumber'> & { draft: ClaimDraft },
  options: ClaimVersionOptions,
): { ok: true; file: PayerClaimFile } | { ok: false; problems: InputProblem[] } {
  const problems: Problems = [];
  const claim = claimOf(
    { ...input, drafts: [input.draft], firstClaimNumber: 0 },
    input.draft,
    options,
    problems,
    new Set(),
  );
  const payer = options.secondary
    ? secondaryPayer(input, input.draft, problems)
    : input.settings.payers[input.draft.payerProfileId];
  if (!claim || !payer || problems.length) return { ok: false, problems };
  return {
    ok: true,
    file: {
      payerProfileId: input.draft.payerProfileId,
      file: claimFile(input.settings, payer, [claim], input.firstControlNumber, input.created),
      drafts: [input.draft],
    },
  };
}

function claimFile(
  s: BillingSettings,
  payer: Payer,
  claims: Claim[],
  icn: number,
  created: string,
): ClaimFile {
  return {
    envelope: {
      sender: { qualifier: s.submitter.qualifier, id: s.submitter.id, name: s.submitter.name },
      receiver: { qualifier: s.receiver.qualifier, id: s.receiver.id, name: s.receiver.name },
      contact: s.submitter.contact,
      interchangeControlNumber: icn,
      groupControlNumber: icn,
      transactionSetControlNumber: '0001',
      batchReference: String(icn),
      created,
      usage: s.usage,
    },
    billingProvider: {
      name: s.provider.name,
      npi: s.provider.npi,
      taxId: s.provider.taxId,
      address: s.provider.address,
      ...(s.provider.taxonomy ? { taxonomy: s.provider.taxonomy } : {}),
    },
    payer: { name: payer.name, id: payer.id, filingIndicator: payer.filingIndicator },
    claims,
  };
}

/**
 * One draft → one claim (CLM01 is the course id of its first line until numbered, or the given number),
 * or null with the problems: the patient and subscriber (2000B/2000C), the payer's filing indicator
 * (SBR09: the patient's coverage, else the payer setting), diagnoses and pointers, providers.
 */
function claimOf(
  input: ClaimFilesInput,
  draft: ClaimDraft,
  options: ClaimVersionOptions,
  problems: Problems,
  reported: Set<string>,
): Claim | null {
  const subject = input.subjects.get(draft.patientKey);
  if (!subject) throw new Error('claim draft without its course');
  const payer = input.settings.payers[draft.payerProfileId];
  if (!payer && !reported.has(`payer ${draft.payerProfileId}`)) {
    reported.add(`payer ${draft.payerProfileId}`);
    problems.push({
      location: `billing.payers.${draft.payerProfileId}`,
      message: `add the payer's name, payer id and claim filing indicator (SBR09) for payer profile ${draft.payerProfileId}`,
    });
  }
  const firstReport = !reported.has(draft.patientKey);
  reported.add(draft.patientKey);
  const parties = partiesOf(
    subject,
    options.secondary ? 'secondary' : 'primary',
    firstReport ? problems : [],
  );
  // One diagnosis per course, in line order; each line points at its course's (HI holds up to 12).
  const courseIds = [...new Set(draft.lines.map((l) => l.courseId))];
  const courses = courseIds.map((id) => {
    const course = subject.courses.get(id);
    if (!course) throw new Error('claim line without its course');
    return course;
  });
  const diagnoses = courses.map((c) => {
    const dx = diagnosisOf(c.courseKey, c.diagnosis, reported.has(c.courseKey) ? [] : problems);
    reported.add(c.courseKey);
    return dx;
  });
  const first = courses[0]!;
  const physician = physicianOf(input.settings, first.physicianId, reported, problems);
  if (!parties || !payer || !physician || diagnoses.some((d) => d === null)) return null;
  const codes = encounterDiagnoses(input.format, diagnoses as string[]);
  const pointer = (courseId: string) => codes.indexOf(diagnoses[courseIds.indexOf(courseId)]!) + 1;
  const s = input.settings;
  const prior = options.secondary
    ? priorPayerOf(input, draft, subject, options.secondary, problems)
    : undefined;
  if (options.secondary && !prior) return null;
  return {
    patientControlNumber: options.claimNumber ?? first.courseKey,
    subscriber: parties.subscriber,
    ...(parties.patient ? { patient: parties.patient } : {}),
    responsibility: options.secondary ? 'S' : 'P',
    // SBR09: the patient's coverage says, else the file's payer setting (written by the writer).
    ...(parties.filingIndicator ? { filingIndicator: parties.filingIndicator } : {}),
    diagnosisCodes: codes,
    ...(input.format === '837P'
      ? { placeOfService: draft.placeOfService }
      : { facilityTypeCode: draft.facilityTypeCode ?? '13' }),
    ...(options.frequencyCode
      ? {
          frequencyCode: options.frequencyCode,
          payerClaimControlNumber: options.payerClaimControlNumber ?? '',
        }
      : {}),
    statementFrom: draft.statementFrom,
    statementTo: draft.statementTo,
    priorAuthorization: draft.authorizationNumber,
    provider: physician,
    ...(s.requireReferring ? { referring: physician } : {}),
    ...(s.requireSupervising && input.format === '837P' ? { supervising: physician } : {}),
    ...(prior ? { priorPayer: prior } : {}),
    lines: draft.lines.map((l) => ({
      procedureCode: l.code,
      modifiers: l.modifiers,
      units: l.units,
      chargeCents: l.chargeCents,
      dateOfService: l.dateOfService,
      lineControlNumber: l.chargeId,
      ...(input.format === '837P' ? { diagnosisPointers: [pointer(l.courseId)] } : {}),
      ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
    })),
  };
}

/** The course physician from the billing settings (rendering / attending provider), or a problem. */
function physicianOf(
  settings: BillingSettings,
  physicianId: string,
  reported: Set<string>,
  problems: Problems,
): ClaimProvider | null {
  const p = settings.physicians[physicianId];
  if (p) return { npi: p.npi, lastName: p.lastName, firstName: p.firstName, taxonomy: p.taxonomy };
  if (!reported.has(`physician ${physicianId}`))
    problems.push({
      location: `billing.physicians.${physicianId}`,
      message: `add physician ${physicianId} (name, NPI, taxonomy): the rendering provider of the claims`,
    });
  reported.add(`physician ${physicianId}`);
  return null;
}

const RELATIONSHIP = { spouse: '01', child: '19', other: 'G8' } as const;

interface Parties {
  subscriber: Subscriber;
  patient: DependentPatient | null;
  /** SBR09 from the patient's coverage, when it says. */
  filingIndicator: string | undefined;
}

/**
 * The subscriber and, for a dependent, the patient (2000C), of the primary policy or the secondary
 * coverage; missing demographics are named as what to add to courses.json.
 */
function partiesOf(
  subject: ClaimSubject,
  order: 'primary' | 'secondary',
  problems: Problems,
): Parties | null {
  const self = subscriberOf(subject, problems);
  if (!self) return null;
  const other = order === 'secondary' ? secondaryCoverage(subject) : undefined;
  const holder = order === 'secondary' ? other?.subscriber : subject.coverage.subscriber;
  const memberId = order === 'secondary' ? other?.memberId : self.memberId;
  if (order === 'secondary' && !other) {
    problems.push({
      location: `patient ${subject.patientId}`,
      message: 'the patient has no secondary coverage (otherCoverage in courses.json)',
    });
    return null;
  }
  const filingIndicator =
    order === 'secondary' ? other?.claimFilingIndicator : subject.coverage.claimFilingIndicator;
  const groupNumber = order === 'secondary' ? other?.groupNumber : self.groupNumber;
  if (!holder)
    return {
      subscriber: { ...self, memberId: memberId!, ...(groupNumber ? { groupNumber } : {}) },
      patient: null,
      filingIndicator,
    };
  const [last = '', first = ''] = holder.name.split(',').map((p) => p.trim());
  if (!last || !first) {
    problems.push({
      location: `patient ${subject.patientId}`,
      message: "add the subscriber's name (Last, First) to courses.json (patient.subscriber)",
    });
    return null;
  }
  return {
    subscriber: {
      memberId: holder.memberId ?? memberId!,
      lastName: last,
      firstName: first,
      ...(holder.birthDate ? { birthDate: holder.birthDate } : {}),
      ...(holder.sex ? { sex: holder.sex } : {}),
      ...(holder.address ? { address: holder.address } : {}),
      ...(groupNumber ? { groupNumber } : {}),
    },
    patient: {
      relationship: RELATIONSHIP[holder.relationship],
      lastName: self.lastName,
      firstName: self.firstName,
      birthDate: self.birthDate,
      sex: self.sex,
      address: self.address,
    },
    filingIndicator,
  };
}

const secondaryCoverage = (subject: ClaimSubject) =>
  subject.coverage.otherCoverage?.find((c) => c.order === 'secondary');

/**
 * The secondary claim's payer (2010BB NM1*PR, 837P/837I TR3: the payer the claim is sent to): the
 * coverage's own payer name and id, its payer profile from the settings filling what it leaves out. A
 * coverage that names the primary payer is refused: a secondary claim (SBR01 S) goes to another payer
 * than the one in 2330B.
 */
function secondaryPayer(
  input: Pick<ClaimFilesInput, 'settings' | 'subjects'>,
  draft: ClaimDraft,
  problems: Problems,
): Payer | null {
  const subject = input.subjects.get(draft.patientKey);
  const other = subject ? secondaryCoverage(subject) : undefined;
  if (!subject || !other) return null;
  const location = `patient ${subject.patientId}`;
  const configured = other.payerProfile ? input.settings.payers[other.payerProfile] : undefined;
  const id = other.payerId ?? configured?.id;
  const filingIndicator = other.claimFilingIndicator ?? configured?.filingIndicator;
  if (!id || !filingIndicator) {
    problems.push({
      location,
      message:
        "add the secondary payer's payer profile (set in the billing settings), or its payer id and claim filing indicator, to courses.json (otherCoverage)",
    });
    return null;
  }
  const primary = input.settings.payers[draft.payerProfileId];
  if (primary && primary.id === id) {
    problems.push({
      location,
      message: `the secondary coverage names the primary payer (${id}): correct otherCoverage in courses.json (its payerId or payerProfile) and import it again`,
    });
    return null;
  }
  return { name: other.payerName, id, filingIndicator };
}

/** 2320/2330A/2330B and 2430 of the secondary claim: the primary's subscriber, payer and adjudication. */
function priorPayerOf(
  input: ClaimFilesInput,
  draft: ClaimDraft,
  subject: ClaimSubject,
  answer: SecondaryClaim,
  problems: Problems,
): Claim['priorPayer'] | null {
  const primary = input.settings.payers[draft.payerProfileId];
  const parties = partiesOf(subject, 'primary', problems);
  if (!primary || !parties) return null;
  const lines = draft.lines.map((l) => {
    const a = answer.lines.get(l.chargeId);
    return a
      ? {
          paidCents: a.paidCents,
          procedureCode: l.code,
          modifiers: l.modifiers,
          units: l.units,
          adjustments: a.adjustments,
          adjudicationDate: a.adjudicationDate,
        }
      : null;
  });
  return {
    responsibility: 'P',
    relationship: parties.patient ? parties.patient.relationship : '18',
    ...(parties.subscriber.groupNumber ? { groupNumber: parties.subscriber.groupNumber } : {}),
    filingIndicator: parties.filingIndicator ?? primary.filingIndicator,
    subscriber: {
      lastName: parties.subscriber.lastName,
      firstName: parties.subscriber.firstName,
      memberId: parties.subscriber.memberId,
    },
    payer: { name: primary.name, id: primary.id },
    paidCents: answer.paidCents,
    adjustments: answer.adjustments,
    lines,
  };
}

/** The patient as subscriber (SBR02 18 self), or a problem naming what to add to courses.json. */
function subscriberOf(
  subject: ClaimSubject,
  problems: InputProblem[],
): (Subscriber & Required<Pick<Subscriber, 'birthDate' | 'sex' | 'address'>>) | null {
  const parsed = demographicsSchema.safeParse(subject.demographics ?? {});
  const d = parsed.success ? parsed.data : {};
  const [last = '', first = ''] = (subject.name ?? '').split(',').map((p) => p.trim());
  const missing = [
    ...(last && first ? [] : ['name (Last, First)']),
    ...(subject.birthDate ? [] : ['birthDate']),
    ...(d.sex ? [] : ['sex']),
    ...(d.memberId ? [] : ['memberId']),
    ...(d.address ? [] : ['address']),
  ];
  if (missing.length) {
    problems.push({
      location: `patient ${subject.patientId}`,
      message: `add the patient's ${missing.join(', ')} to courses.json (patient) and import it again`,
    });
    return null;
  }
  return {
    memberId: d.memberId!,
    lastName: last,
    firstName: first,
    birthDate: subject.birthDate!,
    sex: d.sex!,
    address: d.address!,
    ...(d.groupNumber ? { groupNumber: d.groupNumber } : {}),
  };
}

/** ICD-10-CM as claims carry it: without the dot (`C50.911` → `C50911`). */
function diagnosisOf(
  courseKey: string,
  diagnosis: string | undefined,
  problems: InputProblem[],
): string | null {
  const dx = diagnosis?.trim().toUpperCase() ?? '';
  if (ICD10.test(dx)) return dx.replace('.', '');
  problems.push({
    location: `course ${courseKey}`,
    message: dx
      ? 'the diagnosis is not an ICD-10-CM code (e.g. C50.911): correct it in courses.json'
      : 'add the ICD-10-CM diagnosis to courses.json (diagnosis)',
  });
  return null;
}

/**
 * Drafts in the order their claims are numbered: by the course id of their first line, then the first
 * date of service (row ids are random; course ids and dates make the numbering reproducible).
 */
function byCourseAndDate(input: ClaimFilesInput): ClaimDraft[] {
  const courseKey = (d: ClaimDraft) =>
    input.subjects.get(d.patientKey)?.courses.get(d.lines[0]?.courseId ?? '')?.courseKey ?? '';
  return [...input.drafts].sort(
    (a, b) =>
      courseKey(a).localeCompare(courseKey(b)) ||
      a.statementFrom.localeCompare(b.statementFrom) ||
      a.key.localeCompare(b.key),
  );
}
