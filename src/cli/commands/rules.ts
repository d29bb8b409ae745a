import { RULE_CATALOGUE } from '../../core/rules/catalogue.js';
import { renderTable } from '../output/render-table.js';
import { outputFormat, ruleIdOption } from '../shared-options.js';

/** `sgrt-billing rules [--id PREFIX]`: the rule catalogue. */
export async function runRules(opts: { format: string; id?: string }): Promise<number> {
  const format = outputFormat(opts.format, ['json', 'table']);
  const prefix = ruleIdOption('--id', opts.id) ?? '';
  const rules = RULE_CATALOGUE.filter((r) => r.id.startsWith(prefix));
  if (format === 'json') process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
  else {
    process.stdout.write(
      `${renderTable(
        ['id', 'severity', 'title', 'source'],
        rules.map((r) => [r.id, r.severity, r.title, r.source]),
      )}\n`,
    );
  }
  return 0;
}
