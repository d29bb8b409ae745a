import { analyzeRemittanceFiles, type RemitRow } from '../../app/remit/analyze-remittances.js';
import { remitSettings } from '../../app/remit/remit-settings.js';
import { REMIT_CATEGORIES } from '../../core/remit/remit-category.js';
import { formatMoney } from '../output/format-money.js';
import { renderTable } from '../output/render-table.js';
import { numberOption, outputFormat } from '../shared-options.js';

export interface RemitCommandOptions {
  format: string;
  pos?: string;
  payer?: string;
  profiles?: string;
  authorizations?: string;
  underpaymentMargin?: string;
}

/** The fields of a row the issue names, in that order (the JSON/NDJSON output). */
function jsonRow(r: RemitRow) {
  return {
    claim: r.claim,
    line: r.line,
    code: r.code,
    submittedCode: r.submittedCode,
    billedCents: r.billedCents,
    paidCents: r.paidCents,
    category: r.category,
    carcs: r.carcs,
    expectedCents: r.expectedCents,
    allowedCents: r.allowedCents,
    modifiers: r.modifiers,
    dateOfService: r.dateOfService,
    ruleId: r.ruleId,
    flags: r.flags,
    remarks: r.remarks,
    message: r.message,
    nextAction: r.nextAction,
    payer: r.payer,
    traceNumber: r.traceNumber,
    file: r.file,
    location: r.location,
  };
}

/** `sgrt-billing remit <file.835…>`: every service line of the remittances with its category. */
export async function runRemit(paths: string[], opts: RemitCommandOptions): Promise<number> {
  const format = outputFormat(opts.format, ['json', 'ndjson', 'table']);
  const settings = await remitSettings({
    placeOfService: opts.pos,
    payerProfile: opts.payer,
    profilesFile: opts.profiles,
    authorizationsFile: opts.authorizations,
    underpaymentMarginPercent: numberOption('--underpayment-margin', opts.underpaymentMargin),
  });
  const rows: RemitRow[] = [];
  const totals = new Map(REMIT_CATEGORIES.map((c) => [c, { lines: 0, billed: 0, paid: 0, short: 0 }]));
  const run = await analyzeRemittanceFiles(paths, settings, (row) => {
    const t = totals.get(row.category)!;
    t.lines++;
    t.billed += row.billedCents;
    t.paid += row.paidCents;
    t.short += row.expectedCents === null ? 0 : Math.max(0, row.expectedCents - row.allowedCents);
    if (format === 'ndjson') process.stdout.write(`${JSON.stringify(jsonRow(row))}\n`);
    else rows.push(row);
  });
  const summary = REMIT_CATEGORIES.map((category) => ({ category, ...totals.get(category)! }));
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ summary: { files: run.files, transactions: run.transactions, lines: run.lines, byCategory: summary }, lines: rows.map(jsonRow), problems: run.problems }, null, 2)}\n`,
    );
  } else if (format === 'table') {
    process.stdout.write(
      `${renderTable(
        ['claim', 'line', 'date', 'code', 'sent', 'billed', 'paid', 'expected', 'category', 'adjustments'],
        rows.map((r) => [
          r.claim,
          String(r.line),
          r.dateOfService ?? '',
          [r.code, ...r.modifiers].join('-'),
          r.submittedCode,
          formatMoney(r.billedCents),
          formatMoney(r.paidCents),
          formatMoney(r.expectedCents),
          r.category,
          r.carcs.join(' '),
        ]),
        [1, 5, 6, 7],
      )}\n\n${renderTable(
        ['category', 'lines', 'billed', 'paid', 'short of expected'],
        summary
          .filter((s) => s.lines > 0)
          .map((s) => [
            s.category,
            String(s.lines),
            formatMoney(s.billed),
            formatMoney(s.paid),
            formatMoney(s.short),
          ]),
        [1, 2, 3, 4],
      )}\n`,
    );
  }
  for (const p of run.problems) process.stderr.write(`${p.location}: ${p.message}\n`);
  return 0;
}
