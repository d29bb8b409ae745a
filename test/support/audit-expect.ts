/**
 * Table-test helpers: run a course through the audit and compare each listed fraction's status, lines
 * (after hold/downgrade/drop effects) and DOC-* findings.
 */
import { expect } from 'vitest';
import type { CourseAudit } from '../../src/core/audit/audit-course.js';
import type { FractionStatus } from '../../src/core/audit/outcome.js';
import { fraction, findingKeys, lineCodes, READY_LINES } from './course-builder.js';

export interface FractionExpectation {
  status: FractionStatus;
  /** Lines as 'code[-mod…]' strings; omitted = not checked. */
  lines?: string[];
  /** DOC-* findings as 'RULE:severity', in the audit's order (errors first, then by rule id). */
  findings?: string[];
}

/** A fraction billed in full (77412 and 77387-26) without a DOC-* finding. */
export const READY: FractionExpectation = { status: 'ready', lines: READY_LINES, findings: [] };

export function expectFractions(audit: CourseAudit, expected: Record<number, FractionExpectation>): void {
  for (const [n, want] of Object.entries(expected)) {
    const f = fraction(audit, Number(n));
    const got: FractionExpectation = { status: f.status };
    if (want.lines) got.lines = lineCodes(f);
    if (want.findings) got.findings = findingKeys(f);
    expect(got, `fraction ${n}`).toEqual(want);
  }
}

/** The first finding of a rule on fraction `n`. */
export function findingOf(audit: CourseAudit, n: number, ruleId: string) {
  const found = fraction(audit, n).findings.find((x) => x.ruleId === ruleId);
  if (!found) throw new Error(`no ${ruleId} finding on fraction ${n}`);
  return found;
}
