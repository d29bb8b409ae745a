import type { ReadResult } from '../../core/model/input-problem.js';
import type { CsvMapping } from './column-mapping.js';
import { TREATMENT_HISTORY_FIELDS } from './csv-fields.js';
import type {
  HistoryBeam,
  HistoryFraction,
  RadiationType,
  TreatmentHistory,
  TreatmentHistoryRecord,
} from './csv-types.js';
import { looksLikeCsvOf } from './looks-like-csv.js';
import { type CsvReadOptions, csvTableSteps } from './read-csv-table.js';
import { runSteps, type Steps } from '../steps.js';

type Fields = typeof TREATMENT_HISTORY_FIELDS;

/**
 * A record-and-verify treatment history export (domain.md §5.4: patient, date, field, start/end, MU) →
 * one record per row and the rows grouped into candidate fractions. Column names and formats come from
 * the mapping (`options.mapping`), else from the bundled mapping that fits the header row. Beam times are
 * facility wall-clock readings; the facility's zone is not in the file and is not guessed.
 */
export function readTreatmentHistory(
  input: Uint8Array | string,
  source: string,
  options: CsvReadOptions = {},
): ReadResult<TreatmentHistory> {
  return runSteps(treatmentHistorySteps(input, source, options));
}

/** `readTreatmentHistory` pausing every ROWS_PER_STEP rows (formats/steps.ts). */
export function* treatmentHistorySteps(
  input: Uint8Array | string,
  source: string,
  options: CsvReadOptions = {},
): Steps<ReadResult<TreatmentHistory>> {
  const seen = new Map<string, number>();
  const table = yield* csvTableSteps<Fields, TreatmentHistoryRecord>(
    input,
    source,
    'treatment-history',
    TREATMENT_HISTORY_FIELDS,
    options,
    ({ line, values: v }, report) => {
      const on = v.beamOn!;
      const off = v.beamOff!;
      const date = v.date ?? on.date!;
      if (v.date !== undefined && on.date !== undefined && on.date !== v.date) {
        report.problem(
          'beamOn',
          `the beam-on date is not the treatment date in column ${report.columnName('date')}`,
        );
        return null;
      }
      const beamOn = `${on.date ?? date}T${on.time!}`;
      const beamOff = `${off.date ?? date}T${off.time!}`;
      if (beamOff < beamOn) {
        report.problem(
          'beamOff',
          off.date === undefined
            ? 'beam-off is before beam-on on the same date (a beam across midnight needs date-time columns)'
            : 'beam-off is before beam-on',
        );
        return null;
      }
      const record: TreatmentHistoryRecord = {
        line,
        patientId: v.patientId!,
        date,
        fieldName: v.fieldName!,
        beamOn,
        beamOff,
        deliveredMU: v.deliveredMU!,
      };
      if (v.plannedMU !== undefined) record.plannedMU = v.plannedMU;
      if (v.fractionNumber !== undefined) record.fractionNumber = v.fractionNumber;
      if (v.planId !== undefined) record.planId = v.planId;
      if (v.radiationType !== undefined) record.radiationType = v.radiationType as RadiationType;
      if (v.machine !== undefined) record.machine = v.machine;
      // Exports that page by date or patient sometimes repeat a row: the same beam is counted once.
      const key = `${record.patientId}\u0000${record.planId ?? ''}\u0000${record.fieldName}\u0000${beamOn}\u0000${beamOff}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report.warning(
          null,
          `the same beam (patient, plan, field and beam times) as line ${first}: counted once`,
        );
        return null;
      }
      seen.set(key, line);
      return record;
    },
  );
  if (!table.ok) return table;
  const { rows, info } = table.value;
  return {
    ok: true,
    value: { info, records: rows, fractions: groupFractions(rows) },
    warnings: table.warnings,
  };
}

/** Rows → beams per patient, plan, date and fraction number; sorted so the result does not depend on row order. */
export function groupFractions(records: readonly TreatmentHistoryRecord[]): HistoryFraction[] {
  const groups = new Map<string, HistoryFraction>();
  for (const r of records) {
    const key = `${r.patientId}\u0000${r.planId ?? ''}\u0000${r.date}\u0000${r.fractionNumber ?? ''}`;
    let fraction = groups.get(key);
    if (!fraction) {
      fraction = { patientId: r.patientId, date: r.date, beams: [] };
      if (r.planId !== undefined) fraction.planId = r.planId;
      if (r.fractionNumber !== undefined) fraction.fractionNumber = r.fractionNumber;
      groups.set(key, fraction);
    }
    const beam: HistoryBeam = {
      name: r.fieldName,
      beamOn: r.beamOn,
      beamOff: r.beamOff,
      deliveredMU: r.deliveredMU,
      line: r.line,
    };
    if (r.radiationType !== undefined) beam.radiationType = r.radiationType;
    if (r.plannedMU !== undefined) beam.plannedMU = r.plannedMU;
    if (r.machine !== undefined) beam.machine = r.machine;
    fraction.beams.push(beam);
  }
  const fractions = [...groups.values()];
  for (const f of fractions) f.beams.sort((a, b) => cmp(a.beamOn, b.beamOn) || a.line - b.line);
  return fractions.sort(
    (a, b) =>
      cmp(a.patientId, b.patientId) ||
      cmp(a.date, b.date) ||
      cmp(a.beams[0]!.beamOn, b.beams[0]!.beamOn) ||
      a.beams[0]!.line - b.beams[0]!.line,
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Content sniff: the first few KB hold a header row that a bundled (or given) history mapping fits. */
export function looksTreatmentHistory(head: Uint8Array, mappings?: readonly CsvMapping[]): boolean {
  return looksLikeCsvOf(head, 'treatment-history', mappings);
}
