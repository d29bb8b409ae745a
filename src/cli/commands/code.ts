import { codeSessions } from '../../app/code-sessions.js';
import { engineContext } from '../../app/engine-context.js';
import { formatMoney } from '../output/format-money.js';
import { lineLabel } from '../../core/model/billing-line.js';
import { renderTable } from '../output/render-table.js';
import { failOn, findingsExitCode, outputFormat } from '../shared-options.js';

export interface CodeOptions {
  format: string;
  failOn?: string;
  profiles?: string;
}

/** `sgrt-billing code <facts.json…>`: the billable lines of a session and why. */
export async function runCode(files: string[], opts: CodeOptions): Promise<number> {
  const format = outputFormat(opts.format, ['json', 'table']);
  const threshold = failOn(opts.failOn);
  const ctx = await engineContext({ now: 0, ...(opts.profiles ? { profilesFile: opts.profiles } : {}) });
  const coded = await codeSessions(files, ctx);
  if (format === 'json') {
    const docs = coded.map((c) => ({
      ...(coded.length > 1 ? { file: c.file } : {}),
      lines: c.lines.map(({ code, modifiers, units, reason, expectedCents, ruleId }) => ({
        code,
        modifiers,
        units,
        ruleId,
        reason,
        expectedCents,
      })),
      findings: c.findings,
    }));
    process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
  } else {
    for (const c of coded) {
      if (coded.length > 1) process.stdout.write(`${c.file}\n`);
      const rows = c.lines.map((l) => [
        lineLabel(l),
        String(l.units),
        formatMoney(l.expectedCents),
        l.ruleId,
        l.reason,
      ]);
      process.stdout.write(
        `${rows.length ? renderTable(['line', 'units', 'expected', 'rule', 'why'], rows, [1, 2]) : 'No billable line.'}\n`,
      );
      for (const f of c.findings) {
        process.stdout.write(
          `  ${f.severity.toUpperCase()} ${f.ruleId}: ${f.message}${f.fix ? `\n    fix: ${f.fix}` : ''}\n`,
        );
      }
      process.stdout.write('\n');
    }
  }
  return findingsExitCode(
    coded.flatMap((c) => c.findings),
    threshold,
  );
}
