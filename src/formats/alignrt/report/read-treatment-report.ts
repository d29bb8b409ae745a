import type { ReadResult } from '../../../core/model/input-problem.js';
import { buildTreatmentReport } from './build-treatment-report.js';
import { collectReportFields } from './collect-report-fields.js';
import { hasPdfHeader, type PdfLimits } from './load-pdf-text.js';
import { loadPdfTextInChild } from './pdf-text-process.js';
import type { ReadTreatmentReportOptions, TreatmentReport } from './report-types.js';

/**
 * Reads an alignRT Treatment Report PDF (domain.md §5.2; README.md beside this file). Never throws and
 * never hangs: any bytes give `{ ok: true, value, warnings }` or `{ ok: false, problems }`, with
 * locations such as `report.pdf:page 2, MONITORING SESSION 1, "End Time"`.
 *
 * `input` is the file's bytes; a string is taken as the bytes of a binary string (one char per byte).
 */
export const DEFAULT_REPORT_LIMITS: PdfLimits = {
  maxHeapMb: 512,
  maxRssMb: 768,
  maxPages: 200,
  maxBytes: 64 * 1024 * 1024,
  timeoutMs: 30_000,
  maxItemsPerPage: 5_000,
  maxCharsPerPage: 200_000,
};

export async function readTreatmentReport(
  input: Uint8Array | string,
  source: string,
  options: ReadTreatmentReportOptions = {},
): Promise<ReadResult<TreatmentReport>> {
  try {
    const bytes = typeof input === 'string' ? binaryStringBytes(input) : input;
    const dateOrder = options.dateOrder ?? 'MDY';
    const limits: PdfLimits = {
      ...DEFAULT_REPORT_LIMITS,
      ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
      ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.maxHeapMb !== undefined && { maxHeapMb: options.maxHeapMb }),
      ...(options.maxRssMb !== undefined && { maxRssMb: options.maxRssMb }),
    };
    const text = await loadPdfTextInChild(bytes, source, limits);
    if (!text.ok) return text;
    const { pages, pageCount, looksTruncated } = text.value;
    if (pages.every((page) => page.items.length === 0)) {
      return {
        ok: false,
        problems: [
          {
            location: source,
            message:
              'the PDF has no text (a scan or a picture of the report?): export the treatment report from AlignRT as a PDF',
          },
        ],
      };
    }
    return buildTreatmentReport(collectReportFields(pages, source), {
      source,
      pageCount,
      dateOrder,
      looksTruncated,
    });
  } catch {
    // A bug in this reader, not the input: still a result, and no message text (it could quote the file).
    return {
      ok: false,
      problems: [{ location: source, message: 'internal error while reading the report' }],
    };
  }
}

function binaryStringBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/**
 * Content sniff for `sgrt-billing import`: a PDF header in the first KB. The report's text sits in
 * compressed streams, so the head cannot tell a treatment report from another PDF: reading it does
 * (a PDF without the title gives a "not an alignRT Treatment Report" problem).
 */
export function looksTreatmentReport(head: Uint8Array): boolean {
  return hasPdfHeader(head);
}
