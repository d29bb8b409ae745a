import type { InputProblem } from '../../core/model/input-problem.js';
import { countJsonValues } from '../../formats/json/count-json-values.js';
import { MAX_DOCUMENT_BYTES } from '../input-files.js';
import type { ExportFormat } from './detect-format.js';

const MiB = 1024 * 1024;

interface DocumentLimit {
  /** Largest file of the kind loaded at all. */
  bytes: number;
  /** JSON documents, parsed whole: most values (countJsonValues) parsed. */
  values?: number;
}

/**
 * Per kind, the largest file read: well above what a clinic's export holds, low enough that reading one
 * keeps the import's memory bounded (README, "Uploads"). A JSON document is parsed whole (its format
 * has no rows to read one at a time) and costs memory by its values, not its bytes (a million `{}`
 * entries in 38 MB held the loop 16.9 s and 1.2 GB), so it is also refused by its count of values.
 */
const LIMITS: Partial<Record<ExportFormat, DocumentLimit>> = {
  // A handful of settings (the demo's: 238 bytes, 8 values).
  clinic: { bytes: 1 * MiB, values: 10_000 },
  // The export's courses: ~100 values and ~3 KB per course (the demo's courses.json). A 10-linac
  // department treats ~600 courses at a time and starts ~3,000 a year; 5,000 courses is ~15 MB.
  // Measured: 10,000 demo-shaped courses (20 MB) parse to +79 MiB.
  'course-headers': { bytes: 16 * MiB, values: 500_000 },
  // A course's or a day's documents: ~30 values per resource (the demo's bundles: 4 resources, 118
  // values); 500,000 values is ~16,000 resources.
  fhir: { bytes: 16 * MiB, values: 500_000 },
  // Read row by row, but every row becomes a record that the import holds, links and stores (as JSON: a
  // 62 MB history ran PGlite out of memory and passed PostgreSQL's 256 MB jsonb limit). A beam is a row
  // of ~90 bytes; a 4-linac department delivers ~180,000 beams a year (4 × 30 patients × 6 beams × 250
  // days): 16 MiB holds a year of it, and exports are daily or weekly.
  'rv-history': { bytes: 16 * MiB },
  // A row per document or authorization: far fewer than beams.
  'orders-signatures': { bytes: 16 * MiB },
  authorizations: { bytes: 16 * MiB },
};

/** The file's size over its kind's limit: the problem that refuses it (before it is loaded), else null. */
export function tooLarge(format: ExportFormat, size: number, file: string): InputProblem | null {
  const limit = LIMITS[format]?.bytes ?? MAX_DOCUMENT_BYTES;
  return size > limit
    ? { location: file, message: `file is ${size} bytes; the limit for this kind of file is ${limit}` }
    : null;
}

/** A JSON document with more values than its kind allows: the problem that refuses it unparsed, else null. */
export function tooManyValues(format: ExportFormat, bytes: Uint8Array, file: string): InputProblem | null {
  const max = LIMITS[format]?.values;
  if (max === undefined || countJsonValues(bytes, max) <= max) return null;
  return {
    location: file,
    message: `the document holds over ${max} values (entries and their fields), more than an export of this kind holds: refused unread`,
  };
}
