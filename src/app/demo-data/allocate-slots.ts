import type { CourseKind } from './clinic-model.js';
import type { Rng } from './prng.js';

/** Minutes after midnight of the 15-minute slots: none spans the default export at noon. */
const MORNING = range(7 * 60, 11 * 60 + 30, 15);
const AFTERNOON = range(12 * 60 + 30, 17 * 60 + 15, 15);

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** A linac and a 15-minute slot per course; twice-daily courses get 07:00–08:30 and 6.5 h later. */
export function allocateSlots(rng: Rng, kinds: readonly CourseKind[], patients: number) {
  const machines = Math.max(2, Math.ceil(patients / 30));
  const taken = new Set<string>();
  const key = (m: number, s: number) => `${m}/${s}`;
  const out: { machine: number; slot: number; afternoon: number | null }[] = [];
  const free = rng.shuffle(
    Array.from({ length: machines }, (_, m) => [...MORNING, ...AFTERNOON].map((s) => [m, s] as const)).flat(),
  );
  let cursor = 0;
  for (const kind of kinds) {
    if (kind === 'lung-bid') {
      let found: { machine: number; slot: number; afternoon: number } | null = null;
      for (let m = 0; !found; m++) {
        for (const s of MORNING.filter((x) => x <= 8 * 60 + 30)) {
          if (!taken.has(key(m, s)) && !taken.has(key(m, s + 390))) {
            found = { machine: m, slot: s, afternoon: s + 390 };
            break;
          }
        }
      }
      taken.add(key(found.machine, found.slot));
      taken.add(key(found.machine, found.afternoon));
      out.push(found);
      continue;
    }
    while (cursor < free.length && taken.has(key(free[cursor]![0], free[cursor]![1]))) cursor++;
    const [m, s] = cursor < free.length ? free[cursor]! : [machines + out.length, MORNING[0]!];
    taken.add(key(m, s));
    out.push({ machine: m, slot: s, afternoon: null });
  }
  return out;
}
