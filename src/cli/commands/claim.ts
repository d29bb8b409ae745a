import { writeFile } from 'node:fs/promises';
import { AppError } from '../../app/app-errors.js';
import { claimBatchFile } from '../../app/claims/claim-batches.js';
import { claimHistory, sendClaimVersion, sendSecondaryClaim } from '../../app/claims/claim-versions.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { openCliApp } from '../open-cli-app.js';
import { checkOutFile } from '../out-file-option.js';
import { formatMoney } from '../output/format-money.js';
import { counted } from '../../core/text/plural.js';

export interface ClaimCommandOptions {
  claim: string;
  payerClaim?: string;
  out?: string;
  dataDir?: string;
  practice?: string;
}

const ACTIONS = ['correct', 'void', 'secondary', 'history'] as const;

/** A bad or missing input (the claim named does not exist): exit 2, as for any usage or input error. */
const INPUT_ERRORS = new Set<AppError['code']>(['invalid_input', 'not_found']);

/**
 * `sgrt-billing claim correct|void|secondary|history --claim <number>`: a replacement (CLM05-3 7) or
 * void (8) with REF*F8 = the payer's claim control number (CLP07 of the stored 835, else --payer-claim),
 * the secondary claim after the primary's 835, or the claim's history as JSON. The 837 (or the history)
 * goes to --out, checked before anything is sent, or stdout; the summary to stderr. Exit 2 when something is missing (each listed) or there is no such claim
 * (README: 2 for usage or input errors), 1 when the claim cannot take the action (a voided one).
 */
export async function runClaim(action: string, opts: ClaimCommandOptions): Promise<number> {
  if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
    throw new UsageError(`the action must be one of ${ACTIONS.join(', ')} (got "${action}")`);
  await checkOutFile(opts.out);
  const { app, actor } = await openCliApp({ dataDir: opts.dataDir, practice: opts.practice, role: 'biller' });
  const route = `cli claim ${action}`;
  try {
    try {
      if (action === 'history') {
        const history = `${JSON.stringify(await claimHistory(app.ctx, actor, opts.claim, route), null, 2)}\n`;
        if (opts.out) await writeFile(opts.out, history);
        else process.stdout.write(history);
        return EXIT.ok;
      }
      const batch =
        action === 'secondary'
          ? await sendSecondaryClaim(app.ctx, actor, opts.claim, route)
          : await sendClaimVersion(
              app.ctx,
              actor,
              {
                claimNumber: opts.claim,
                action: action === 'correct' ? 'replace' : 'void',
                payerClaimNumber: opts.payerClaim,
              },
              route,
            );
      const file = await claimBatchFile(app.ctx, actor, batch.id, route);
      if (opts.out) await writeFile(opts.out, file.text);
      else process.stdout.write(file.text);
      process.stderr.write(
        `${batch.format} ${batch.kind} of claim ${opts.claim}: ${counted(batch.lines, 'line')}, ${formatMoney(batch.totalCents)}, interchange ${batch.interchangeControlNumber}${opts.out ? ` → ${opts.out}` : ''}\n`,
      );
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A claim number is ours (not PHI): name it, and say "nothing sent" only for a sending action.
      const what = error.code === 'not_found' ? `--claim ${opts.claim}: no such claim` : error.message;
      process.stderr.write(`${action === 'history' ? what : `Nothing was sent: ${what}`}\n`);
      for (const p of error.issues) process.stderr.write(`  ${p.location}: ${p.message}\n`);
      return INPUT_ERRORS.has(error.code) ? EXIT.input : EXIT.findings;
    }
  } finally {
    await app.close();
  }
}
