import { analyzeRemittanceFiles, type RemitFileRow } from '../../app/remit/analyze-remittances.js';
import type { RemitPaymentRow } from '../../app/remit/classify-remittance.js';
import { remitSettings } from '../../app/remit/remit-settings.js';
import { remitTotals } from '../../app/remit/remit-totals.js';
import { EXIT } from '../cli-errors.js';
import { formatMoney } from '../output/format-money.js';
import { renderTable } from '../output/render-table.js';
import { numberOption, outputFormat } from '../shared-options.js';
import { counted } from '../../core/text/plural.js';

export interface RemitCommandOptions {
  format: string;
  pos?: string;
  payer?: string;
  profiles?: string;
  authorizations?: string;
  underpaymentMargin?: string;
}

/** The fields of a line (the JSON/NDJSON output). */
function jsonRow(r: RemitFileRow) {
  return {
    claim: r.claim,
    line: r.line,
    code: r.code,
    submittedCode: r.submittedCode,
    submittedModifiers: r.submittedModifiers,
    billedCents: r.billedCents,
    paidCents: r.paidCents,
    category: r.category,
    queue: r.queue,
    nextAction: r.nextAction,
    appealBy: r.appealBy,
    carcs: r.carcs,
    remarks: r.remarks,
    expectedCents: r.expectedCents,
    allowedCents: r.allowedCents,
    patientResponsibilityCents: r.patientResponsibilityCents,
    modifiers: r.modifiers,
    dateOfService: r.dateOfService,
    claimStatus: r.claimStatus,
    claimFilingIndicator: r.claimFilingIndicator,
    payerClaimControlNumber: r.payerClaimControlNumber,
    reversal: r.reversal,
    ruleId: r.ruleId,
    flags: r.flags,
    message: r.message,
    payer: r.payer,
    traceNumber: r.traceNumber,
    paymentDate: r.paymentDate,
    file: r.file,
    location: r.location,
  };
}

/** A payment's reconciliation in words: BPR02 = Σ CLP04 − Σ PLB, or the difference named. */
function reconciliation(p: RemitPaymentRow): string {
  const equation = `BPR02 ${formatMoney(p.paidCents)} = Σ CLP04 ${formatMoney(p.claimsPaidCents)} − Σ PLB ${formatMoney(p.providerAdjustmentCents)}`;
  return p.balanced
    ? `${equation}: balanced`
    : `${equation.replace(' = ', ' ≠ ')}: off by ${formatMoney(p.differenceCents)} (claims less provider adjustments minus the payment)${p.differenceReason === null ? '' : `; ${p.differenceReason}`}`;
}

const jsonPayment = (p: RemitPaymentRow) => ({ ...p, reconciliation: reconciliation(p) });

/**
 * `sgrt-billing remit <file.835…>`: every service line of the remittances with its category, work
 * queue, next action, appeal date and remarks; each payment with its provider-level adjustments (PLB)
 * reconciled; what the reader reported (balancing, claims without service lines) on stderr, located.
 * Exit 2 when a file or transaction could not be read (nothing readable at all: `InputError`).
 */
export async function runRemit(paths: string[], opts: RemitCommandOptions): Promise<number> {
  const format = outputFormat(opts.format, ['json', 'ndjson', 'table']);
  const settings = await remitSettings({
    placeOfService: opts.pos,
    payerProfile: opts.payer,
    profilesFile: opts.profiles,
    authorizationsFile: opts.authorizations,
    underpaymentMarginPercent: numberOption('--underpayment-margin', opts.underpaymentMargin),
  });
  const rows: RemitFileRow[] = [];
  const payments: RemitPaymentRow[] = [];
  const ndjson = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);
  const run = await analyzeRemittanceFiles(paths, settings, {
    row: (row) => (format === 'ndjson' ? ndjson({ record: 'line', ...jsonRow(row) }) : rows.push(row)),
    payment: (p) =>
      format === 'ndjson' ? ndjson({ record: 'payment', ...jsonPayment(p) }) : payments.push(p),
  });
  if (format !== 'ndjson') {
    const totals = remitTotals(rows);
    if (format === 'json') {
      const summary = {
        files: run.files,
        transactions: run.transactions,
        lines: run.lines,
        byCategory: totals.byCategory,
        byQueue: totals.byQueue,
      };
      process.stdout.write(
        `${JSON.stringify(
          {
            summary,
            payments: payments.map(jsonPayment),
            lines: rows.map(jsonRow),
            problems: run.problems,
            warnings: run.warnings,
          },
          null,
          2,
        )}\n`,
      );
    } else process.stdout.write(`${tables(rows, payments, totals)}\n`);
  }
  for (const p of run.warnings) process.stderr.write(`${p.location}: ${p.message}\n`);
  // A file or transaction that could not be read (a missing path, a file that is not an 835): the rest
  // was analysed and printed, but the answer is incomplete, so the exit says input problem.
  if (!run.problems.length) return EXIT.ok;
  process.stderr.write(`${counted(run.problems.length, 'input problem')}; the rest was analysed:\n`);
  for (const p of run.problems) process.stderr.write(`  ${p.location}: ${p.message}\n`);
  return EXIT.input;
}

/** What a line should pay; a take-back has no expected payment of its own. */
const shownExpected = (r: RemitFileRow) => (r.category === 'reversal' ? '' : formatMoney(r.expectedCents));

/** The lines, each line's detail (the work to do, each remark's meaning), the totals, and the payments reconciled. */
function tables(
  rows: readonly RemitFileRow[],
  payments: readonly RemitPaymentRow[],
  totals: ReturnType<typeof remitTotals>,
): string {
  const lines = renderTable(
    [
      'claim',
      'line',
      'date',
      'code',
      'sent',
      'billed',
      'paid',
      'expected',
      'category',
      'queue',
      'appeal by',
      'adjustments',
    ],
    rows.map((r) => [
      r.claim,
      String(r.line),
      r.dateOfService ?? '',
      [r.code || '(claim)', ...r.modifiers].join('-'),
      [r.submittedCode, ...r.submittedModifiers].join('-'),
      formatMoney(r.billedCents),
      formatMoney(r.paidCents),
      shownExpected(r),
      r.category,
      r.queue ?? '',
      r.appealBy ?? '',
      [...r.carcs, ...r.remarks.map((m) => m.code)].join(' '),
    ]),
    [1, 5, 6, 7],
  );
  const details = rows.map((r) => {
    return [
      `${r.claim} line ${r.line} (${r.category}${r.queue ? `, ${r.queue}` : ''}${r.appealBy ? `, appeal by ${r.appealBy}` : ''}): ${r.message}`,
      ...(r.nextAction ? [`  next: ${r.nextAction}`] : []),
      ...r.remarks.map((m) => `  ${m.code}: ${m.meaning ?? '(not in our remark list)'}`),
    ].join('\n');
  });
  const categories = renderTable(
    ['category', 'lines', 'billed', 'paid', 'taken back', 'short of expected'],
    totals.byCategory
      .filter((s) => s.lines > 0)
      .map((s) => [
        s.category,
        String(s.lines),
        formatMoney(s.billed),
        formatMoney(s.paid),
        formatMoney(s.takenBack),
        formatMoney(s.short),
      ]),
    [1, 2, 3, 4, 5],
  );
  const queues = renderTable(
    ['queue', 'lines', 'open', 'no rate known', 'soonest appeal by'],
    totals.byQueue
      .filter((q) => q.lines > 0)
      .map((q) => [
        q.queue,
        String(q.lines),
        formatMoney(q.open),
        q.withoutRate ? String(q.withoutRate) : '',
        q.soonestAppealBy ?? '',
      ]),
    [1, 2, 3],
  );
  const paid = payments.map((p) =>
    [
      `${p.payer ?? 'unknown payer'}, TRN ${p.traceNumber ?? '—'}, ${p.paymentDate ?? 'no date'}: ${reconciliation(p)}`,
      ...p.providerAdjustments.map(
        (a) =>
          `  PLB ${a.reason}${a.reference ? ` ${a.reference}` : ''} ${formatMoney(a.amountCents)}: ${a.meaning ?? '(not in our list)'}`,
      ),
    ].join('\n'),
  );
  return [lines, details.join('\n'), categories, queues, paid.join('\n')].filter(Boolean).join('\n\n');
}
