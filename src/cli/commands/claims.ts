import { writeFile } from 'node:fs/promises';
import { AppError } from '../../app/app-errors.js';
import { claimBatchFile } from '../../app/claims/claim-batches.js';
import { createClaimBatch } from '../../app/claims/create-claim-batch.js';
import { practicePlaceOfService } from '../../app/setup/practice-place-of-service.js';
import type { AppContext } from '../../app/app-context.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { openCliApp } from '../open-cli-app.js';
import { checkOutFile } from '../out-file-option.js';
import { formatMoney } from '../output/format-money.js';
import { dateOption } from '../shared-options.js';
import { counted } from '../../core/text/plural.js';

export interface ClaimsCommandOptions {
  format?: string;
  out?: string;
  period?: string;
  through?: string;
  dataDir?: string;
  practice?: string;
}

const FORMATS = { '837p': '837P', '837i': '837I' } as const;
const PERIODS = ['date', 'week', 'month'] as const;

/**
 * The format the practice's place of service implies when `--format` is not given: a freestanding
 * practice (11) bills global professional claims only, 837P (CLAIM-002's split); a hospital outpatient
 * practice (19/22) bills both, the -26 half on 837P and the technical part on 837I, so it must choose.
 */
async function impliedFormat(db: AppContext['db'], practiceId: string): Promise<'837P'> {
  const pos = await practicePlaceOfService(db, practiceId);
  if (pos !== '11')
    throw new UsageError(
      `--format is missing: 837p (professional claims: the -26 half) or 837i (technical claims, with revenue codes); this practice (place of service ${pos}, hospital outpatient) bills both`,
    );
  process.stderr.write(
    "--format not given: 837p, the only format of this practice's claims (place of service 11, freestanding: global professional claims)\n",
  );
  return '837P';
}

/**
 * `sgrt-billing claims [--format 837p|837i]`: an 837 batch of the practice's released charges not sent yet,
 * from the app's database (DATABASE_URL, else PGlite under --data-dir), stored like one made in the app.
 * The summary (claims, lines, total, charges left unbilled with the reason) goes to stderr, the 837 to
 * --out or stdout. Without --format, the practice's place of service decides (`impliedFormat`). Exit 2 when the settings or the patients' demographics are incomplete (each listed).
 */
export async function runClaims(opts: ClaimsCommandOptions): Promise<number> {
  const given = opts.format === undefined ? null : FORMATS[opts.format.toLowerCase() as keyof typeof FORMATS];
  if (given === undefined)
    throw new UsageError(
      `--format must be 837p or 837i (got "${opts.format}"): 837p for professional claims (freestanding global, or the hospital's -26 half), 837i for a hospital's technical claims`,
    );
  const period = opts.period as (typeof PERIODS)[number] | undefined;
  if (period !== undefined && !PERIODS.includes(period))
    throw new UsageError(`--period must be date, week or month (got "${opts.period}")`);
  dateOption('--through', opts.through);
  await checkOutFile(opts.out);

  const { app, actor } = await openCliApp({
    dataDir: opts.dataDir,
    practice: opts.practice,
    role: 'biller',
  });
  try {
    const format = given ?? (await impliedFormat(app.ctx.db, actor.practiceId));
    let result;
    try {
      result = await createClaimBatch(
        app.ctx,
        actor,
        { format, period, through: opts.through },
        'cli claims',
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      process.stderr.write(`Nothing was billed: ${error.message}\n`);
      for (const p of error.issues) process.stderr.write(`  ${p.location}: ${p.message}\n`);
      return EXIT.input;
    }
    const { batch, unbilled } = result;
    if (batch) {
      const file = await claimBatchFile(app.ctx, actor, batch.id, 'cli claims');
      if (opts.out) await writeFile(opts.out, file.text);
      else process.stdout.write(file.text);
      process.stderr.write(
        `${format} batch ${batch.id}: ${counted(batch.claims, 'claim')}, ${counted(batch.lines, 'line')}, ${formatMoney(batch.totalCents)}, interchange ${batch.interchangeControlNumber}${batch.interchanges > 1 ? `–${batch.interchangeControlNumber + batch.interchanges - 1}` : ''}${opts.out ? ` → ${opts.out}` : ''}\n`,
      );
    } else process.stderr.write(`${format}: no released charge left to bill; no batch created.\n`);
    if (unbilled.length) {
      process.stderr.write(`${counted(unbilled.length, 'charge')} not billed:\n`);
      for (const u of unbilled)
        process.stderr.write(`  charge ${u.chargeId}${u.ruleId ? ` ${u.ruleId}` : ''}: ${u.reason}\n`);
    }
    return EXIT.ok;
  } finally {
    await app.close();
  }
}
