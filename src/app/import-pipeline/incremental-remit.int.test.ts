import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import { file835, paymentHeader, set835 } from '../../../test/support/x12/remit-835-examples.js';
import type { AppContext } from '../app-context.js';
import { storeRemitLines } from '../remit/store-remit-lines.js';
import { createPractice } from '../setup/create-practice.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { practicePlaceOfService } from '../setup/practice-place-of-service.js';
import { importFiles, type UploadedFile } from './import-files.js';

/**
 * Remittances classified incrementally: a file re-classifies only the remittance lines of the claims it
 * may change (its own 835's, those of the courses of the patients it names, and the claims paired with
 * them, X12 835 005010X221A1 CLP02 22 reversals): the other patients' lines and every payment row keep
 * their row versions (`xmin`), and what is stored equals classifying every line of the practice again.
 * Synthetic clinic from src/app/demo-data, 835s written in the TR3 layout.
 */
const text = (name: string, value: string): UploadedFile => ({
  name,
  bytes: new TextEncoder().encode(value),
});
const ymd = (date: string) => date.replaceAll('-', '');

interface Charge {
  id: string;
  code: string;
  date_of_service: string;
}

/** One claim (CLP01 the course id) paying each charge its 600.00 (REF*6R our charge id); CLP02 22 takes it back. */
function claim(courseKey: string, charges: readonly Charge[], status: '1' | '22'): string[] {
  const sign = status === '22' ? '-' : '';
  const total = `${sign}${charges.length * 600}`;
  return [
    `CLP*${courseKey}*${status}*${total}*${total}*0*12*PCC-${courseKey}*11*1`,
    'NM1*QC*1*DOE*JANE****MI*MEMBER01',
    `DTM*232*${ymd(charges[0]!.date_of_service)}`,
    ...charges.flatMap((c) => [
      `SVC*HC:${c.code}*${sign}600*${sign}600**1`,
      `DTM*472*${ymd(c.date_of_service)}`,
      `REF*6R*${c.id}`,
    ]),
  ];
}

const payment = (trace: string, claims: readonly string[][]) =>
  file835(set835('0001', [...paymentHeader(String(claims.length * 600), trace), ...claims.flat()]));

/** Every remittance line and payment with its row version. */
async function versions(ctx: AppContext, practiceId: string) {
  const lines = await ctx.db
    .selectFrom('remit_lines as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .select(['r.id', 'p.mrn', 'r.category', 'r.reversal_role', sql<string>`r.xmin::text`.as('xmin')])
    .where('r.practice_id', '=', practiceId)
    .orderBy('r.id')
    .execute();
  const payments = await ctx.db
    .selectFrom('remit_payments')
    .select(['id', sql<string>`xmin::text`.as('xmin')])
    .where('practice_id', '=', practiceId)
    .orderBy('id')
    .execute();
  return { lines, payments };
}

/** The stored lines, every column but the row version. */
const stored = (ctx: AppContext, practiceId: string) =>
  ctx.db.selectFrom('remit_lines').selectAll().where('practice_id', '=', practiceId).orderBy('id').execute();

describe.each(ENGINES)('incremental remittance classification on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it("a file naming patient A leaves patient B's remittance lines and every payment row unwritten", async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 3, days: 3, seed: 5 });
    const { ctx, clock } = await testContext(tdb);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Remit scope', clinic });
    await importFiles(ctx, practiceId, files);
    const charges = await ctx.db
      .selectFrom('charges as ch')
      .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .select(['ch.id', 'ch.code', 'f.date_of_service', 'c.course_key', 'p.mrn'])
      .where('ch.practice_id', '=', practiceId)
      .where('ch.status', '!=', 'void')
      .orderBy('c.course_key')
      .orderBy('ch.id')
      .execute();
    const [a, b] = [...new Set(charges.map((c) => c.mrn))];
    expect(b).toBeDefined();
    const of = (mrn: string) => charges.filter((c) => c.mrn === mrn).slice(0, 2);
    const [ofA, ofB] = [of(a!), of(b!)];
    await importFiles(ctx, practiceId, [
      text(
        'first.835',
        payment('EFT1', [claim(ofA[0]!.course_key, ofA, '1'), claim(ofB[0]!.course_key, ofB, '1')]),
      ),
    ]);
    const before = await versions(ctx, practiceId);
    expect(before.lines.map((l) => l.mrn).sort()).toEqual([...ofA.map(() => a), ...ofB.map(() => b)].sort());

    // Patient A's course list entry again with another plan id: A is linked again, B is not.
    const courses = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === 'courses.json')!.bytes));
    const entry = (courses as { courseId: string; plan: { id: string } }[]).find(
      (c) => c.courseId === ofA[0]!.course_key,
    )!;
    await importFiles(ctx, practiceId, [
      text(
        'courses-a.json',
        JSON.stringify([{ ...entry, plan: { ...entry.plan, id: `${entry.plan.id}-R` } }]),
      ),
    ]);
    const afterCourse = await versions(ctx, practiceId);
    expect(afterCourse.payments).toEqual(before.payments);
    expect(afterCourse.lines.filter((l) => l.mrn === b)).toEqual(before.lines.filter((l) => l.mrn === b));

    // The payer takes back A's claim (CLP02 22, same CLP07): A's paid lines become 'reversed', B's stay.
    await importFiles(ctx, practiceId, [
      text('second.835', payment('EFT2', [claim(ofA[0]!.course_key, ofA, '22')])),
    ]);
    const afterReversal = await versions(ctx, practiceId);
    expect(afterReversal.payments.slice(0, before.payments.length)).toEqual(before.payments);
    expect(afterReversal.lines.filter((l) => l.mrn === b)).toEqual(before.lines.filter((l) => l.mrn === b));
    const paidA = afterReversal.lines.filter((l) => l.mrn === a && before.lines.some((x) => x.id === l.id));
    expect(paidA.map((l) => l.reversal_role)).toEqual(ofA.map(() => 'reversed'));
    expect(paidA.every((l) => before.lines.find((x) => x.id === l.id)!.xmin !== l.xmin)).toBe(true);

    // What is stored is what classifying every line of the practice again stores.
    const incremental = await stored(ctx, practiceId);
    const placeOfService = await practicePlaceOfService(ctx.db, practiceId);
    await ctx.db
      .transaction()
      .execute((trx) => storeRemitLines(ctx, trx, practiceId, 'practice', placeOfService));
    expect(await stored(ctx, practiceId)).toEqual(incremental);
  }, 180_000);
});
