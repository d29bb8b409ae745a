import { createHash } from 'node:crypto';
import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import { type PayerProfile, modifier26RuleOn } from '../../core/payers/payer-profile.js';
import type { RateTable } from '../../core/rates/rate-table.js';
import { refuseMisshapenClaims } from '../../core/remit/code-shapes.js';
import { expectedForLine } from '../../core/remit/expected-for-line.js';
import { hasAppealDeadline } from '../../core/remit/remit-category.js';
import type { ExpectedPayment } from '../../core/remit/remit-line.js';
import type { RemitOptions } from '../../core/remit/remit-options.js';
import { fileChunks } from '../../formats/x12/file-chunks.js';
import { readRemittances } from '../../formats/x12/read-835.js';
import { InputError } from '../engine-context.js';
import { listExportFiles } from '../read/read-export-files.js';
import { paymentContent, paymentKey } from './repeated-payments.js';
import { type AppealPolicy, appealBy } from '../reference/appeal-windows.js';
import {
  type ChargeResolver,
  claimId,
  forEachRemitRow,
  paymentRow,
  type RemitPaymentRow,
  type RemitRow,
} from './classify-remittance.js';
import { detachedText, linkRemittanceClaims } from './link-remittance-claims.js';

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
 * what it should have paid, handing each payment and each row to the callbacks as it is read. Each
 * reversal (CLP02 22) is paired with the payment it takes back and its correction across all the files
 * (`pairReversals`), and the payers' answers to the same claim are linked (`linkCoordination`), by
 * `linkRemittanceClaims` before the lines are read: memory stays flat whatever the files' size. Without
 * the practice's database the charges are taken from the lines themselves (SVC06, else SVC01) in the
 * given place of service and payer profile, nothing is known of the patient's other coverage, and
 * authorizations come from the practice's export, matched by the claim's REF*G1.
 */
export async function analyzeRemittanceFiles(
  paths: readonly string[],
  settings: RemitSettings,
  on: { row: (row: RemitFileRow) => void; payment: (payment: RemitPaymentRow) => void },
): Promise<RemitRun> {
  const { files, missing } = await listExportFiles(paths);
  const { reversals, coordination } = await linkRemittanceClaims(files, () => uniquePayments(files, [], []));
  const problems: InputProblem[] = missing.map((m) => ({ location: m, message: 'no such file or folder' }));
  const warnings: InputProblem[] = [];
  const chargeFor = chargeFromLine(settings);
  let transactions = 0;
  let lines = 0;
  for await (const { file, remittance } of uniquePayments(files, problems, warnings)) {
    const payment = transactions++;
    on.payment(paymentRow(file, remittance));
    const id = (j: number) => claimId(payment, j);
    // The payer and payment date are the remittance's: the date depends on the claim's status and kind,
    // and on the line's queue (only a queue that answers the payer has one, `appealBy`).
    const appealDates = new Map<string, string | null>();
    forEachRemitRow(
      file,
      remittance,
      settings,
      chargeFor,
      (_, j) => {
        const claimId = id(j);
        return { otherCoverage: false, reversal: reversals.get(claimId) ?? null, claimId, coordination };
      },
      (row) => {
        lines++;
        let date: string | null | undefined = null;
        // Most rows have no queue, so no deadline: their remarks are not listed again.
        if (
          row.paymentDate !== null &&
          row.queue !== null &&
          // The fields it reads, not a spread of the row (a copy of every field per row).
          hasAppealDeadline({
            category: row.category,
            queue: row.queue,
            carcs: row.carcs,
            remarks: row.remarks.map((r) => r.code),
            claimFilingIndicator: row.claimFilingIndicator,
          })
        ) {
          const key = `${row.claimStatus}|${row.claimFilingIndicator ?? ''}|${row.queue ?? ''}`;
          date = appealDates.get(key);
          if (date === undefined) {
            date = fileAppealBy(row, remittance.payer.id, settings.profile);
            appealDates.set(key, date);
          }
        }
        (row as RemitFileRow).appealBy = date;
        on.row(row as RemitFileRow);
      },
    );
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

/**
 * A row's last day to appeal without the practice's settings: the payer profile given stands for every
 * payer of the files (Medicare Part B: 120 days).
 */
export const fileAppealBy = (
  row: Pick<
    RemitRow,
    | 'paymentDate'
    | 'payer'
    | 'claimStatus'
    | 'category'
    | 'queue'
    | 'carcs'
    | 'claimFilingIndicator'
    | 'remarks'
  >,
  payerId: string | null,
  profile: PayerProfile,
): string | null =>
  appealBy(NO_SETTINGS, {
    paymentDate: row.paymentDate,
    payer: row.payer,
    payerId,
    claimStatus: row.claimStatus,
    category: row.category,
    queue: row.queue,
    carcs: row.carcs,
    remarks: row.remarks.map((r) => r.code),
    claimFilingIndicator: row.claimFilingIndicator,
    course: { payerName: null, payerProfile: profile.id, filingIndicator: null },
  });

/** The payments of the files in path order, each once (payer and TRN02), noting what could not be read. */
export async function* uniquePayments(
  files: readonly string[],
  problems: InputProblem[],
  warnings: InputProblem[],
): AsyncGenerator<{ file: string; remittance: Remittance }> {
  // Per payment its key and a digest of its contents: what is kept per payment stays a few bytes, not
  // the text of all its claims, so memory does not grow with a file's payments.
  const seen = new Map<string, { file: string; digest: string }>();
  for (const file of files) {
    // Streamed: a 500 MB remittance file is read in chunks, one transaction set at a time.
    for await (const result of readRemittances(fileChunks(file), file)) {
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      // A claim whose codes or ids are not code-shaped is refused like a damaged one (below).
      const remittance = refuseMisshapenClaims(result.value);
      // The same payment (payer, TRN02) in a second transaction or file is counted once.
      const key = paymentKey(remittance);
      const first = key === null ? undefined : seen.get(key);
      // A repeat is not an input problem: its lines are already counted. The same trace number with
      // other contents is (repeated-payments.ts, as the app refuses it): the first is kept.
      if (first !== undefined) {
        const location = `${file}: TRN ${remittance.traceNumber}`;
        if (first.digest === contentDigest(remittance))
          warnings.push({
            location,
            message: `this payment was already read from ${first.file}; its lines count once`,
          });
        else
          problems.push({
            location,
            message: `this trace number was already read from ${first.file} with another amount or other claims: a payment's trace number is unique, so this one is left out and the first kept; ask the payer which is right`,
          });
        continue;
      }
      // A damaged claim was refused (located); the set's other claims are analysed.
      for (const c of remittance.refusedClaims ?? []) problems.push(...c.problems);
      // A copy: the key's text would otherwise keep the file chunk it was read from for the whole run.
      if (key !== null) seen.set(detachedText(key), { file, digest: contentDigest(remittance) });
      warnings.push(...result.warnings);
      yield { file, remittance };
    }
  }
}

/** SHA-256 of `paymentContent`: two copies of a payment are told apart by it as by the text itself. */
const contentDigest = (r: Remittance): string =>
  createHash('sha256').update(paymentContent(r)).digest('base64');

/**
 * Without the practice's records: the line's own procedure, in the settings' setting and payer profile.
 * What it should pay depends only on the procedure and units: computed once per kind of line.
 */
export function chargeFromLine(settings: RemitSettings): ChargeResolver {
  const expected = new Map<string, ExpectedPayment>();
  return (claim, line) => {
    const submitted = line.submitted ?? line.procedure;
    const dateOfService = line.dateOfService ?? claim.statementFrom;
    const units = line.submittedUnits ?? line.units;
    // The usual line (one unit, no modifier) is keyed by its code alone (codes have no ':').
    const key =
      units === 1 && submitted.modifiers.length === 0
        ? submitted.code
        : `${units}:${submitted.code}:${submitted.modifiers.join(':')}`;
    let payment = expected.get(key);
    if (payment === undefined) {
      payment = expectedForLine(settings.rates, settings.placeOfService, submitted, units);
      if (expected.size >= 1024) expected.clear();
      expected.set(key, payment);
    }
    return {
      expected: payment,
      charge: {
        code: submitted.code,
        modifiers: submitted.modifiers,
        units,
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
