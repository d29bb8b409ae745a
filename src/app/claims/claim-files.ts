import { claimNumber } from '../../core/claims/claim-number.js';
import type { ClaimDraft } from '../../core/claims/claim-input.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { patientSchema } from '../../core/model/course.js';
import type { Claim, ClaimFile, Subscriber } from '../../formats/x12/claim-types.js';
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
  /**
   * The patient's courses with lines to bill, by course row id: the course id (`C-5001`: a claim number
   * starts with the first line's) and its ICD-10-CM diagnosis (`C50.911`).
   */
  courses: Map<string, { courseKey: string; diagnosis: string | undefined }>;
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
}

const demographicsSchema = patientSchema.pick({
  sex: true,
  memberId: true,
  groupNumber: true,
  address: true,
});
const ICD10 = /^[A-TV-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

/**
 * Claim drafts → one 837 claim file per payer (837 loops 2010BA subscriber = the patient, 2010BB payer,
 * 2300 claim with the diagnoses of its courses in HI, 2400 lines pointing at their course's diagnosis
 * (SV107 on 837P) with REF*6R = our charge id). Claims are numbered in draft order from
 * `firstClaimNumber` (`claimNumber`), interchanges from `firstControlNumber`. Everything a claim needs and
 * the practice has not given (demographics, diagnosis, the payer's ids) is returned as located problems
 * naming courses, patients by row id and settings fields, never their values.
 */
export function claimFiles(
  input: ClaimFilesInput,
): { ok: true; files: PayerClaimFile[] } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const byPayer = new Map<string, Claim[]>();
  let sequence = input.firstClaimNumber;
  const missingPayers = new Set<string>();
  const reported = new Set<string>();
  for (const draft of byCourseAndDate(input)) {
    const subject = input.subjects.get(draft.patientKey);
    if (!subject) throw new Error('claim draft without its course');
    const payer = input.settings.payers[draft.payerProfileId];
    if (!payer && !missingPayers.has(draft.payerProfileId)) {
      missingPayers.add(draft.payerProfileId);
      problems.push({
        location: `billing.payers.${draft.payerProfileId}`,
        message: `add the payer's name, payer id and claim filing indicator (SBR09) for payer profile ${draft.payerProfileId}`,
      });
    }
    const subscriber = subscriberOf(subject, reported.has(draft.patientKey) ? [] : problems);
    reported.add(draft.patientKey);
    // One diagnosis per course, in line order; each line points at its course's (HI holds up to 12).
    const courseIds = [...new Set(draft.lines.map((l) => l.courseId))];
    const diagnoses = courseIds.map((id) => {
      const course = subject.courses.get(id);
      if (!course) throw new Error('claim line without its course');
      const dx = diagnosisOf(course.courseKey, course.diagnosis, reported.has(id) ? [] : problems);
      reported.add(id);
      return dx;
    });
    if (!subscriber || !payer || diagnoses.some((d) => d === null)) continue;
    const codes = [...new Set(diagnoses as string[])];
    const pointer = (courseId: string) => codes.indexOf(diagnoses[courseIds.indexOf(courseId)]!) + 1;
    const claim: Claim = {
      patientControlNumber: claimNumber(subject.courses.get(courseIds[0]!)!.courseKey, sequence++),
      subscriber,
      diagnosisCodes: codes,
      ...(input.format === '837P'
        ? { placeOfService: draft.placeOfService }
        : { facilityTypeCode: draft.facilityTypeCode ?? '13' }),
      statementFrom: draft.statementFrom,
      statementTo: draft.statementTo,
      priorAuthorization: draft.authorizationNumber,
      lines: draft.lines.map((l) => ({
        procedureCode: l.code,
        modifiers: l.modifiers,
        units: l.units,
        chargeCents: l.chargeCents,
        dateOfService: l.dateOfService,
        lineControlNumber: l.chargeId,
        diagnosisPointers: [pointer(l.courseId)],
        ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
      })),
    };
    byPayer.set(draft.payerProfileId, [...(byPayer.get(draft.payerProfileId) ?? []), claim]);
  }
  if (problems.length) return { ok: false, problems };

  const s = input.settings;
  const files = [...byPayer].map(([payerProfileId, claims], i): PayerClaimFile => {
    const icn = input.firstControlNumber + i;
    const payer = s.payers[payerProfileId]!;
    return {
      payerProfileId,
      file: {
        envelope: {
          sender: { qualifier: s.submitter.qualifier, id: s.submitter.id, name: s.submitter.name },
          receiver: { qualifier: s.receiver.qualifier, id: s.receiver.id, name: s.receiver.name },
          contact: s.submitter.contact,
          interchangeControlNumber: icn,
          groupControlNumber: icn,
          transactionSetControlNumber: '0001',
          batchReference: String(icn),
          created: input.created,
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
      },
    };
  });
  return { ok: true, files };
}

/** The patient as subscriber (SBR02 18 self), or a problem naming what to add to courses.json. */
function subscriberOf(subject: ClaimSubject, problems: InputProblem[]): Subscriber | null {
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
