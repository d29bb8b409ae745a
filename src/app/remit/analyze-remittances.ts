import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import { type PayerProfile, modifier26RuleOn } from '../../core/payers/payer-profile.js';
import type { RateTable } from '../../core/rates/rate-table.js';
import { linkCoordination } from '../../core/remit/link-coordination.js';
import { pairReversals } from '../../core/remit/pair-reversals.js';
import type { RemitOptions } from '../../core/remit/remit-options.js';
import { createReadStream } from 'node:fs';
import { readRemittances } from '../../formats/x12/read-835.js';
import { InputError } from '../engine-context.js';
import { listExportFiles } from '../import/read-export-files.js';
import { paymentKey } from '../imports/repeated-payments.js';
import { type AppealPolicy, appealBy } from '../reference/appeal-windows.js';
import {
  type ChargeResolver,
  claimEntries,
  claimId,
  classifyRemittance,
  paymentRow,
  type RemitPaymentRow,
  type RemitRow,
} from './classify-remittance.js';

/** A prior authorization the claims may name (835 REF*G1), from the practice's authorization export. */
export interface KnownAuthorization {
  number: string;
  obtainedOn: string | null;
  validFrom: string | null;
}

export interface RemitSettings {
  /** Where the services were delivered: 11 freestanding (MPFS), 19/22 hospital outpatient (OPPS). */
  placeOfService: string;
  profile: PayerProfile;
  rates: RateTable;
  options: RemitOptions;
  /** By `authorizationKey` (trimmed, upper case): the 835's REF*G1 may differ in case. */
  authorizations: ReadonlyMap<string, KnownAuthorization>;
}

/** A line of `sgrt-billing remit`, with its last day to appeal. */
export interface RemitFileRow extends RemitRow {
  appealBy: string | null;
}

export interface RemitRun {
  files: number;
  transactions: number;
  lines: number;
  /** Transactions or files that could not be read, with their location (the rest were analysed). */
  problems: InputProblem[];
  /** What the reader reports of the sets it read (balancing, claims without service lines), located. */
  warnings: InputProblem[];
}

/**
 * `sgrt-billing remit <file.835…>`: read each 835 (streamed) and classify every service line against
 * what it should have paid, handing each payment and each row to the callbacks as it is read. The files
 * are read twice: first the claims, to pair each reversal (CLP02 22) with the payment it takes back and
 * its correction across all the files (`pairReversals`) and to link the payers' answers to the same
 * claim (`linkCoordination`), then the lines. Without the practice's
 * database the charges are taken from the lines themselves (SVC06, else SVC01) in the given place of
 * service and payer profile, nothing is known of the patient's other coverage, and authorizations come
 * from the practice's export, matched by the claim's REF*G1.
 */
export async function analyzeRemittanceFiles(
  paths: readonly string[],
  settings: RemitSettings,
  on: { row: (row: RemitFileRow) => void; payment: (payment: RemitPaymentRow) => void },
): Promise<RemitRun> {
  const { files, missing } = await listExportFiles(paths);
  const claimsOnly: Remittance[] = [];
  for await (const { remittance } of uniquePayments(files, [], [])) {
    // What linking needs of the lines: the service and its payment, not its adjustments or remarks.
    claimsOnly.push({
      ...remittance,
      claims: remittance.claims.map((c) => ({
        ...c,
        lines: c.lines.map((l) => ({ ...l, adjustments: [], remarks: [] })),
      })),
    });
  }
  const entries = claimEntries(claimsOnly);
  const links = pairReversals(entries);
  const coordination = linkCoordination(entries, links);
  const problems: InputProblem[] = missing.map((m) => ({ location: m, message: 'no such file or folder' }));
  const warnings: InputProblem[] = [];
  let transactions = 0;
  let lines = 0;
  for await (const { file, remittance } of uniquePayments(files, problems, warnings)) {
    const payment = transactions++;
    on.payment(paymentRow(file, remittance));
    const rows = classifyRemittance(file, remittance, settings, chargeFromLine(settings), (_, j) => ({
      otherCoverage: false,
      reversal: links.get(claimId(payment, j)) ?? null,
      claimId: claimId(payment, j),
      coordination,
    }));
    for (const { match: _match, ...row } of rows) {
      lines++;
      on.row({
        ...row,
        // The payer profile given stands for every payer of the files (Medicare Part B: 120 days).
        appealBy: appealBy(NO_SETTINGS, {
          paymentDate: row.paymentDate,
          payer: row.payer,
          payerId: remittance.payer.id,
          claimStatus: row.claimStatus,
          queue: row.queue,
          claimFilingIndicator: row.claimFilingIndicator,
          course: { payerName: null, payerProfile: settings.profile.id, filingIndicator: null },
        }),
      });
    }
  }
  if (transactions === 0) {
    throw new InputError(
      problems.length ? problems : [{ location: paths.join(', '), message: 'no 835 transaction found' }],
    );
  }
  return { files: files.length, transactions, lines, problems, warnings };
}

/** No payer settings on the command line: appeal windows by the payer's kind. */
const NO_SETTINGS: AppealPolicy = { windows: new Map(), filingIndicators: new Map() };

/** The payments of the files in path order, each once (payer and TRN02), noting what could not be read. */
async function* uniquePayments(
  files: readonly string[],
  problems: InputProblem[],
  warnings: InputProblem[],
): AsyncGenerator<{ file: string; remittance: Remittance }> {
  const seen = new Map<string, string>();
  for (const file of files) {
    // Streamed: a 500 MB remittance file is read in chunks, one transaction set at a time.
    for await (const result of readRemittances(createReadStream(file), file)) {
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      // The same payment (payer, TRN02) in a second transaction or file is counted once.
      const key = paymentKey(result.value);
      const first = key === null ? undefined : seen.get(key);
      // A repeat is not an input problem: its lines are already counted.
      if (first !== undefined) {
        warnings.push({
          location: `${file}: TRN ${result.value.traceNumber}`,
          message: `this payment was already read from ${first}; its lines count once`,
        });
        continue;
      }
      if (key !== null) seen.set(key, file);
      warnings.push(...result.warnings);
      yield { file, remittance: result.value };
    }
  }
}

/** Without the practice's records: the line's own procedure, in the settings' setting and payer profile. */
export function chargeFromLine(settings: RemitSettings): ChargeResolver {
  return (claim, line) => {
    const submitted = line.submitted ?? line.procedure;
    const dateOfService = line.dateOfService ?? claim.statementFrom;
    return {
      charge: {
        code: submitted.code,
        modifiers: submitted.modifiers,
        units: line.submittedUnits ?? line.units,
        dateOfService: dateOfService ?? '',
        placeOfService: settings.placeOfService,
        igrtModifierRule: modifier26RuleOn(settings.profile, dateOfService ?? '9999-12-31'),
        authorization: claim.priorAuthorization
          ? (settings.authorizations.get(authorizationKey(claim.priorAuthorization)) ?? null)
          : null,
      },
      placeOfService: settings.placeOfService,
      match: null,
    };
  };
}
