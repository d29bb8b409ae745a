import { SEVERITIES, type Severity, severityRank } from '../core/model/finding.js';
import type { Finding } from '../core/model/finding.js';
import { RULE_CATALOGUE } from '../core/rules/catalogue.js';
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

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A real day of the (proleptic Gregorian) calendar `YYYY-MM-DD`: not 2026-02-30 nor 2026-13-01. */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An instant with its offset whose every part exists (no February 30, no hour 25, no offset +24:00). */
function isInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDate(m[1]!)) return false;
  const [h, min, sec, oh, om] = m.slice(2).map((v) => Number(v ?? 0));
  return h! <= 23 && min! <= 59 && sec! <= 59 && oh! <= 23 && om! <= 59;
}

/** A date option (`--through 2026-03-31`): undefined when not given; exit 2 naming the flag when no such day. */
export function dateOption(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isCalendarDate(value)) {
    throw new UsageError(`${flag} must be a calendar date YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

/** `--now 2026-03-20T12:00:00-04:00` (an instant with offset): undefined when not given. */
export function instantOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (INSTANT.test(value) && !isInstant(value)) {
    throw new UsageError(`--now names no such day or time (got "${value}")`);
  }
  if (!isInstant(value)) {
    throw new UsageError(
      `--now must be an instant with its offset, e.g. 2026-03-20T12:00:00-04:00 (got "${value}")`,
    );
  }
  return Date.parse(value);
}

/** `--now`, or the current time. */
export function nowOption(value: string | undefined): number {
  return instantOption(value) ?? Date.now();
}

export function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${name} must be a number (got "${value}")`);
  return n;
}

/**
 * A rule id or the start of one (`DOC`, `doc-008`: case-insensitive), upper-cased; undefined when not
 * given. A value no rule id starts with is a usage error naming the flag: a typo never reads as "no
 * findings".
 */
export function ruleIdOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const prefix = value.trim().toUpperCase();
  if (!RULE_CATALOGUE.some((r) => r.id.startsWith(prefix)))
    throw new UsageError(
      `${flag} ${value}: no rule id starts with it (e.g. DOC, DOC-008; \`sgrt-billing rules\` lists them)`,
    );
  return prefix;
}
