import type { InputProblem } from '../../core/model/input-problem.js';
import type { RemitClaim, RemitServiceLine, Remittance } from '../../core/model/remittance.js';
import { type PayerProfile, modifier26RuleOn } from '../../core/payers/payer-profile.js';
import type { RateTable } from '../../core/rates/rate-table.js';
import { classifyLine } from '../../core/remit/classify-line.js';
import { expectedForLine } from '../../core/remit/expected-for-line.js';
import type { LineClassification } from '../../core/remit/remit-category.js';
import type { ExpectedPayment, SentCharge } from '../../core/remit/remit-line.js';
import type { RemitOptions } from '../../core/remit/remit-options.js';
import { createReadStream } from 'node:fs';
import { readRemittances } from '../../formats/x12/read-835.js';
import { InputError } from '../engine-context.js';
import { listExportFiles } from '../import/read-export-files.js';
import { paymentKey } from '../imports/repeated-payments.js';

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
  authorizations: ReadonlyMap<string, KnownAuthorization>;
}

/** One classified service line (the rows of `sgrt-billing remit`). */
export interface RemitRow extends LineClassification {
  file: string;
  payer: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  claim: string;
  line: number;
  dateOfService: string | null;
  code: string;
  modifiers: string[];
  submittedCode: string;
  location: string;
}

export interface RemitRun {
  files: number;
  transactions: number;
  lines: number;
  /** Transactions or files that could not be read, with their location (the rest were analysed). */
  problems: InputProblem[];
}

/**
 * `sgrt-billing remit <file.835…>`: read each 835 (streamed) and classify every service line against
 * what it should have paid, handing each row to `onRow` as it is read. Without the practice's database
 * the charges are taken from the lines themselves (SVC06, else SVC01) in the given place of service and
 * payer profile; authorizations come from the practice's export, matched by the claim's REF*G1.
 */
export async function analyzeRemittanceFiles(
  paths: readonly string[],
  settings: RemitSettings,
  onRow: (row: RemitRow) => void,
): Promise<RemitRun> {
  const { files, missing } = await listExportFiles(paths);
  const problems: InputProblem[] = missing.map((m) => ({ location: m, message: 'no such file or folder' }));
  let transactions = 0;
  let lines = 0;
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
      if (first !== undefined) {
        problems.push({
          location: `${file}: TRN ${result.value.traceNumber}`,
          message: `this payment was already read from ${first}; its lines count once`,
        });
        continue;
      }
      if (key !== null) seen.set(key, file);
      transactions++;
      for (const row of classifyRemittance(file, result.value, settings, chargeFromLine(settings))) {
        lines++;
        onRow(row);
      }
    }
  }
  if (transactions === 0) {
    throw new InputError(
      problems.length ? problems : [{ location: paths.join(', '), message: 'no 835 transaction found' }],
    );
  }
  return { files: files.length, transactions, lines, problems };
}

/** The charge a line pays: matched to our records (the app), or read off the line itself (the CLI). */
export interface LineCharge {
  charge: SentCharge;
  placeOfService: string;
  match: { chargeId: string; courseId: string; patientId: string } | null;
  /**
   * What the line should pay, when the caller knows better than the national table (the app: contract
   * > Medicare locality > national, reference/expected-rate.ts); else the rate table's amount.
   */
  expected?: ExpectedPayment;
}

export type ChargeResolver = (claim: RemitClaim, line: RemitServiceLine) => LineCharge;

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
          ? (settings.authorizations.get(claim.priorAuthorization) ?? null)
          : null,
      },
      placeOfService: settings.placeOfService,
      match: null,
    };
  };
}

export interface ClassifiedLine extends RemitRow {
  match: LineCharge['match'];
}

/** Every service line of one remittance, classified against the charge `chargeFor` finds for it. */
export function classifyRemittance(
  file: string,
  r: Remittance,
  settings: Pick<RemitSettings, 'rates' | 'options'>,
  chargeFor: ChargeResolver,
): ClassifiedLine[] {
  return r.claims.flatMap((claim) =>
    claim.lines.map((line, i) => {
      const submitted = line.submitted ?? line.procedure;
      const { charge, placeOfService, match, expected } = chargeFor(claim, line);
      const classification = classifyLine({
        claim,
        line,
        charge,
        expected:
          expected ??
          expectedForLine(settings.rates, placeOfService, submitted, line.submittedUnits ?? line.units),
        options: settings.options,
      });
      return {
        file,
        payer: r.payer.name,
        traceNumber: r.traceNumber,
        paymentDate: r.paymentDate,
        claim: claim.patientControlNumber,
        line: i + 1,
        dateOfService: line.dateOfService ?? claim.statementFrom,
        code: line.procedure.code,
        modifiers: line.procedure.modifiers,
        submittedCode: submitted.code,
        location: line.location,
        match,
        ...classification,
      };
    }),
  );
}
