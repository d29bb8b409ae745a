import { SEVERITIES, type Severity, severityRank } from '../core/model/finding.js';
import type { Finding } from '../core/model/finding.js';
import { UsageError } from './cli-errors.js';

export type OutputFormat = 'json' | 'table' | 'ndjson';

export function outputFormat(value: string, allowed: readonly OutputFormat[]): OutputFormat {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as OutputFormat;
}

export function failOn(value: string | undefined): Severity | null {
  if (value === undefined) return null;
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${value}")`);
  }
  return value as Severity;
}

/** Exit code 1 when any finding is at or above the --fail-on severity. */
export function findingsExitCode(findings: readonly Finding[], threshold: Severity | null): 0 | 1 {
  if (threshold === null) return 0;
  return findings.some((f) => severityRank(f.severity) >= severityRank(threshold)) ? 1 : 0;
}

/** `--now 2026-03-20T12:00:00-04:00` (an instant with offset) or the current time. */
export function nowOption(value: string | undefined): number {
  if (value === undefined) return Date.now();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new UsageError(
      `--now must be an instant with its offset, e.g. 2026-03-20T12:00:00-04:00 (got "${value}")`,
    );
  }
  return Date.parse(value);
}

export function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${name} must be a number (got "${value}")`);
  return n;
}
