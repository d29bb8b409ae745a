import type { Severity } from './finding.js';

/** Metadata every rule carries; the id names the rule's file and appears in each finding. */
export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  /** The source the rule encodes (document, section, date) with its tag from domain.md ([seed], [C], [S], [U]). */
  source: string;
}
