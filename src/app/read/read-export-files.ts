import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { clinicSchema } from '../../core/model/clinic.js';
import { courseHeaderSchema } from '../../core/model/course.js';
import { refuseMisshapenClaims } from '../../core/remit/code-shapes.js';
import {
  capProblems,
  type InputProblem,
  type Parsed,
  type ReadResult,
} from '../../core/model/input-problem.js';
import { type CsvMapping, parseColumnMapping } from '../../formats/csv/column-mapping.js';
import { bundledMapping } from '../../formats/csv/mappings/bundled-mappings.js';
import { readTreatmentReport } from '../../formats/alignrt/report/read-treatment-report.js';
import { readRtdLog, toMonitoringSession } from '../../formats/alignrt/rtd/read-rtd-log.js';
import { authorizationsSteps } from '../../formats/csv/read-authorizations.js';
import { ordersSignaturesSteps } from '../../formats/csv/read-orders-signatures.js';
import { treatmentHistorySteps } from '../../formats/csv/read-treatment-history.js';
import { readRtBeamsRecord } from '../../formats/dicom/read-rt-beams-record.js';
import { readFhirBundle } from '../../formats/fhir/read-fhir-bundle.js';
import { readDftMessages } from '../../formats/hl7v2/read-dft-messages.js';
import { validateArrayDocument, validateDocument } from '../../formats/json/validate-document.js';
import { readRemittancesFromBytes } from '../../formats/x12/read-835.js';
import { tooLarge, tooManyValues } from './document-limits.js';
import { detectFormat, type ExportFormat } from './detect-format.js';
import { type ExportSource, pathSource } from './export-source.js';
import { emptyRecords, type ExportRecords, mergeRecords } from './export-records.js';
import { yieldIfDue, yieldNow } from '../../storage/event-loop-turn.js';
import type { Steps } from '../../formats/steps.js';

export interface FileResult {
  file: string;
  format: ExportFormat | null;
  status: 'read' | 'failed' | 'skipped';
  records: number;
  problems: InputProblem[];
  warnings: InputProblem[];
}

export interface ReadProgress {
  done: number;
  total: number;
  file: string;
  /** Records read so far, and files that failed so far. */
  records: number;
  failed: number;
}

/** Every file under the given paths (folders recursively, hidden entries skipped), sorted. */
export async function listExportFiles(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      for (const e of entries) {
        const full = join(e.parentPath, e.name);
        // Hidden entries below the folder are skipped (the folder itself may be hidden, e.g. .data/).
        const hidden = relative(path, full)
          .split(sep)
          .some((part) => part.startsWith('.'));
        if (e.isFile() && !hidden) files.push(full);
      }
    } else files.push(path);
  }
  return { files: [...new Set(files)].sort(), missing };
}

export interface ReadOptions {
  /** The site's record-and-verify CSV mapping (`--mapping`); else clinic.json's `historyMapping`. */
  mapping?: CsvMapping;
  onProgress?: (p: ReadProgress) => void;
}

/**
 * Read every file with the reader its content calls for; one bad file never stops the others. Returns
 * everything read (`records`) and, per file in the order of `results`, what that file alone said
 * (`parts`: the application stores them so later imports link against them).
 */
export async function readExportFiles(
  files: readonly string[],
  options: ReadOptions = {},
): Promise<{ records: ExportRecords; results: FileResult[]; parts: ExportRecords[] }> {
  return readExportSources(files.map(pathSource), options);
}

/**
 * `readExportFiles` over sources: one file at a time, each loaded only when its format is known and its
 * size within its kind's limit (document-limits.ts), and let go before the next. `sources[i]` is the source of `results[i]`.
 */
export async function readExportSources(
  input: readonly ExportSource[],
  options: ReadOptions = {},
): Promise<{
  records: ExportRecords;
  results: FileResult[];
  parts: ExportRecords[];
  sources: ExportSource[];
}> {
  const records = emptyRecords();
  const results: FileResult[] = [];
  const parts: ExportRecords[] = [];
  const sources: ExportSource[] = [];
  const readInto = async (
    source: ExportSource,
    format: ExportFormat | null,
    mapping: CsvMapping | undefined,
  ) => {
    const part = emptyRecords();
    const result = await readOne(
      source,
      format,
      part,
      mapping,
      records.clinic?.alignrtReportDateOrder ?? 'MDY',
    );
    mergeRecords(records, part);
    parts.push(part);
    results.push(result);
    sources.push(source);
    return result;
  };
  const heads: { source: ExportSource; head: Uint8Array; clinic: boolean }[] = [];
  for (const source of input) {
    await yieldIfDue(); // thousands of heads are sniffed: the loop gets turns meanwhile
    const head = await source.head();
    heads.push({ source, head, clinic: detectFormat(head) === 'clinic' });
  }
  // The clinic file first: it says how to read the others (report date order, the R&V CSV mapping).
  const clinics = heads.filter((h) => h.clinic);
  for (const { source } of clinics) await readInto(source, 'clinic', undefined);
  let mapping = options.mapping;
  if (!mapping && records.clinic?.historyMapping) {
    const resolved = await clinicMapping(records.clinic.historyMapping, clinics[0]!.source);
    if (resolved.ok) mapping = resolved.value;
    else {
      results[0]!.status = 'failed';
      results[0]!.problems.push(...resolved.problems);
    }
  }
  const rest: { source: ExportSource; format: ExportFormat | null }[] = [];
  for (const { source, head } of heads.filter((h) => !h.clinic)) {
    await yieldIfDue();
    rest.push({ source, format: detectFormat(head, mapping ? [mapping] : undefined) });
  }
  heads.length = 0; // the heads of 5,000 files are 40 MB: not kept while the files are read
  let read = results.reduce((n, r) => n + r.records, 0);
  let failed = results.filter((r) => r.status === 'failed').length;
  const total = clinics.length + rest.length;
  for (const [i, { source, format }] of rest.entries()) {
    // One file's reading at a time on the event loop: a server answers other requests in between.
    await yieldNow();
    const result = await readInto(source, format, mapping);
    read += result.records;
    if (result.status === 'failed') failed++;
    options.onProgress?.({ done: clinics.length + i + 1, total, file: source.name, records: read, failed });
  }
  return { records, results, parts, sources };
}

/**
 * Runs a reader's steps (formats/steps.ts), giving other callbacks a turn at each pause: a pause comes
 * every thousand rows or so, and a turn costs microseconds.
 */
async function pacedSteps<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await yieldNow();
  }
}

/** clinic.json's `historyMapping`: a bundled mapping id, or a mapping file relative to clinic.json. */
async function clinicMapping(value: string, clinic: ExportSource): Promise<Parsed<CsvMapping>> {
  const bundled = bundledMapping(value);
  if (bundled) return { ok: true, value: bundled };
  const file = await clinic.sibling(value);
  if (!file) {
    return {
      ok: false,
      problems: [
        {
          location: `${clinic.name}:historyMapping`,
          message: 'neither a bundled mapping id nor a readable mapping file',
        },
      ],
    };
  }
  return parseColumnMapping(file.bytes, file.name);
}

async function readOne(
  source: ExportSource,
  format: ExportFormat | null,
  into: ExportRecords,
  mapping: CsvMapping | undefined,
  dateOrder: 'MDY' | 'DMY',
): Promise<FileResult> {
  const file = source.name;
  const result = (
    status: FileResult['status'],
    records: number,
    problems: InputProblem[] = [],
    warnings: InputProblem[] = [],
  ) => ({
    file,
    format,
    status,
    records,
    problems: capProblems(problems, file),
    warnings: capProblems(warnings, file),
  });
  if (format === null) {
    return result('skipped', 0, [], [{ location: file, message: 'not a recognised export format: skipped' }]);
  }
  const large = tooLarge(format, await source.size(), file);
  if (large) return result('failed', 0, [large]);
  const bytes = await source.bytes();
  const dense = tooManyValues(format, bytes, file);
  if (dense) return result('failed', 0, [dense]);
  const take = <T>(r: ReadResult<T>, add: (value: T) => number): FileResult =>
    r.ok ? result('read', add(r.value), [], r.warnings) : result('failed', 0, r.problems);
  switch (format) {
    case 'clinic':
    case 'course-headers': {
      const text = new TextDecoder().decode(bytes);
      if (format === 'clinic') {
        const r = validateDocument(text, file, clinicSchema);
        return r.ok ? ((into.clinic = r.value), result('read', 1)) : result('failed', 0, r.problems);
      }
      // Entry by entry: a file of many bad entries holds only the problems listed (MAX_PROBLEMS_PER_FILE).
      const r = validateArrayDocument(text, file, courseHeaderSchema);
      return r.ok
        ? (into.headers.push(...r.value), result('read', r.value.length))
        : result('failed', 0, r.problems);
    }
    case 'dicom-rt-record':
      return take(readRtBeamsRecord(bytes, file), (v) => (into.dicom.push(v), 1));
    case 'alignrt-rtd': {
      const r = readRtdLog(bytes, file);
      if (!r.ok) return result('failed', 0, r.problems);
      const session = toMonitoringSession(r.value, { id: basename(file), source: file });
      if (!session.ok) return result('failed', 0, session.problems, r.warnings);
      into.monitoring.push({
        source: file,
        patientId: r.value.header?.patientId ?? null,
        session: session.value,
      });
      return result('read', 1, [], r.warnings);
    }
    case 'alignrt-report': {
      return take(
        await readTreatmentReport(bytes, file, { dateOrder }),
        (v) => (into.reports.push({ source: file, report: v }), v.sessions.length),
      );
    }
    case 'rv-history':
      return take(
        await pacedSteps(treatmentHistorySteps(bytes, file, mapping ? { mapping } : {})),
        (v) => (into.histories.push({ source: file, history: v }), v.records.length),
      );
    case 'orders-signatures':
      return take(
        await pacedSteps(ordersSignaturesSteps(bytes, file)),
        (v) => (into.documents.push({ source: file, table: v }), v.documents.length),
      );
    case 'authorizations':
      return take(
        await pacedSteps(authorizationsSteps(bytes, file)),
        (v) => (into.authorizations.push({ source: file, table: v }), v.authorizations.length),
      );
    case 'hl7-dft':
      return take(readDftMessages(bytes, file), (v) => (into.charges.push(...v.messages), v.messages.length));
    case 'x12-835': {
      const read = readRemittancesFromBytes(bytes, file);
      if (!read.remittances.length) return result('failed', 0, read.problems, read.warnings);
      // A claim whose codes or ids are not code-shaped is refused like a damaged one, located.
      const remittances = read.remittances.map((r) => refuseMisshapenClaims(r, read.problems));
      into.remittances.push(...remittances.map((remittance) => ({ source: file, remittance })));
      // A broken transaction set is reported; the others are imported.
      return result('read', read.remittances.length, [], [...read.problems, ...read.warnings]);
    }
    case 'fhir':
      return take(
        readFhirBundle(bytes, file),
        (v) => (
          into.fhir.push({ source: file, bundle: v }),
          v.procedures.length + v.documentReferences.length + v.serviceRequests.length
        ),
      );
  }
}
