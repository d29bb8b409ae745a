import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { importPractice } from '../../../test/support/import-practice.js';
import type { TestContext } from '../../../test/support/test-context.js';
import type { Course } from '../../core/model/course.js';
import { writeCsv } from '../../formats/csv/write-csv.js';
import type { Actor } from '../app-context.js';
import { ORDERS_HEADER } from '../demo-data/emit-documents.js';
import { listUnlinkedRecords } from '../queries/unlinked-records.js';
import type { UnlinkedRecordRow } from '../views.js';
import { importFiles, type UploadedFile } from '../import-pipeline/import-files.js';
import { linkUnlinkedRecord } from './link-unlinked-record.js';
import { relinkPractice } from './relink-practice.js';

const STRAY = 'SYN-STRAY-9';
const ROUTE = 'POST /api/unlinked-records/:id/link';

const file = (name: string, rows: string[][]): UploadedFile => ({
  name,
  bytes: new TextEncoder().encode(writeCsv(rows, { quote: 'all' })),
});
const plusDays = (date: string, n: number) => Temporal.PlainDate.from(date).add({ days: n }).toString();

/** An orders-and-signatures row (src/formats/csv/mappings/orders-signatures.ts), unsigned. */
const documentRow = (mrn: string, courseId: string, kind: string, id: string, date = '') => [
  mrn,
  'Synthetic, Patient',
  courseId,
  kind,
  id,
  '',
  date,
  '',
  '',
  '',
  '',
  kind === 'image-guidance-order' ? 'ExacTrac' : '',
  '',
  '',
];

/** An R&V treatment history row of the stray patient (no fraction number: numbered in its course). */
const historyRow = (date: string) => {
  const [y, m, d] = date.split('-');
  return [
    STRAY,
    'Stray, Synthetic',
    `${m}/${d}/${y}`,
    'STRAY-1',
    'ARC1',
    '6X',
    '10:00:00',
    '10:01:30',
    '200',
    '200',
    '',
    'TB1',
  ];
};
const HISTORY_HEADER = [
  'Patient ID',
  'Patient Name',
  'Treatment Date',
  'Plan ID',
  'Field Id',
  'Energy',
  'Beam On',
  'Beam Off',
  'Delivered MU',
  'Planned MU',
  'Fraction',
  'Machine',
];

interface StoredCourse {
  id: string;
  key: string;
  mrn: string;
  patientRow: string;
  document: Course;
}

/**
 * Linking an unlinked record to a course: the record joins the course at once (re-linked and
 * re-audited in the same transaction) and stays in it through later re-links of either patient; a link
 * the record or the course contradicts is refused with the reason and stores nothing.
 */
describe.each(ENGINES)('linking an unlinked record to a course on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  let p1: StoredCourse;
  let p2: StoredCourse;
  /** Days after the first patient's last treatment day, before its last scheduled one: stray treatment dates. */
  let days: string[];
  /** The first patient's last scheduled treatment day (its course plans no later one). */
  let lastPlanned: string;

  const courses = async (): Promise<StoredCourse[]> => {
    const rows = await t.ctx.db
      .selectFrom('courses as c')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .select(['c.id', 'c.course_key', 'p.mrn', 'p.id as patient_row', 'c.document'])
      .where('c.practice_id', '=', actor.practiceId)
      .orderBy('c.course_key')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      key: r.course_key,
      mrn: r.mrn,
      patientRow: r.patient_row,
      document: r.document as Course,
    }));
  };
  const course = async (key: string) => (await courses()).find((c) => c.key === key)!;
  const unlinked = async () => (await listUnlinkedRecords(t.ctx, actor, { limit: 500 })).items;
  const row = async (match: (r: UnlinkedRecordRow) => boolean) => {
    const found = (await unlinked()).find(match);
    expect(found).toBeDefined();
    return found!;
  };
  const links = () => t.ctx.db.selectFrom('unlinked_links').selectAll().execute();

  beforeAll(async () => {
    let files: UploadedFile[];
    ({ tdb, t, actor, files } = await importPractice(engine, 'Link'));
    await importFiles(t.ctx, actor.practiceId, files);
    const stored = await courses();
    expect(stored).toHaveLength(2);
    [p1, p2] = [stored[0]!, stored[1]!];
    const latest = (dates: { date: string }[]) =>
      dates
        .map((f) => f.date)
        .sort()
        .at(-1)!;
    days = [1, 2, 3].map((n) => plusDays(latest(p1.document.fractions), n));
    lastPlanned = latest(p1.document.schedule);
    expect(lastPlanned > days[2]!).toBe(true);
    await importFiles(t.ctx, actor.practiceId, [
      file('late-orders.csv', [
        [...ORDERS_HEADER],
        // The patient's course id typed wrong: the patient has a course, the record names none of them.
        documentRow(p1.mrn, 'C-WRONG', 'image-guidance-order', 'IGO-LINK-1'),
        documentRow(p1.mrn, 'C-WRONG', 'sgrt-record', 'SR-LINK-1', lastPlanned),
        documentRow(p1.mrn, 'C-WRONG', 'sgrt-record', 'SR-LINK-2', '2025-12-01'),
      ]),
      file('stray-history.csv', [HISTORY_HEADER, ...[...days, plusDays(lastPlanned, 1)].map(historyRow)]),
    ]);
  }, 240_000);
  afterAll(async () => tdb?.close());

  it("links a record naming a wrong course id to the patient's course: in it at once, off the list, logged", async () => {
    const record = await row((r) => r.patientId === p1.mrn && r.what === 'image-guidance-order');
    expect(record.reason).toBe('no course for this patient in courses.json');

    await linkUnlinkedRecord(t.ctx, actor, record.id, p1.id);

    expect((await course(p1.key)).document.orders.map((o) => o.id)).toContain('IGO-LINK-1');
    expect((await unlinked()).filter((r) => r.source === record.source)).toEqual([]);
    expect(await links()).toEqual([
      expect.objectContaining({
        patient_key: p1.mrn,
        source: record.source,
        kind: 'document',
        what: 'image-guidance-order',
        course_key: p1.key,
        course_patient_key: p1.mrn,
        linked_by: actor.userId,
      }),
    ]);
    const logged = await t.ctx.db
      .selectFrom('access_log')
      .select(['action', 'patient_ids'])
      .where('route', '=', ROUTE)
      .execute();
    expect(logged).toEqual([{ action: 'change', patient_ids: [p1.patientRow] }]);
  }, 120_000);

  it('keeps the link through a re-link of the whole practice and an import naming the patient', async () => {
    await t.ctx.db.transaction().execute((trx) => relinkPractice(t.ctx, trx, actor.practiceId, 'practice'));
    await importFiles(t.ctx, actor.practiceId, [
      file('more-orders.csv', [
        [...ORDERS_HEADER],
        documentRow(p1.mrn, p1.key, 'image-guidance-order', 'IGO-LINK-2'),
      ]),
    ]);
    expect((await course(p1.key)).document.orders.map((o) => o.id)).toEqual(
      expect.arrayContaining(['IGO-LINK-1', 'IGO-LINK-2']),
    );
    expect((await unlinked()).filter((r) => r.what === 'image-guidance-order')).toEqual([]);
  }, 120_000);

  it("links a record whose MRN has no course to another patient's course only with an override; re-linking either patient keeps it", async () => {
    const record = await row((r) => r.patientId === STRAY && r.what === `treatment history ${days[0]}`);
    expect(record.date).toBe(days[0]);
    await expect(linkUnlinkedRecord(t.ctx, actor, record.id, p1.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(`MRN is not that of course ${p1.key}'s patient`),
    });
    expect(await links()).toHaveLength(1);

    await linkUnlinkedRecord(t.ctx, actor, record.id, p1.id, { reason: 'MRN mistyped at the console' });

    const dates = () => course(p1.key).then((c) => c.document.fractions.map((f) => f.date));
    expect(await dates()).toContain(days[0]);
    const strayRows = async () =>
      (await unlinked())
        .filter((r) => r.patientId === STRAY)
        .map((r) => r.what)
        .sort();
    const rest = [days[1], days[2], plusDays(lastPlanned, 1)].map((d) => `treatment history ${d}`).sort();
    expect(await strayRows()).toEqual(rest);
    for (const patients of [[p1.mrn], [STRAY]]) {
      await t.ctx.db
        .transaction()
        .execute((trx) => relinkPractice(t.ctx, trx, actor.practiceId, { patients }));
      expect(await dates()).toContain(days[0]);
      expect(await strayRows()).toEqual(rest);
    }
  }, 180_000);

  it('refuses, with the reason, and stores nothing: no fraction then, another patient, dates, the question', async () => {
    const stored = await links();
    const refused = async (id: string, courseId: string, reason: RegExp) =>
      expect(linkUnlinkedRecord(t.ctx, actor, id, courseId)).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(reason),
      });

    // Linked to the course, on a day it plans but has not treated: re-linked, it would still match nothing.
    const record = await row((r) => r.patientId === p1.mrn && r.date === lastPlanned);
    await refused(record.id, p1.id, /still matches nothing \(no such fraction in the treatment records\)/);
    expect((await unlinked()).map((r) => r.id)).toContain(record.id);

    // The record's patient has a course: another patient's is refused.
    await refused(record.id, p2.id, new RegExp(`whose courses are ${p1.key}: course ${p2.key} is another`));

    // The course's fractions are all delivered or scheduled: no record dated before or after them.
    const early = await row((r) => r.patientId === p1.mrn && r.date === '2025-12-01');
    await refused(early.id, p1.id, /the record's date of service is before the first/);
    const late = await row((r) => r.patientId === STRAY && r.date === plusDays(lastPlanned, 1));
    await expect(
      linkUnlinkedRecord(t.ctx, actor, late.id, p1.id, { reason: 'MRN mistyped' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/date of service is after the last/) });

    // A record whose course is not in question, or that names no patient.
    const inserted = await t.ctx.db
      .insertInto('unlinked_records')
      .values([
        {
          practice_id: actor.practiceId,
          patient_key: p1.mrn,
          source: 'log.rtd',
          kind: 'monitoring',
          what: 'monitoring log',
          reason: 'no fraction at that time',
          record_date: null,
        },
        {
          practice_id: actor.practiceId,
          patient_key: '',
          source: 'b.json#0',
          kind: 'fhir',
          what: 'FHIR resource',
          reason: 'no subject',
          record_date: null,
        },
      ])
      .returning('id')
      .execute();
    await refused(inserted[0]!.id, p1.id, /course is not in question \(no fraction at that time\)/);
    await refused(inserted[1]!.id, p1.id, /names no patient/);
    expect(await links()).toEqual(stored);
  }, 180_000);

  it('answers not found for an unknown record or course, and to another practice', async () => {
    const record = await row((r) => r.patientId === STRAY);
    for (const [id, courseId] of [
      ['x', p1.id],
      ['999999999', p1.id],
      [record.id, 'no-such-course'],
    ] as const)
      await expect(linkUnlinkedRecord(t.ctx, actor, id, courseId)).rejects.toMatchObject({
        code: 'not_found',
      });
    // The same ids seen from another practice (its own course is the HTTP tenancy test's).
    await expect(
      linkUnlinkedRecord(t.ctx, { ...actor, practiceId: 'practice-elsewhere' }, record.id, p1.id),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
