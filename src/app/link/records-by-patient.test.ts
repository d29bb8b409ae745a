import { describe, expect, it } from 'vitest';
import type { Authorizations, OrdersSignatures, TreatmentHistory } from '../../formats/csv/csv-types.js';
import { emptyRecords } from '../read/export-records.js';
import { recordsByPatient } from './records-by-patient.js';

/** An array whose element reads are counted (what a scan per patient multiplies). */
function counted<T>(items: T[], reads: { n: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** `rows` rows of each per-row file kind, cycling through `rows / 6` patients (a history sorted by date). */
function splitReads(rows: number): { reads: number; patients: number } {
  const reads = { n: 0 };
  const patients = rows / 6;
  const patientId = (i: number) => `P${i % patients}`;
  const info = {} as TreatmentHistory['info'];
  const records = emptyRecords();
  const history = {
    info,
    records: counted(
      Array.from({ length: rows }, (_, i) => ({ patientId: patientId(i), line: i + 2 })),
      reads,
    ),
    fractions: counted(
      Array.from({ length: rows }, (_, i) => ({ patientId: patientId(i), beams: [] })),
      reads,
    ),
  } as unknown as TreatmentHistory;
  const documents = {
    info,
    documents: counted(
      Array.from({ length: rows }, (_, i) => ({ patientId: patientId(i), line: i + 2 })),
      reads,
    ),
  } as unknown as OrdersSignatures;
  const authorizations = {
    info,
    authorizations: counted(
      Array.from({ length: rows }, (_, i) => ({ patientId: patientId(i), line: i + 2 })),
      reads,
    ),
  } as unknown as Authorizations;
  records.histories.push({ source: 'h.csv', history });
  records.documents.push({ source: 'd.csv', table: documents });
  records.authorizations.push({ source: 'a.csv', table: authorizations });
  const out = recordsByPatient(records);
  const slice = out.get(patientId(1))!;
  expect(slice.histories[0]!.history.fractions).toHaveLength(6);
  expect(slice.histories[0]!.history.records).toHaveLength(6);
  expect(slice.documents[0]!.table.documents).toHaveLength(6);
  expect(slice.authorizations[0]!.table.authorizations).toHaveLength(6);
  return { reads: reads.n, patients: out.size };
}

describe('recordsByPatient', () => {
  it('reads each row a constant number of times, whatever the number of patients (linear, not rows × patients)', () => {
    const per = [1_200, 9_600].map((rows) => {
      const { reads, patients } = splitReads(rows);
      expect(patients).toBe(rows / 6);
      return reads / (4 * rows);
    });
    // 4 row arrays: each row is read a fixed few times, at 1,600 patients as at 200.
    expect(per[1]).toBeLessThanOrEqual(per[0]! * 1.01);
    expect(per[1]).toBeLessThanOrEqual(3);
  });

  it('keeps each patient’s rows in file order, with the file’s source and info', () => {
    const records = emptyRecords();
    const info = { mappingId: 'x' } as unknown as TreatmentHistory['info'];
    const fraction = (patientId: string, date: string) => ({ patientId, date, beams: [] });
    records.histories.push({
      source: 'h.csv',
      history: {
        info,
        records: [],
        fractions: [fraction('A', '1'), fraction('B', '2'), fraction('A', '3')],
      } as unknown as TreatmentHistory,
    });
    const out = recordsByPatient(records);
    expect([...out.keys()]).toEqual(['A', 'B']);
    const a = out.get('A')!.histories;
    expect(a).toHaveLength(1);
    expect(a[0]!.source).toBe('h.csv');
    expect(a[0]!.history.info).toBe(info);
    expect(a[0]!.history.fractions.map((f) => f.date)).toEqual(['1', '3']);
  });
});
