import type { ImportSummary } from '../link/import-progress.js';
import type { ExportSource } from '../read/export-source.js';
import type { ImportFileView } from '../views.js';

/** A file to import: where its bytes are, and their SHA-256 (the import's idempotency key). */
export interface UploadSource extends ExportSource {
  sha256: string;
}

/** An import's result, kept with its job: each file's view, and what the import linked. */
export interface ImportResult {
  files: ImportFileView[];
  summary: ImportSummary;
}
