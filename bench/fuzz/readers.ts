/**
 * What the fuzzer runs: every reader of src/formats (and the app readers built on them: the
 * contract-rate CSV, the import's content sniff and the uploads' multipart body), called as the import and the reference upload call
 * them, each with its seeds. A reader's answer is reduced to `{ ok, problems, warnings }` for the
 * verdict (fuzz-verdict.ts).
 */
import { clinicSchema } from '../../src/core/model/clinic.js';
import { courseHeaderSchema, courseSchema } from '../../src/core/model/course.js';
import type { InputProblem } from '../../src/core/model/input-problem.js';
import { billingSettingsSchema } from '../../src/app/claims/billing-settings.js';
import { detectFormat } from '../../src/app/read/detect-format.js';
import { readContractRates } from '../../src/app/reference/read-contract-rates.js';
import { buildTreatmentReport } from '../../src/formats/alignrt/report/build-treatment-report.js';
import { collectReportFields } from '../../src/formats/alignrt/report/collect-report-fields.js';
import { loadPdfText, type PdfPageText } from '../../src/formats/alignrt/report/load-pdf-text.js';
import {
  DEFAULT_REPORT_LIMITS,
  readTreatmentReport,
} from '../../src/formats/alignrt/report/read-treatment-report.js';
import { readRtdLog, toMonitoringSession } from '../../src/formats/alignrt/rtd/read-rtd-log.js';
import { readGpci } from '../../src/formats/cms/read-gpci.js';
import { readIcd10cm } from '../../src/formats/cms/read-icd10cm.js';
import { readLocalities } from '../../src/formats/cms/read-localities.js';
import { readMue } from '../../src/formats/cms/read-mue.js';
import { readNcciPtp } from '../../src/formats/cms/read-ncci-ptp.js';
import { readOppsAddendumB } from '../../src/formats/cms/read-opps-addendum-b.js';
import { readPprrvu } from '../../src/formats/cms/read-pprrvu.js';
import { mappingToJson, parseColumnMapping } from '../../src/formats/csv/column-mapping.js';
import { BUNDLED_MAPPINGS } from '../../src/formats/csv/mappings/bundled-mappings.js';
import { readAuthorizations } from '../../src/formats/csv/read-authorizations.js';
import { readOrdersSignatures } from '../../src/formats/csv/read-orders-signatures.js';
import { readTreatmentHistory } from '../../src/formats/csv/read-treatment-history.js';
import { readRtBeamsRecord } from '../../src/formats/dicom/read-rt-beams-record.js';
import { readFhirBundle } from '../../src/formats/fhir/read-fhir-bundle.js';
import { readDftMessages } from '../../src/formats/hl7v2/read-dft-messages.js';
import { validateArrayDocument, validateDocument } from '../../src/formats/json/validate-document.js';
import { readRemittancesFromBytes } from '../../src/formats/x12/read-835.js';
import { readClaims837FromBytes } from '../../src/formats/x12/read-837.js';
import type { z } from 'zod';
import { MULTIPART_BODY } from './multipart-body.js';
import { choose, type SeedFile } from './seeds.js';

export interface Outcome {
  ok: boolean;
  problems: readonly InputProblem[];
  warnings: readonly InputProblem[];
}

/** A ReadResult or a Parsed of any value. */
type Result = { ok: true; warnings?: InputProblem[] } | { ok: false; problems: InputProblem[] };

export interface FuzzReader {
  name: string;
  /** The file name given to the reader: every location must start with it. */
  source: string;
  seeds: (files: readonly SeedFile[]) => Promise<Uint8Array[]> | Uint8Array[];
  read: (bytes: Uint8Array, source: string) => Promise<Outcome> | Outcome;
}

const outcome = (r: Result): Outcome =>
  r.ok
    ? { ok: true, problems: [], warnings: r.warnings ?? [] }
    : { ok: false, problems: r.problems, warnings: [] };
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A reader answering a ReadResult or a Parsed, on seeds picked by sniffed format or name. */
const simple = (
  name: string,
  source: string,
  by: { format?: string; name?: RegExp } | FuzzReader['seeds'],
  read: (b: Uint8Array, source: string) => Result,
): FuzzReader => ({
  name,
  source,
  seeds: typeof by === 'function' ? by : (f) => choose(f, by),
  read: (b, s) => outcome(read(b, s)),
});

/** A JSON document of ours, as the import and the CLI read it. */
const json = (name: string, schema: z.ZodType, by: { format?: string; name?: RegExp }) =>
  simple(name, `${name}.json`, by, (b, source) => validateDocument(decode(b), source, schema));

/** Both X12 readers return every set read and every located problem; "ok" when at least one set was read. */
const x12 = (r: { problems: InputProblem[]; warnings: InputProblem[] }, read: number): Outcome =>
  read > 0
    ? { ok: true, problems: [], warnings: [...r.problems, ...r.warnings] }
    : { ok: false, problems: r.problems, warnings: r.warnings };

// ---------------------------------------------------------------------------------------------------
// The alignRT report's text stage: the PDF's text items written one per line (`x y width size upright
// text`, pages split by a form feed line), so that mutations reach the field collector and the
// builder directly instead of stopping at pdf.js.

function pagesToBytes(pages: readonly PdfPageText[]): Uint8Array {
  const lines = pages.flatMap((p) => [
    '\f',
    ...p.items.map((i) => `${i.x}\t${i.y}\t${i.width}\t${i.fontSize}\t${i.upright ? 1 : 0}\t${i.text}`),
  ]);
  return utf8(lines.join('\n'));
}

function bytesToPages(b: Uint8Array): PdfPageText[] {
  const pages: PdfPageText[] = [];
  const num = (s: string | undefined) => {
    const n = Number(s);
    return Number.isFinite(n) ? n : 0;
  };
  for (const line of decode(b).split('\n')) {
    if (line === '\f' || !pages.length) pages.push({ page: pages.length + 1, items: [] });
    if (line === '\f') continue;
    const [x, y, width, size, upright, ...text] = line.split('\t');
    pages.at(-1)!.items.push({
      x: num(x),
      y: num(y),
      width: num(width),
      fontSize: num(size),
      upright: upright !== '0',
      text: text.join('\t'),
    });
  }
  return pages;
}

async function reportTextSeeds(files: readonly SeedFile[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const pdf of choose(files, { format: 'alignrt-report' }, 12)) {
    const text = await loadPdfText(pdf, 'seed.pdf', DEFAULT_REPORT_LIMITS);
    if (text.ok) out.push(pagesToBytes(text.value.pages));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------

/** The text stage as readTreatmentReport runs it, on pages within the limits loadPdfText enforces. */
function readReportText(b: Uint8Array, source: string): Result {
  const pages = bytesToPages(b);
  const { maxItemsPerPage, maxCharsPerPage } = DEFAULT_REPORT_LIMITS;
  const over = pages.find(
    (p) =>
      p.items.length > maxItemsPerPage || p.items.reduce((n, i) => n + i.text.length, 0) > maxCharsPerPage,
  );
  if (over)
    return {
      ok: false,
      problems: [{ location: `${source}:page ${over.page}`, message: 'over the page limits' }],
    };
  const fields = collectReportFields(pages, source);
  return buildTreatmentReport(fields, {
    source,
    pageCount: pages.length,
    dateOrder: 'MDY',
    looksTruncated: false,
  });
}

/** A contract-rate CSV as the README shows one (no fixture file exists). */
const CONTRACT_RATES_SEED =
  'payer,code,modifier,rate,effective_from,effective_to\n' +
  'Aetna,77385,,"$1,234.56",2026-01-01,\n' +
  'Aetna,77387,26,45.10,2026-01-01,2026-12-31\n' +
  'Cigna,77412,TC,312.00,01/01/2026,\n';

// ---------------------------------------------------------------------------------------------------

export const READERS: readonly FuzzReader[] = [
  {
    name: 'alignrt-rtd',
    source: 'session.txt',
    seeds: (f) => choose(f, { format: 'alignrt-rtd', name: /alignrt\/rtd\/.*\.(txt|rtf)$/ }),
    // As the import: the log, then the monitoring session it gives.
    read: (b, source) => {
      const r = readRtdLog(b, source);
      if (!r.ok) return outcome(r);
      const session = toMonitoringSession(r.value, { id: 'session.txt', source });
      return session.ok
        ? { ok: true, problems: [], warnings: r.warnings }
        : { ok: false, problems: session.problems, warnings: r.warnings };
    },
  },
  {
    name: 'alignrt-report-pdf',
    source: 'report.pdf',
    seeds: (f) => choose(f, { format: 'alignrt-report' }, 12),
    read: async (b, source) => outcome(await readTreatmentReport(b, source)),
  },
  {
    name: 'alignrt-report-text',
    source: 'report.pdf',
    seeds: reportTextSeeds,
    read: (b, source) => outcome(readReportText(b, source)),
  },
  simple('dicom-rt-record', 'record.dcm', { format: 'dicom-rt-record', name: /\.dcm$/ }, readRtBeamsRecord),
  simple('rv-history-csv', 'history.csv', { format: 'rv-history', name: /history.*\.csv$/ }, (b, s) =>
    readTreatmentHistory(b, s),
  ),
  simple('orders-signatures-csv', 'orders.csv', { format: 'orders-signatures' }, (b, s) =>
    readOrdersSignatures(b, s),
  ),
  simple('authorizations-csv', 'authorizations.csv', { format: 'authorizations' }, (b, s) =>
    readAuthorizations(b, s),
  ),
  simple(
    'csv-mapping-json',
    'mapping.json',
    () => BUNDLED_MAPPINGS.map((m) => utf8(JSON.stringify(mappingToJson(m), null, 2))),
    parseColumnMapping,
  ),
  simple('hl7v2-dft', 'charges.hl7', { format: 'hl7-dft' }, (b, s) => readDftMessages(b, s)),
  simple('fhir-bundle', 'bundle.json', { format: 'fhir' }, (b, s) => readFhirBundle(b, s)),
  {
    name: 'x12-835',
    source: 'remit.835',
    seeds: (f) => choose(f, { format: 'x12-835' }),
    read: (b, source) => {
      const r = readRemittancesFromBytes(b, source);
      return x12(r, r.remittances.length);
    },
  },
  {
    name: 'x12-837',
    source: 'claims.837',
    seeds: (f) => choose(f, { name: /\.837i?$/ }),
    read: (b, source) => {
      const r = readClaims837FromBytes(b, source);
      return x12(r, r.sets.length);
    },
  },
  // The CMS files, comma, tab or pipe separated, the header row searched for.
  simple('cms-pprrvu', 'pprrvu.csv', { name: /PPRRVU/ }, (b, s) => readPprrvu(b, s)),
  simple('cms-gpci', 'gpci.csv', { name: /GPCI/ }, (b, s) => readGpci(b, s)),
  simple('cms-localities', 'localities.csv', { name: /LOCCO/ }, (b, s) => readLocalities(b, s)),
  simple('cms-opps-addendum-b', 'addendum-b.csv', { name: /ADDENDUM_B/ }, (b, s) => readOppsAddendumB(b, s)),
  simple('cms-ncci-ptp', 'ptp.txt', { name: /PTP_/ }, (b, s) => readNcciPtp(b, s)),
  simple('cms-mue', 'mue.csv', { name: /MUE_/ }, (b, s) => readMue(b, s)),
  simple('cms-icd10cm', 'icd10cm.txt', { name: /icd10cm_/ }, readIcd10cm),
  simple('contract-rates-csv', 'rates.csv', () => [utf8(CONTRACT_RATES_SEED)], readContractRates),
  json('clinic-json', clinicSchema, { format: 'clinic' }),
  // courses.json as the import reads it: entry by entry, the problems capped (read-export-files.ts).
  simple('course-headers-json', 'course-headers.json', { format: 'course-headers' }, (b, source) =>
    validateArrayDocument(decode(b), source, courseHeaderSchema),
  ),
  json('course-json', courseSchema, { name: /examples\/courses\/.*\.json$/ }),
  json('billing-json', billingSettingsSchema, { name: /examples\/billing\.json$/ }),
  simple(
    'detect-format',
    'upload',
    (f) => f.map((x) => x.bytes.subarray(0, 8192)),
    (b) => (detectFormat(b.subarray(0, 8192)), { ok: true }),
  ),
  MULTIPART_BODY,
];
