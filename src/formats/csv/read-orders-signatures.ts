import type { ImagingModality } from '../../core/model/course.js';
import type { ReadResult } from '../../core/model/input-problem.js';
import { clockFor } from '../../core/time/local-clock.js';
import type { CsvMapping } from './column-mapping.js';
import { ORDERS_SIGNATURES_FIELDS } from './csv-fields.js';
import type {
  ChartDocumentRecord,
  CsvSignature,
  DocumentKind,
  OrdersSignatures,
  SignedAt,
  SignerRole,
} from './csv-types.js';
import type { DateTimeParts } from './date-time-format.js';
import { looksLikeCsvOf } from './looks-like-csv.js';
import { type CsvReadOptions, csvTableSteps, type RowReport } from './read-csv-table.js';
import { runSteps, type Steps } from '../steps.js';

type Fields = typeof ORDERS_SIGNATURES_FIELDS;

/** Documents that belong to one fraction and must say which (DOC-008 SGRT record, DOC-009 IGRT review). */
const PER_FRACTION: readonly DocumentKind[] = ['sgrt-record', 'igrt-review'];

/**
 * Orders, notes and signatures (domain.md §5.4): one row per chart document with its signature. A signing
 * time is an instant: it needs a UTC offset in the cell (RFC 3339) or an IANA zone in a zone column; a
 * local time in a zone's daylight-saving change is a problem, never a guess (architecture.md, "Time").
 */
export function readOrdersSignatures(
  input: Uint8Array | string,
  source: string,
  options: CsvReadOptions = {},
): ReadResult<OrdersSignatures> {
  return runSteps(ordersSignaturesSteps(input, source, options));
}

/** `readOrdersSignatures` pausing every ROWS_PER_STEP rows (formats/steps.ts). */
export function* ordersSignaturesSteps(
  input: Uint8Array | string,
  source: string,
  options: CsvReadOptions = {},
): Steps<ReadResult<OrdersSignatures>> {
  const table = yield* csvTableSteps<Fields, ChartDocumentRecord>(
    input,
    source,
    'orders-signatures',
    ORDERS_SIGNATURES_FIELDS,
    options,
    ({ line, values: v }, report) => {
      const kind = v.kind as DocumentKind;
      if (PER_FRACTION.includes(kind) && v.fractionNumber === undefined && v.date === undefined) {
        report.problem(
          null,
          `a ${kind} belongs to one fraction: give its fraction number (${report.columnName('fractionNumber')}) or date (${report.columnName('date')})`,
        );
        return null;
      }
      let signature: CsvSignature | null = null;
      if (v.signerId !== undefined || v.signerRole !== undefined || v.signedAt !== undefined) {
        const missing = (['signerId', 'signerRole', 'signedAt'] as const).filter((k) => v[k] === undefined);
        for (const key of missing) {
          report.problem(
            key,
            'empty: a signed document needs the signer ID, the signer role and the signing time',
          );
        }
        if (missing.length > 0) return null;
        const signedAt = resolveSignedAt(v.signedAt!, v.timeZone, report);
        if (!signedAt) return null;
        signature = { signerId: v.signerId!, role: v.signerRole as SignerRole, signedAt };
      }
      return {
        line,
        patientId: v.patientId!,
        ...(v.courseId !== undefined && { courseId: v.courseId }),
        kind,
        documentId: v.documentId!,
        ...(v.fractionNumber !== undefined && { fractionNumber: v.fractionNumber }),
        ...(v.date !== undefined && { date: v.date }),
        ...(v.system !== undefined && { system: v.system }),
        ...(v.modality !== undefined && { modality: v.modality as ImagingModality }),
        ...(v.text !== undefined && { text: v.text }),
        signature,
      };
    },
  );
  if (!table.ok) return table;
  return {
    ok: true,
    value: { info: table.value.info, documents: table.value.rows },
    warnings: table.warnings,
  };
}

/** The cell's offset as written; else the zone's offset at that wall-clock time (core LocalClock). */
function resolveSignedAt(
  parts: DateTimeParts,
  timeZone: string | undefined,
  report: RowReport<Fields>,
): SignedAt | null {
  const local = `${parts.date!}T${parts.time!}`;
  const zone = timeZone !== undefined ? clockFor(timeZone).toInstant(local) : undefined;
  if (parts.utcOffset !== undefined) {
    if (zone?.ok && offsetOf(local, zone.epochMs) !== parts.utcOffset) {
      report.warning(
        'signedAt',
        `the UTC offset differs from that of the zone in column ${report.columnName('timeZone')} at this time: the offset written is used`,
      );
    }
    return {
      local,
      utcOffset: parts.utcOffset,
      ...(timeZone !== undefined && { timeZone }),
      instant: `${local}${parts.utcOffset}`,
    };
  }
  if (!zone) {
    report.problem(
      'signedAt',
      'a signing time needs a UTC offset (YYYY-MM-DDTHH:mm:ss-05:00) or a time zone column (e.g. America/New_York)',
    );
    return null;
  }
  if (!zone.ok) {
    report.problem(
      'signedAt',
      zone.problem === 'ambiguous'
        ? `this wall-clock time occurs twice in the zone of column ${report.columnName('timeZone')} (daylight-saving fall-back): write the UTC offset`
        : `this wall-clock time does not exist in the zone of column ${report.columnName('timeZone')} (daylight-saving gap): write the UTC offset`,
    );
    return null;
  }
  const utcOffset = offsetOf(local, zone.epochMs);
  return { local, utcOffset, timeZone: timeZone!, instant: `${local}${utcOffset}` };
}

/** `±HH:mm` between a wall-clock reading and the instant it denotes (both as UTC arithmetic). */
function offsetOf(local: string, epochMs: number): string {
  const [y, mo, d, h, mi, s] = local.split(/[-T:.]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Fractions of a second are left out of both sides' difference by rounding to whole minutes.
  const minutes = Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - epochMs) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Content sniff: the first few KB hold a header row that the default (or a given) mapping fits. */
export function looksOrdersSignatures(head: Uint8Array, mappings?: readonly CsvMapping[]): boolean {
  return looksLikeCsvOf(head, 'orders-signatures', mappings);
}
