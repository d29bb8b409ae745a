import type { ReferenceRelease } from '../rates/mpfs-payment.js';

/**
 * The NCCI tables (domain.md §7) as the edit checks read them. Rows come from src/formats/cms; dates are
 * `YYYY-MM-DD`.
 */

/** One procedure-to-procedure edit: column 2 is not paid with column 1 on the same date of service. */
export interface PtpEdit {
  column1: string;
  column2: string;
  /** First date of service the edit applies to. */
  effectiveFrom: string;
  /** The edit does not apply on or after this date; null while it is in force. */
  deletedOn: string | null;
  /** 0 no modifier bypasses it, 1 an NCCI-associated modifier may, 9 not applicable (deleted edit). */
  modifierIndicator: '0' | '1' | '9';
  location: string;
}

/** MUE adjudication indicator: 1 per claim line, 2 per date of service (policy), 3 per date of service (clinical). */
export type MueAdjudication = '1' | '2' | '3';

/** One medically unlikely edit: the most units of a code per line or per day. */
export interface MueLimit {
  hcpcs: string;
  maxUnits: number;
  adjudication: MueAdjudication;
  rationale: string | null;
  location: string;
}

/** A release of the PTP and MUE tables (practitioner or outpatient hospital), indexed by code. */
export interface EditTables {
  release: ReferenceRelease;
  /** Edits by `column1|column2`; several rows of a pair (different dates) are all kept. */
  ptp: ReadonlyMap<string, readonly PtpEdit[]>;
  mue: ReadonlyMap<string, MueLimit>;
}

export function editTables(
  release: ReferenceRelease,
  ptp: readonly PtpEdit[],
  mue: readonly MueLimit[],
): EditTables {
  const pairs = new Map<string, PtpEdit[]>();
  for (const edit of ptp) {
    const key = pairKey(edit.column1, edit.column2);
    const list = pairs.get(key);
    if (list) list.push(edit);
    else pairs.set(key, [edit]);
  }
  return { release, ptp: pairs, mue: new Map(mue.map((m) => [m.hcpcs.toUpperCase(), m])) };
}

export const pairKey = (column1: string, column2: string) =>
  `${column1.toUpperCase()}|${column2.toUpperCase()}`;

/** A claim line as the edits see it: one patient, one billing provider, lines of any dates. */
export interface EditLine {
  /** Identifies the line in findings (a charge or line id: never patient data). */
  subject: string;
  code: string;
  modifiers: readonly string[];
  units: number;
  dateOfService: string;
}

/** Lines grouped by date of service, in first-seen order. */
export function byDate(lines: readonly EditLine[]): Map<string, EditLine[]> {
  const days = new Map<string, EditLine[]>();
  for (const line of lines) {
    const day = days.get(line.dateOfService);
    if (day) day.push(line);
    else days.set(line.dateOfService, [line]);
  }
  return days;
}
