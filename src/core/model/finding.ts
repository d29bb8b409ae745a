/** Findings are data, not exceptions: every rule returns them (architecture.md, "Rules"). */
export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What the finding is about: a fraction, a line, the course (identifiers only, never PHI). */
  subject: string;
  message: string;
  /** Facts that support the finding: times, gap lengths, codes. */
  evidence?: Record<string, string | number | boolean | null>;
  /** What to do next. */
  fix?: string;
}
