import { getDocumentProxy } from 'unpdf';
import type { InputProblem, ReadResult } from '../../../core/model/input-problem.js';
import { ignorePdfjsRejections } from './pdfjs-rejections.js';

/**
 * PDF bytes → the text items of each page with their positions, through unpdf (pdf.js). Bounded: file
 * size, page count, text items per page and wall time are limited, so a hostile file gives a problem
 * rather than an endless read. pdf.js failures become problems named after the pdf.js exception, never
 * its message.
 */
export interface PdfTextItem {
  text: string;
  /** Baseline start in PDF user space (points, origin bottom-left): `transform[4]`, `transform[5]`. */
  x: number;
  y: number;
  /** Advance width in points (may be 0 for odd producers). */
  width: number;
  fontSize: number;
  /** Horizontal, left-to-right text (rotated axis labels are not). */
  upright: boolean;
}

export interface PdfPageText {
  page: number;
  items: PdfTextItem[];
}

export interface PdfText {
  pageCount: number;
  pages: PdfPageText[];
  /** No `%%EOF` near the end of the file: it was probably cut short. */
  looksTruncated: boolean;
}

export interface PdfLimits {
  /** V8 heap of the child process that runs pdf.js (pdf-text-process.ts), in MiB. */
  maxHeapMb: number;
  /**
   * Resident memory of that child, in MiB: pdf.js keeps decoded streams in typed arrays outside the V8
   * heap, which the heap cap does not bound; the parent samples the child's RSS (Linux /proc) and ends it
   * above this. Elsewhere only the heap cap and the time budget hold.
   */
  maxRssMb: number;
  maxPages: number;
  maxBytes: number;
  timeoutMs: number;
  maxItemsPerPage: number;
  maxCharsPerPage: number;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** ISO 32000-1 §7.5.2: the header `%PDF-1.n`; readers accept it within the first 1024 bytes. */
export function hasPdfHeader(head: Uint8Array): boolean {
  return latin1(head.subarray(0, 1024)).includes('%PDF-');
}

/** ISO 32000-1 §7.5.5: the file ends with `%%EOF` (some writers add bytes after it). */
function endsWithEof(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF');
}

/** What each pdf.js exception means for the person exporting the file (by `name`, never `message`). */
const PDFJS_FAILURES: Record<string, string> = {
  PasswordException:
    'the PDF is password-protected: export the treatment report from AlignRT again without a password',
  InvalidPDFException:
    'not a readable PDF (its structure is broken; the file may be truncated or damaged): export it again',
  FormatError: 'the PDF is malformed and could not be read: export it again',
  MissingPDFException: 'the PDF is empty or missing',
};
const OTHER_FAILURE = 'the PDF could not be read (damaged or unsupported): export it again';

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * A page's text items, streamed so that reading stops (and pdf.js is told to stop) as soon as the page
 * holds more text than any report could; the reason as a string when it does.
 */
async function readPageItems(
  page: PdfPage,
  limits: PdfLimits,
  state: { cancelled: boolean },
): Promise<PdfTextItem[] | string> {
  const reader = (page.streamTextContent() as ReadableStream<{ items: unknown[] }>).getReader();
  const items: PdfTextItem[] = [];
  let count = 0;
  let chars = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return items;
      if (state.cancelled) return 'cancelled';
      for (const raw of value.items) {
        if (++count > limits.maxItemsPerPage)
          return `more than ${limits.maxItemsPerPage} text items on one page`;
        const item = toTextItem(raw);
        if (!item) continue;
        chars += item.text.length;
        if (chars > limits.maxCharsPerPage)
          return `more than ${limits.maxCharsPerPage} characters of text on one page`;
        items.push(item);
      }
    }
  } finally {
    // pdf.js refuses a cancel without a reason, and a stream left open makes `destroy()` wait forever.
    reader.cancel(new Error('enough text read')).catch(() => undefined);
  }
}

/** A pdf.js TextItem with usable text and a finite transform, else null (marked-content markers, blanks). */
function toTextItem(raw: unknown): PdfTextItem | null {
  const item = raw as { str?: unknown; transform?: unknown; width?: unknown };
  if (typeof item.str !== 'string' || item.str.trim() === '' || !Array.isArray(item.transform)) return null;
  const t = item.transform as unknown[];
  if (t.length < 6 || !t.slice(0, 6).every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  const [a, b, c, d, x, y] = t as [number, number, number, number, number, number];
  const fontSize = Math.hypot(c, d);
  const width = typeof item.width === 'number' && Number.isFinite(item.width) ? Math.max(0, item.width) : 0;
  return {
    text: item.str,
    x,
    y,
    width,
    fontSize: fontSize > 0 ? fontSize : 1,
    upright: a > 0 && Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6,
  };
}

export function failure(location: string, message: string): ReadResult<never> {
  return { ok: false, problems: [{ location, message }] };
}

/** The problem for a read stopped by `limits.timeoutMs` (in this process or by killing the child). */
export function tookTooLong(source: string, limits: PdfLimits): ReadResult<never> {
  return failure(
    source,
    `the PDF could not be read: it took longer than ${limits.timeoutMs / 1000} s (the file looks damaged or hostile)`,
  );
}

/** The checks that need no pdf.js: empty, too large, no PDF header; null when the bytes pass them. */
export function checkPdfBytes(
  bytes: Uint8Array,
  source: string,
  limits: PdfLimits,
): ReadResult<never> | null {
  if (bytes.length === 0) return failure(source, 'the file is empty: expected a PDF treatment report');
  if (bytes.length > limits.maxBytes)
    return failure(
      source,
      `the file is larger than ${limits.maxBytes} bytes, too large for a treatment report`,
    );
  if (!hasPdfHeader(bytes))
    return failure(source, 'not a PDF (no %PDF- header): expected a PDF treatment report');
  return null;
}

/**
 * Runs pdf.js in this process: a hostile file can still exhaust its memory, so the server reads through
 * `loadPdfTextInChild` (pdf-text-process.ts); this runs inside that child and on trusted seeds.
 */
export async function loadPdfText(
  bytes: Uint8Array,
  source: string,
  limits: PdfLimits,
): Promise<ReadResult<PdfText>> {
  const refused = checkPdfBytes(bytes, source, limits);
  if (refused) return refused;

  ignorePdfjsRejections();
  const state = { cancelled: false, doc: undefined as PdfDocument | undefined };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limits.timeoutMs);
  });
  const work = extract(bytes, source, limits, state);
  const winner = await Promise.race([work, timeout]);
  clearTimeout(timer);
  if (winner !== 'timeout') return winner;
  state.cancelled = true;
  void state.doc?.destroy().catch(() => undefined);
  return tookTooLong(source, limits);
}

async function extract(
  bytes: Uint8Array,
  source: string,
  limits: PdfLimits,
  state: { cancelled: boolean; doc: PdfDocument | undefined },
): Promise<ReadResult<PdfText>> {
  try {
    // pdf.js may take over (detach) the buffer it is given: hand it a copy, never the caller's bytes.
    const doc = await getDocumentProxy(bytes.slice(), { verbosity: 0, stopAtErrors: false });
    state.doc = doc;
    if (state.cancelled) return failure(source, 'cancelled');
    const pageCount = doc.numPages;
    if (pageCount < 1) return failure(source, 'the PDF has no pages');
    if (pageCount > limits.maxPages)
      return failure(
        source,
        `the PDF has ${pageCount} pages, more than the ${limits.maxPages} accepted for a treatment report (option maxPages)`,
      );
    // All pages at once (their number is bounded above): pdf.js pipelines them, as unpdf's extractText does.
    const reads = await Promise.all(
      Array.from({ length: pageCount }, async (_, i) =>
        readPageItems(await doc.getPage(i + 1), limits, state),
      ),
    );
    const pages: PdfPageText[] = [];
    const problems: InputProblem[] = [];
    reads.forEach((read, i) => {
      if (typeof read !== 'string') pages.push({ page: i + 1, items: read });
      else
        problems.push({
          location: `${source}:page ${i + 1}`,
          message: `${read}: not a treatment report layout`,
        });
    });
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, value: { pageCount, pages, looksTruncated: !endsWithEof(bytes) }, warnings: [] };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return failure(source, PDFJS_FAILURES[name] ?? OTHER_FAILURE);
  } finally {
    // Not awaited: the result does not depend on it, and pdf.js may wait on streams a failure left open.
    void state.doc?.destroy().catch(() => undefined);
  }
}
