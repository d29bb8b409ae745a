/**
 * The fuzzer's verdict on one answer: a result, an error located in the file, or a failure of the
 * reader. Readers catch their own bugs and answer "internal error" at the file: that is a crash too.
 */
import type { Outcome } from './readers.js';

export type Kind = 'ok' | 'located' | 'crash' | 'unlocated';

export function verdict(o: Outcome, source: string): { kind: Kind; detail?: string } {
  const all = [...o.problems, ...o.warnings];
  const internal = all.find((p) => /internal error/i.test(p.message));
  if (internal) return { kind: 'crash', detail: `caught: ${internal.message}` };
  if (!o.ok && o.problems.length === 0) return { kind: 'unlocated', detail: 'refused without a problem' };
  const stray = all.find((p) => typeof p.location !== 'string' || !p.location.startsWith(source));
  if (stray) return { kind: 'unlocated', detail: `location "${String(stray.location).slice(0, 80)}"` };
  const empty = all.find((p) => typeof p.message !== 'string' || p.message.trim() === '');
  if (empty) return { kind: 'unlocated', detail: `no message at ${empty.location.slice(0, 80)}` };
  return { kind: o.ok ? 'ok' : 'located' };
}

/** A thrown error: its type, message (the inputs are synthetic) and the frame of ours that threw. */
export function describeThrow(e: unknown): string {
  if (!(e instanceof Error)) return `threw ${typeof e}`;
  const frame =
    e.stack
      ?.split('\n')
      .find((l) => /src\//.test(l))
      ?.trim() ?? '';
  return `threw ${e.name}: ${e.message.slice(0, 120)} ${frame}`.trim();
}
