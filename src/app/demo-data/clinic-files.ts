import { clinicSchema } from '../../core/model/clinic.js';
import type { Course } from '../../core/model/course.js';
import { CLINIC_NAME, FACILITY, type SimClinic } from './clinic-model.js';
import { rtdLogs, treatmentReports } from './emit-alignrt.js';
import { authorizationsCsv, chargeFiles } from './emit-charges.js';
import { fhirBundles, ordersSignaturesCsv } from './emit-documents.js';
import { dicomRecords, historyCsv } from './emit-records.js';
import { unlinkedRecords } from './emit-unlinked.js';
import type { ExpectedOutcome } from './expected-outcome.js';
import { courseHeader } from './ground-truth.js';

/** One file of the generated clinic: its path under the output folder (`/`-separated) and content. */
export interface ClinicFile {
  path: string;
  data: string | Uint8Array;
}

export interface GeneratedClinic {
  clinic: SimClinic;
  /** The ground-truth course documents, in course order. */
  courses: Course[];
  outcome: ExpectedOutcome;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every file of the clinic folder, in a fixed order (the layout is a contract with `sgrt-billing import`;
 * src/app/demo-data/README.md). Generated lazily: one file's content at a time.
 */
export async function* clinicFiles(g: GeneratedClinic): AsyncGenerator<ClinicFile> {
  const { clinic } = g;
  yield {
    path: 'clinic.json',
    data: json(
      clinicSchema.parse({
        schemaVersion: 1,
        name: CLINIC_NAME,
        facility: { timeZone: FACILITY.timeZone, placeOfService: clinic.options.placeOfService },
        alignrtReportDateOrder: 'MDY',
        historyMapping: 'aria-like',
      }),
    ),
  };
  const headers = clinic.courses.map((c) => courseHeader(c, clinic.options.placeOfService));
  yield { path: 'courses.json', data: json(headers) };
  yield authorizationsCsv(clinic);
  yield* dicomRecords(clinic);
  yield historyCsv(clinic);
  yield* rtdLogs(clinic);
  yield* treatmentReports(clinic);
  yield ordersSignaturesCsv(clinic);
  yield* fhirBundles(clinic);
  yield* chargeFiles(clinic);
  yield* unlinkedRecords(clinic);
  yield { path: 'expected/outcome.json', data: json(g.outcome) };
  for (const course of g.courses)
    yield { path: `expected/courses/${course.courseId}.json`, data: json(course) };
}
