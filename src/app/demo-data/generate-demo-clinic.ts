import { engineContext } from '../engine-context.js';
import { buildClinic } from './build-clinic.js';
import { type ClinicFile, clinicFiles, type GeneratedClinic } from './clinic-files.js';
import type { GenerateOptions } from './clinic-model.js';
import { listEvents } from './export-cut.js';
import { expectedOutcome } from './expected-outcome.js';
import { groundTruthCourse } from './ground-truth.js';
import { writeClinicFolder } from './write-clinic.js';

export { outDirProblem } from './write-clinic.js';
export type { ClinicFile, GeneratedClinic };

/** The clinic in memory: simulation, ground-truth course documents and the expected audit outcome. */
export async function generateClinic(options: GenerateOptions): Promise<GeneratedClinic> {
  const clinic = buildClinic(options);
  const courses = clinic.courses.map((c) => groundTruthCourse(c, clinic.options.placeOfService));
  // The audit context `sgrt-billing audit --now <now>` builds: bundled profiles, default options.
  const ctx = await engineContext({ now: clinic.options.now });
  const outcome = expectedOutcome(clinic, courses, ctx, clinic.defects, listEvents(clinic.courses));
  return { clinic, courses, outcome };
}

export interface DemoClinicRun extends GeneratedClinic {
  files: number;
  bytes: number;
}

/** `sgrt-billing demo-data`: generates the clinic and writes it under `out` (atomically). */
export async function generateDemoClinic(
  options: GenerateOptions & { out: string },
  onFile?: (file: ClinicFile, bytes: number) => void,
): Promise<DemoClinicRun> {
  const generated = await generateClinic(options);
  const written = await writeClinicFolder(options.out, clinicFiles(generated), onFile);
  return { ...generated, ...written };
}
