import type { IncomingFile } from '../app/upload/import-jobs.js';
import { ApiError } from './api-errors.js';

/** Largest header block of one part (Content-Disposition, Content-Type): far above what browsers send. */
const MAX_PART_HEADERS = 16 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/**
 * The files of a `multipart/form-data` body (RFC 7578) in field `field`, as they arrive: each file's
 * bytes are handed on piece by piece, so the body is never held whole. A file must be consumed (or is
 * skipped) before the next one is read. More than `maxBytes` of body is refused with 413, a malformed
 * body with 400.
 */
export async function* multipartFiles(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  field: string,
  maxBytes: number,
): AsyncGenerator<IncomingFile> {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  if (!body || !boundary) throw new ApiError('invalid_input', 'the body is not a multipart form');
  // Every boundary, the first included, is read as CRLF "--" boundary (RFC 2046 5.1.1).
  const input = new BodyReader(body, Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`), maxBytes, CRLF);
  for await (const preamble of input.untilDelimiter()) void preamble;
  for (;;) {
    if (!(await input.fillTo(2))) throw malformed();
    if (input.startsWith('--')) return; // the closing delimiter
    const headers = await input.headers();
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = param(disposition, 'name');
    const filename = param(disposition, 'filename');
    if (name === field && filename !== null) {
      const data = input.untilDelimiter();
      yield { name: filename, data };
      // What the consumer left of this file is skipped, never buffered.
      if (!input.atDelimiter) for await (const rest of input.untilDelimiter()) void rest;
    } else {
      for await (const other of input.untilDelimiter()) void other;
    }
  }
}

const malformed = () => new ApiError('invalid_input', 'the body is not a well-formed multipart form');

/** A Content-Disposition parameter: `filename*=UTF-8''…` (RFC 6266) before `filename="…"`. */
function param(disposition: string, key: string): string | null {
  const extended = new RegExp(`;\\s*${key}\\*=(?:UTF-8)?''([^;]*)`, 'i').exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      return extended[1]!.trim();
    }
  }
  const plain = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]*)`, 'i').exec(
    disposition,
  );
  if (!plain) return null;
  // Browsers escape `"` as %22 and send other characters as UTF-8 (HTML, "multipart/form-data encoding").
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1').replaceAll('%22', '"') : plain[2]!;
}

/** The body as a buffer that holds at most one piece plus the length of a delimiter. */
class BodyReader {
  private buffer: Buffer;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private received = 0;
  private ended = false;
  /** True right after a delimiter was consumed. */
  atDelimiter = false;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly delimiter: Buffer,
    private readonly maxBytes: number,
    prefix: Buffer,
  ) {
    this.reader = body.getReader();
    this.buffer = prefix;
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.reader.read();
    if (done) {
      this.ended = true;
      return false;
    }
    this.received += value.byteLength;
    if (this.received > this.maxBytes) {
      await this.reader.cancel().catch(() => undefined);
      throw new ApiError('too_large', `the request is larger than ${this.maxBytes} bytes`);
    }
    const piece = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, piece]) : piece;
    return true;
  }

  async fillTo(length: number): Promise<boolean> {
    while (this.buffer.length < length) if (!(await this.more())) return false;
    return true;
  }

  startsWith(text: string): boolean {
    return this.buffer.subarray(0, text.length).toString('latin1') === text;
  }

  /** A part's header block, after the CRLF that ends the delimiter line; the buffer moves past it. */
  async headers(): Promise<string> {
    for (;;) {
      // CRLF ends the delimiter line; CRLF CRLF the headers (at once when a part has none).
      const lineEnd = this.buffer.indexOf(CRLF);
      const end = lineEnd < 0 ? -1 : this.buffer.indexOf(HEADERS_END, lineEnd);
      if (end >= 0) {
        const text = end > lineEnd ? this.buffer.subarray(lineEnd + 2, end).toString('utf8') : '';
        this.buffer = this.buffer.subarray(end + HEADERS_END.length);
        this.atDelimiter = false;
        return text;
      }
      if (this.buffer.length > MAX_PART_HEADERS) throw malformed();
      if (!(await this.more())) throw malformed();
    }
  }

  /** The bytes up to the next delimiter, piece by piece; the buffer moves past the delimiter. */
  async *untilDelimiter(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = this.buffer.indexOf(this.delimiter);
      if (at >= 0) {
        const last = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.atDelimiter = true;
        if (last.length) yield last;
        return;
      }
      // Keep what could be the start of a delimiter cut between two pieces.
      const keep = this.delimiter.length - 1;
      if (this.buffer.length > keep) {
        const out = this.buffer.subarray(0, this.buffer.length - keep);
        this.buffer = this.buffer.subarray(this.buffer.length - keep);
        yield out;
      }
      if (!(await this.more())) throw malformed();
    }
  }
}
