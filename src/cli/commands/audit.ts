import { auditCourses, type AuditedFile } from '../../app/audit-courses.js';
import { engineContext } from '../../app/engine-context.js';
import type { FractionAudit } from '../../core/audit/audit-course.js';
import type { Finding } from '../../core/model/finding.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { formatMoney } from '../output/format-money.js';
import { lineLabel } from '../../core/model/billing-line.js';
import { renderTable } from '../output/render-table.js';
import { failOn, findingsExitCode, nowOption, numberOption, outputFormat } from '../shared-options.js';

export interface AuditCommandOptions {
  format: string;
  failOn?: string;
  now?: string;
  profiles?: string;
  rule?: string;
  occlusionTolerance?: string;
  lastFractionHours?: string;
  skipInvalid?: boolean;
}

/** `sgrt-billing audit <course.json|folder…>`: per-fraction status, lines and findings. */
export async function runAudit(paths: string[], opts: AuditCommandOptions): Promise<number> {
  const format = outputFormat(opts.format, ['json', 'table', 'ndjson']);
  const threshold = failOn(opts.failOn);
  const occlusion = numberOption('--occlusion-tolerance', opts.occlusionTolerance);
  const lastHours = numberOption('--last-fraction-hours', opts.lastFractionHours);
  const ctx = await engineContext({
    now: nowOption(opts.now),
    ...(opts.profiles ? { profilesFile: opts.profiles } : {}),
    options: {
      ...(occlusion !== undefined ? { occlusionToleranceSec: occlusion } : {}),
      ...(lastHours !== undefined ? { lastFractionSignatureHours: lastHours } : {}),
    },
  });
  const run = await auditCourses(paths, ctx, { skipInvalid: opts.skipInvalid ?? false });
  const rule = opts.rule?.toUpperCase();
  const keep = (f: Finding) => rule === undefined || f.ruleId.startsWith(rule);
  const audited = run.audited
    .map(({ file, audit }) => ({
      file,
      audit: {
        ...audit,
        findings: audit.findings.filter(keep),
        fractions: audit.fractions
          .map((fr) => ({ ...fr, findings: fr.findings.filter(keep) }))
          .filter((fr) => rule === undefined || fr.findings.length > 0),
      },
    }))
    // With --rule, a course none of whose findings match has nothing to show.
    .filter(({ audit }) => rule === undefined || audit.fractions.length > 0 || audit.findings.length > 0);

  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ summary: summarise(audited), courses: audited, invalid: run.invalid }, null, 2)}\n`,
    );
  } else if (format === 'ndjson') {
    for (const { file, audit } of audited) {
      for (const fr of audit.fractions) process.stdout.write(`${JSON.stringify({ file, ...fr })}\n`);
    }
  } else {
    process.stdout.write(renderAuditTables(audited, run.invalid));
  }
  for (const p of run.invalid) process.stderr.write(`skipped ${p.location}: ${p.message}\n`);
  const findings = audited.flatMap(({ audit }) => [
    ...audit.findings,
    ...audit.fractions.flatMap((f) => f.findings),
  ]);
  return findingsExitCode(findings, threshold);
}

function summarise(audited: readonly AuditedFile[]) {
  const fractions = audited.flatMap((a) => a.audit.fractions);
  const cents = (list: readonly FractionAudit[]) =>
    list.reduce((sum, f) => sum + f.lines.reduce((s, l) => s + (l.expectedCents ?? 0) * l.units, 0), 0);
  const by = (status: FractionAudit['status']) => fractions.filter((f) => f.status === status);
  return {
    courses: audited.length,
    fractions: fractions.length,
    ready: by('ready').length,
    downgrade: by('downgrade').length,
    hold: by('hold').length,
    billableCents: cents([...by('ready'), ...by('downgrade')]),
    heldCents: cents(by('hold')),
  };
}

function renderAuditTables(audited: readonly AuditedFile[], invalid: readonly InputProblem[]): string {
  const out: string[] = [];
  for (const { file, audit } of audited) {
    const score = audit.elements
      ? `${audit.elements.filter((e) => e.present).length}/5`
      : 'n/a (no motion management)';
    out.push(
      `Course ${audit.courseId}  (${file})  payer profile: ${audit.payerProfile}  documentation: ${score}`,
    );
    for (const f of audit.findings) out.push(findingLine(f, '  '));
    const rows = audit.fractions.map((fr) => [
      String(fr.number),
      fr.date,
      fr.status.toUpperCase(),
      fr.lines.map(lineLabel).join(', ') || '—',
      formatMoney(expectedTotal(fr.lines)),
      [...new Set(fr.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].join(' ') || '',
    ]);
    out.push(indent(renderTable(['#', 'date', 'status', 'lines', 'expected', 'rules'], rows, [0, 4])));
    for (const fr of audit.fractions.filter((f) => f.status !== 'ready')) {
      out.push(`  fraction ${fr.number} — ${fr.status}:`);
      for (const f of fr.findings.filter((x) => x.severity !== 'info')) out.push(findingLine(f, '    '));
    }
    out.push('');
  }
  const s = summarise(audited);
  out.push(
    `${s.courses} course(s), ${s.fractions} fraction(s): ${s.ready} ready, ${s.downgrade} downgraded, ${s.hold} on hold. ` +
      `Billable ${formatMoney(s.billableCents)}; on hold ${formatMoney(s.heldCents)}.`,
  );
  if (invalid.length) out.push(`${invalid.length} input problem(s): see stderr.`);
  return `${out.join('\n')}\n`;
}

/** The lines' expected payment; null when no line has an amount in the rate table (e.g. 77373). */
function expectedTotal(lines: FractionAudit['lines']): number | null {
  const known = lines.filter((l) => l.expectedCents !== null);
  return known.length ? known.reduce((s, l) => s + l.expectedCents! * l.units, 0) : null;
}

function findingLine(f: Finding, pad: string): string {
  return `${pad}${f.severity.toUpperCase()} ${f.ruleId}: ${f.message}${f.fix ? `\n${pad}  fix: ${f.fix}` : ''}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
