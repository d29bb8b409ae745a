import { DELIVERY_CODES } from '../model/billing-line.js';
import type { BillingLine } from '../model/billing-line.js';
import type { Authorization } from '../model/course.js';
import type { Finding } from '../model/finding.js';
import { AUTH_001, AUTH_002, AUTH_003, AUTH_004 } from './authorization-rules.js';

/** A delivered fraction as the authorization checks see it, in delivery order. */
export interface AuthorizedFraction {
  fractionId: string;
  number: number;
  date: string;
  lines: readonly BillingLine[];
}

const level = (code: string) => (DELIVERY_CODES as readonly string[]).indexOf(code);
const usable = (a: Authorization) => a.status === undefined || a.status === 'approved';

/**
 * What the course's authorizations say about each fraction before its claim goes out (warnings: the
 * charge is not held, the biller is told). Nothing when the course has no authorization at all (the
 * payer may not require one). Fractions must come in delivery order (AUTH-003 counts them).
 */
export function authorizationFindings(
  authorizations: readonly Authorization[],
  fractions: readonly AuthorizedFraction[],
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  if (!authorizations.length) return out;
  const approved = authorizations.filter(usable);
  const used = new Map<string, number>();
  for (const f of fractions) {
    const findings: Finding[] = [];
    const subject = `fraction ${f.number} (${f.fractionId})`;
    const covering = approved.filter((a) => a.validFrom <= f.date && f.date <= a.validTo);
    if (!covering.length) {
      findings.push({
        ruleId: AUTH_004.id,
        severity: 'warning',
        subject,
        message: `No approved authorization covers ${f.date}.`,
        evidence: { dateOfService: f.date, authorizations: authorizations.map((a) => a.number).join(' ') },
        fix: 'Obtain (or extend) the authorization before the claim goes out.',
      });
    }
    const year = f.date.slice(0, 4);
    if (year >= '2026' && covering.length && covering.every((a) => a.obtainedOn.slice(0, 4) < year)) {
      const a = covering[0]!;
      findings.push({
        ruleId: AUTH_001.id,
        severity: 'warning',
        subject,
        message: `${f.date} is covered only by authorization ${a.number}, obtained ${a.obtainedOn} under the ${a.obtainedOn.slice(0, 4)} codes.`,
        evidence: { authorization: a.number, obtainedOn: a.obtainedOn, dateOfService: f.date },
        fix: `Request a ${year} authorization for the 2026 codes before billing; payers deny claims riding on 2025 authorizations.`,
      });
    }
    for (const line of f.lines) {
      const billed = level(line.code);
      if (billed < 0 || !covering.length) continue;
      const levels = covering
        .flatMap((a) => a.codes.map((c) => level(c.split('-')[0]!)))
        .filter((l) => l >= 0);
      if (!levels.length || levels.includes(billed) || Math.max(...levels) > billed) continue;
      const authorized = DELIVERY_CODES[Math.max(...levels)]!;
      findings.push({
        ruleId: AUTH_002.id,
        severity: 'warning',
        subject,
        message: `${line.code} is planned but the authorization covers ${authorized}.`,
        evidence: { billed: line.code, authorized, authorization: covering.map((a) => a.number).join(' ') },
        fix: `Ask the payer to authorize ${line.code} (peer-to-peer with the motion-management evidence), or the claim will be downcoded.`,
      });
    }
    for (const a of covering) {
      const n = (used.get(a.number) ?? 0) + 1;
      used.set(a.number, n);
      if (n > a.fractionsAuthorized) {
        findings.push({
          ruleId: AUTH_003.id,
          severity: 'warning',
          subject,
          message: `Fraction ${n} under authorization ${a.number}, which allows ${a.fractionsAuthorized}.`,
          evidence: { authorization: a.number, fractionsAuthorized: a.fractionsAuthorized, fractionUnder: n },
          fix: 'Request more fractions from the payer before this one is billed.',
        });
      }
    }
    if (findings.length) out.set(f.fractionId, findings);
  }
  return out;
}
