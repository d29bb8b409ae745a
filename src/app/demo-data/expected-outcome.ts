import { type AuditContext, auditCourse } from '../../core/audit/audit-course.js';
import { lineLabel } from '../../core/model/billing-line.js';
import type { Course } from '../../core/model/course.js';
import type { ClinicEvent, Defect, SimClinic } from './clinic-model.js';
import { formatInstant } from './clinic-time.js';

/** One fraction's expected audit result (`expected/outcome.json`). */
export interface ExpectedFraction {
  courseId: string;
  fractionId: string;
  number: number;
  date: string;
  status: 'ready' | 'hold' | 'downgrade';
  /** `77412`, `77387-26`, `77407-76` (code and modifiers; ` ×n` for more than one unit). */
  lines: string[];
  /** Distinct rule ids of the fraction's warning and error findings, sorted. */
  ruleIds: string[];
}

export interface ExpectedCourse {
  courseId: string;
  kind: string;
  patientId: string;
  payerProfile: string;
  /** Where the evidence is: DICOM records or the R&V CSV; orders/signatures CSV or a FHIR bundle. */
  recordSource: 'dicom' | 'csv';
  documentSource: 'csv' | 'fhir';
  fractionsDelivered: number;
  fractionsScheduled: number;
  /** Distinct rule ids of the course-level warning and error findings (e.g. DOC-003), sorted. */
  ruleIds: string[];
}

export interface ExpectedOutcome {
  schemaVersion: 1;
  generator: 'sgrt-billing demo-data';
  options: { patients: number; days: number; seed: number };
  /** The export instant the audit runs at: `sgrt-billing audit expected/courses --now <now>`. */
  now: string;
  period: { first: string; last: string };
  summary: { courses: number; fractions: number; ready: number; hold: number; downgrade: number };
  courses: ExpectedCourse[];
  fractions: ExpectedFraction[];
  defects: Defect[];
  events: ClinicEvent[];
}

const nonInfo = (findings: readonly { ruleId: string; severity: string }[]) =>
  [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort();

/** Audits the ground-truth courses at the export instant: what the whole pipeline must arrive at. */
export function expectedOutcome(
  clinic: SimClinic,
  courses: readonly Course[],
  ctx: AuditContext,
  defects: Defect[],
  events: ClinicEvent[],
): ExpectedOutcome {
  const fractions: ExpectedFraction[] = [];
  const summaries: ExpectedCourse[] = [];
  courses.forEach((course, i) => {
    const sim = clinic.courses[i]!;
    const audit = auditCourse(course, ctx);
    summaries.push({
      courseId: course.courseId,
      kind: sim.kind,
      patientId: course.patient.id,
      payerProfile: audit.payerProfile,
      recordSource: sim.recordSource,
      documentSource: sim.documentSource,
      fractionsDelivered: course.fractions.length,
      fractionsScheduled: course.schedule.length,
      ruleIds: nonInfo(audit.findings),
    });
    for (const f of audit.fractions) {
      fractions.push({
        courseId: f.courseId,
        fractionId: f.fractionId,
        number: f.number,
        date: f.date,
        status: f.status,
        lines: f.lines.map(lineLabel),
        ruleIds: nonInfo(f.findings),
      });
    }
  });
  const count = (s: ExpectedFraction['status']) => fractions.filter((f) => f.status === s).length;
  return {
    schemaVersion: 1,
    generator: 'sgrt-billing demo-data',
    options: { patients: clinic.options.patients, days: clinic.options.days, seed: clinic.options.seed },
    now: formatInstant(clinic.options.now, 'America/New_York'),
    period: { first: clinic.days[0]!, last: clinic.days[clinic.days.length - 1]! },
    summary: {
      courses: courses.length,
      fractions: fractions.length,
      ready: count('ready'),
      hold: count('hold'),
      downgrade: count('downgrade'),
    },
    courses: summaries,
    fractions,
    defects,
    events,
  };
}
