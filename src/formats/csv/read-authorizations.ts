import type { ReadResult } from '../../core/model/input-problem.js';
import type { CsvMapping } from './column-mapping.js';
import { AUTHORIZATIONS_FIELDS } from './csv-fields.js';
import type { AuthorizationRecord, Authorizations, AuthorizationStatus } from './csv-types.js';
import { looksLikeCsvOf } from './looks-like-csv.js';
import { type CsvReadOptions, csvTableSteps } from './read-csv-table.js';
import { runSteps, type Steps } from '../steps.js';

type Fields = typeof AUTHORIZATIONS_FIELDS;

/**
 * Prior authorizations (domain.md §5.4: payer, number, codes, fractions, valid dates, date obtained).
 * Each record says whether it reaches into a later year than it was obtained in (`carriedForward`): the
 * 2025 authorizations carried into 2026 that payers deny (domain.md §4).
 */
export function readAuthorizations(
  input: Uint8Array | string,
  source: string,
  options: CsvReadOptions = {},
): ReadResult<Authorizations> {
  return runSteps(authorizationsSteps(input, source, options));
}

/** `readAuthorizations` pausing every ROWS_PER_STEP rows (formats/steps.ts). */
export function* authorizationsSteps(
  input: Uint8Array | string,
  source: string,
  options: CsvReadOptions = {},
): Steps<ReadResult<Authorizations>> {
  const table = yield* csvTableSteps<Fields, AuthorizationRecord>(
    input,
    source,
    'authorizations',
    AUTHORIZATIONS_FIELDS,
    options,
    ({ line, values: v }, report) => {
      if (v.validTo! < v.validFrom!) {
        report.problem('validTo', `before the first valid date in column ${report.columnName('validFrom')}`);
        return null;
      }
      return {
        line,
        payer: v.payer!,
        authorizationNumber: v.authorizationNumber!,
        patientId: v.patientId!,
        codes: v.codes!,
        fractionsAuthorized: v.fractionsAuthorized!,
        validFrom: v.validFrom!,
        validTo: v.validTo!,
        obtainedOn: v.obtainedOn!,
        ...(v.status !== undefined && { status: v.status as AuthorizationStatus }),
        // Dates are YYYY-MM-DD: the year is the first four characters.
        carriedForward: v.validTo!.slice(0, 4) > v.obtainedOn!.slice(0, 4),
      };
    },
  );
  if (!table.ok) return table;
  return {
    ok: true,
    value: { info: table.value.info, authorizations: table.value.rows },
    warnings: table.warnings,
  };
}

/** Content sniff: the first few KB hold a header row that the default (or a given) mapping fits. */
export function looksAuthorizations(head: Uint8Array, mappings?: readonly CsvMapping[]): boolean {
  return looksLikeCsvOf(head, 'authorizations', mappings);
}
