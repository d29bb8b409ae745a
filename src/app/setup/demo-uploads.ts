import { clinicFiles } from '../demo-data/clinic-files.js';
import type { GenerateOptions } from '../demo-data/clinic-model.js';
import { type GeneratedClinic, generateClinic } from '../demo-data/generate-demo-clinic.js';
import type { UploadedFile } from '../import-pipeline/import-files.js';

/**
 * A generated demo clinic in memory, as uploads: its export files in the real formats (the `expected/`
 * answers left out) and its clinic.json settings for the practice; only the first `first` files when
 * given (writing a large clinic's files costs more than generating it).
 */
export async function demoUploads(
  options: GenerateOptions,
  first = Infinity,
): Promise<{ generated: GeneratedClinic; files: UploadedFile[]; clinic: unknown }> {
  const generated = await generateClinic(options);
  const files: UploadedFile[] = [];
  let clinic: unknown = null;
  for await (const f of clinicFiles(generated)) {
    if (files.length === first) break;
    if (f.path.startsWith('expected/')) continue;
    const bytes = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
    if (f.path === 'clinic.json') clinic = JSON.parse(new TextDecoder().decode(bytes));
    files.push({ name: f.path, bytes });
  }
  return { generated, files, clinic };
}
