import type { BillingLine } from '../model/billing-line.js';
import type { PayerProfile } from '../payers/payer-profile.js';

/** A line as it goes on the claim for one date of service. */
export interface DayLine {
  date: string;
  code: string;
  modifiers: string[];
  units: number;
  expectedCents: number | null;
  /** The fractions whose sessions the line reports. */
  fractionIds: string[];
}

/**
 * The claim lines of each date of service. A payer that counts a distinct second session as units
 * (CMS PM A-03-020 as summarised by AAPC [C]; `twiceDaily: 'units'`) gets one line with 2 units; a
 * payer that wants modifier 76 keeps the second line apart (its modifiers already differ).
 */
export function dayLines(
  sessions: readonly { fractionId: string; date: string; lines: readonly BillingLine[] }[],
  profile: PayerProfile,
): DayLine[] {
  // The lines of each date, to find the same code and modifiers on a date (no string key per line).
  const byDate = profile.twiceDaily === 'units' ? new Map<string, DayLine[]>() : null;
  const out: DayLine[] = [];
  for (const s of sessions) {
    for (const line of s.lines) {
      const same = byDate ? sameLine(byDate.get(s.date), line) : undefined;
      if (same) {
        same.units += line.units;
        same.fractionIds.push(s.fractionId);
        if (same.expectedCents !== null && line.expectedCents !== null)
          same.expectedCents += line.expectedCents;
        continue;
      }
      const day: DayLine = {
        date: s.date,
        code: line.code,
        // A frozen list is shared (billing-line.ts: the usual ones); any other is copied.
        modifiers: Object.isFrozen(line.modifiers) ? line.modifiers : line.modifiers.slice(),
        units: line.units,
        expectedCents: line.expectedCents === null ? null : line.expectedCents * line.units,
        fractionIds: [s.fractionId],
      };
      if (byDate) {
        const lines = byDate.get(s.date);
        if (lines) lines.push(day);
        else byDate.set(s.date, [day]);
      }
      out.push(day);
    }
  }
  return out;
}

/** The line of the date with `line`'s code and modifiers. */
function sameLine(lines: readonly DayLine[] | undefined, line: BillingLine): DayLine | undefined {
  if (lines)
    for (const d of lines) if (d.code === line.code && sameModifiers(d.modifiers, line.modifiers)) return d;
  return undefined;
}

function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
