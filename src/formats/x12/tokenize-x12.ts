import { X12Splitter } from './x12-splitter.js';
import type { X12Token } from './x12-types.js';

/** Bytes of a `Uint8Array` input are fed to the splitter in slices of this size. */
export const SLICE_BYTES = 64 * 1024;

/** A file stream (`fs.createReadStream`, a web stream's reader) or the whole file's bytes. */
export type X12Source = AsyncIterable<Uint8Array> | Uint8Array;

/**
 * The segments of an X12 file, lazily, in order: each chunk of the source is split as it arrives and
 * only an unfinished segment is carried to the next one. Several interchanges (ISA … IEA) with their own
 * delimiters may follow each other; whitespace and line breaks between segments are skipped. Unreadable
 * bytes come as `junk` tokens with their offset. Never throws on input.
 */
export async function* tokenizeX12(source: X12Source): AsyncGenerator<X12Token> {
  const queue: X12Token[] = [];
  const splitter = new X12Splitter((t) => queue.push(t.kind === 'segment' ? t.copy() : t));
  for await (const chunk of chunks(source)) {
    splitter.push(chunk);
    yield* drain(queue);
  }
  splitter.end();
  yield* drain(queue);
}

/** The same, synchronously, for bytes already in memory. */
export function* tokenizeX12Bytes(bytes: Uint8Array): Generator<X12Token> {
  const queue: X12Token[] = [];
  const splitter = new X12Splitter((t) => queue.push(t.kind === 'segment' ? t.copy() : t));
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    splitter.push(bytes.subarray(at, at + SLICE_BYTES));
    yield* drain(queue);
  }
  splitter.end();
  yield* drain(queue);
}

/** The source's chunks; a `Uint8Array` is cut into slices so no whole-file string is ever made. */
export async function* chunks(source: X12Source): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += SLICE_BYTES) yield source.subarray(at, at + SLICE_BYTES);
    return;
  }
  for await (const chunk of source) {
    // fs streams opened with an encoding give strings: take their bytes back as UTF-8.
    yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }
}

function* drain(queue: X12Token[]): Generator<X12Token> {
  for (let i = 0; i < queue.length; i++) yield queue[i]!;
  queue.length = 0;
}
