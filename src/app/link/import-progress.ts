import type { ImportJobView } from '../views.js';

/** What an import (or a re-link) counts: its courses, fractions, unlinked records and fractions by status. */
export type ImportSummary = NonNullable<ImportJobView['summary']>;

export interface ImportProgress {
  phase: 'read' | 'store';
  done: number;
  total: number;
  file: string | null;
}
