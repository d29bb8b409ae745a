import type { Finding, Severity } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';
import { inForce } from '../rates/mpfs-payment.js';
import { byDate, type EditLine, type EditTables, type MueLimit } from './edit-tables.js';

export const EDIT_002: RuleMeta = {
  id: 'EDIT-002',
  title: 'Medically unlikely edit: more units of a code than the MUE allows per line or per day',
  severity: 'error',
  source:
    'CMS NCCI MUE tables: MUE value and adjudication indicator (1 claim line, 2 date of service by policy, ' +
    '3 date of service, clinical) (domain.md §7) [S]',
};

const SEVERITY: Record<MueLimit['adjudication'], Severity> = { '1': 'error', '2': 'error', '3': 'warning' };

const FIX: Record<MueLimit['adjudication'], string> = {
  '1': 'Units above the MUE on one line are denied: report the distinct session on its own line (e.g. modifier 76) when documented.',
  '2': 'The MUE is a policy limit per day: units above it are denied and rarely paid on appeal; check the units.',
  '3': 'The MUE is a clinical limit per day: units above it are denied; appeal with documentation of medical necessity.',
};

/**
 * Units of each code against its MUE: per line when the adjudication indicator is 1, summed over the
 * lines of the same date of service when it is 2 or 3 (lines with modifier 76 count too). One finding per
 * line (indicator 1) or per code and date (2, 3), on the last line that takes the total over.
 */
export function checkMueLimits(tables: readonly EditTables[], lines: readonly EditLine[]): Finding[] {
  const findings: Finding[] = [];
  for (const [date, day] of byDate(lines)) {
    const release = inForce(tables, date);
    if (!release) continue; // EDIT-001 reports the date as not checked
    const totals = new Map<string, { units: number; lines: EditLine[] }>();
    for (const line of day) {
      const limit = release.mue.get(line.code.toUpperCase());
      if (!limit) continue;
      if (limit.adjudication === '1') {
        if (line.units > limit.maxUnits)
          findings.push(finding(limit, line, date, line.units, [line], release.release.id));
        continue;
      }
      const total = totals.get(limit.hcpcs) ?? { units: 0, lines: [] };
      total.units += line.units;
      total.lines.push(line);
      totals.set(limit.hcpcs, total);
    }
    for (const [code, total] of totals) {
      const limit = release.mue.get(code.toUpperCase())!;
      if (total.units > limit.maxUnits) {
        findings.push(
          finding(limit, total.lines.at(-1)!, date, total.units, total.lines, release.release.id),
        );
      }
    }
  }
  return findings;
}

function finding(
  limit: MueLimit,
  line: EditLine,
  date: string,
  units: number,
  lines: EditLine[],
  release: string,
): Finding {
  const per = limit.adjudication === '1' ? 'on one line' : `on ${date}`;
  return {
    ruleId: EDIT_002.id,
    severity: SEVERITY[limit.adjudication],
    subject: line.subject,
    message: `${limit.hcpcs}: ${units} units ${per}, above the MUE of ${limit.maxUnits} (adjudication indicator ${limit.adjudication}).`,
    evidence: {
      code: limit.hcpcs,
      units,
      mue: limit.maxUnits,
      adjudicationIndicator: limit.adjudication,
      rationale: limit.rationale,
      lines: lines.map((l) => l.subject).join(', '),
      release,
      source: limit.location,
    },
    fix: FIX[limit.adjudication],
  };
}
