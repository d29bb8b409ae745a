import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import { EnvelopeTracker } from './envelope-tracker.js';
import { chunks, SLICE_BYTES, type X12Source } from './tokenize-x12.js';
import { MAX_LISTED } from '../problem-list.js';
import { DECODE_BYTES, X12Splitter } from './x12-splitter.js';
import type { X12Segment } from './x12-types.js';

/** Assembles one transaction set from its segments between ST and SE. */
export interface SetBuilder<T> {
  accept(seg: X12Segment): void;
  finish(envelope: readonly InputProblem[]): ReadResult<T>;
}

/** A builder for the set that ST opens at `location`, or why the set is not read (a message). */
export type BuilderFactory<T> = (st: X12Segment, location: string) => SetBuilder<T> | string;

/**
 * Push-based pipeline: bytes → segments (X12Splitter) → envelopes (EnvelopeTracker) → one builder per
 * transaction set. Each finished set, and each batch of envelope problems, is handed to `emit`. A bug
 * in a builder is reported as an internal error at the set's location; input never makes it throw.
 */
export class X12SetPipeline<T> {
  private readonly splitter: X12Splitter;
  private readonly tracker: EnvelopeTracker;
  private readonly envelope: InputProblem[] = [];
  private builder: SetBuilder<T> | null = null;
  private refusal: InputProblem | null = null;
  private location = '';

  constructor(
    private readonly fileName: string,
    factory: BuilderFactory<T>,
    private readonly emit: (r: ReadResult<T>) => void,
  ) {
    this.tracker = new EnvelopeTracker(fileName, {
      start: (st, location) => {
        this.location = location;
        const b = this.guard(() => factory(st, location));
        this.builder = typeof b === 'string' || b === null ? null : b;
        this.refusal = typeof b === 'string' ? { location, message: b } : null;
      },
      segment: (seg) => {
        // Every segment of the file comes through here: no closure per segment, unlike `guard`.
        if (this.builder === null) return;
        try {
          this.builder.accept(seg);
        } catch {
          this.builder = null;
        }
      },
      end: (problems) => {
        const b = this.builder;
        this.builder = null;
        if (b !== null) {
          const r = this.guard(() => b.finish(problems));
          if (r !== null) return this.emit(r);
        }
        this.emit({ ok: false, problems: [this.refusal ?? this.internal(), ...problems] });
      },
      envelopeProblem: (p) => {
        this.envelope.push(p);
      },
    });
    this.splitter = new X12Splitter((t) => this.tracker.accept(t));
  }

  push(chunk: Uint8Array): void {
    this.splitter.push(chunk);
    this.flushEnvelope();
  }

  end(): void {
    this.splitter.end();
    this.tracker.end();
    this.flushEnvelope();
  }

  private flushEnvelope(): void {
    if (this.envelope.length === 0) return;
    const listed = this.envelope.slice(0, MAX_LISTED);
    const more = this.envelope.length - listed.length;
    if (more > 0) listed.push({ location: this.fileName, message: `${more} more not listed` });
    this.envelope.length = 0;
    this.emit({ ok: false, problems: listed });
  }

  private internal(): InputProblem {
    return { location: this.location, message: 'internal error while reading the transaction set' };
  }

  /** Runs builder code; a throw (a bug, not input) gives null and the set reports an internal error. */
  private guard<R>(run: () => R): R | null {
    try {
      return run();
    } catch {
      return null;
    }
  }
}

/** Every transaction set of a streamed file, one result per set (and per batch of envelope problems). */
export async function* readX12Sets<T>(
  source: X12Source,
  fileName: string,
  factory: BuilderFactory<T>,
): AsyncGenerator<ReadResult<T>> {
  const out: ReadResult<T>[] = [];
  const pipeline = new X12SetPipeline(fileName, factory, (r) => out.push(r));
  try {
    for await (const chunk of chunks(source)) {
      // Piece by piece, each set handed on as soon as its piece is read: a set's claims and lines are
      // let go (classified, counted) before the rest of a large chunk is read, so they die young.
      for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
        pipeline.push(chunk.subarray(at, at + DECODE_BYTES));
        for (const r of out) yield r;
        out.length = 0;
      }
    }
  } catch (e) {
    // The source failed (missing file, a directory, a closed stream): its error code only, never paths.
    const code = (e as { code?: unknown } | null)?.code;
    out.push({
      ok: false,
      problems: [
        {
          location: fileName,
          message: `cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`,
        },
      ],
    });
    for (const r of out) yield r;
    return;
  }
  pipeline.end();
  yield* out;
}

/** The same for bytes in memory, synchronously: every result in file order. */
export function readX12SetsFromBytes<T>(
  bytes: Uint8Array,
  fileName: string,
  factory: BuilderFactory<T>,
): ReadResult<T>[] {
  const out: ReadResult<T>[] = [];
  const pipeline = new X12SetPipeline(fileName, factory, (r) => out.push(r));
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) pipeline.push(bytes.subarray(at, at + SLICE_BYTES));
  pipeline.end();
  return out;
}
