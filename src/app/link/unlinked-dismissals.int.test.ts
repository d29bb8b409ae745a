import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { importPractice } from '../../../test/support/import-practice.js';
import type { TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { countUnlinkedRecords, listUnlinkedRecords } from '../queries/unlinked-records.js';
import { dismissUnlinkedRecord } from './dismiss-unlinked-record.js';
import { importFiles } from '../import-pipeline/import-files.js';
import { relinkPractice } from './relink-practice.js';

/**
 * Dismissing an unlinked record: hidden from the list and the count, shown with "dismissed" with its
 * reason, and still dismissed after its patient is re-linked (the stored rows are then replaced).
 */
describe.each(ENGINES)('unlinked record dismissals on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  beforeAll(async () => {
    let files: { name: string; bytes: Uint8Array }[];
    ({ tdb, t, actor, files } = await importPractice(engine, 'Dismiss'));
    // Without courses.json every record of every patient matches no course.
    await importFiles(
      t.ctx,
      actor.practiceId,
      files.filter((f) => f.name !== 'courses.json'),
    );
  }, 180_000);
  afterAll(async () => tdb?.close());

  it('hides a dismissed record, keeps its reason, and keeps it dismissed across a re-link', async () => {
    const before = await listUnlinkedRecords(t.ctx, actor, { limit: 500 });
    expect(before.total).toBeGreaterThan(1);
    const target = before.items.find((r) => r.patientId)!;
    expect(target.dismissal).toBeNull();

    await dismissUnlinkedRecord(t.ctx, actor, target.id, 'a test patient sent by the vendor');
    const after = await listUnlinkedRecords(t.ctx, actor, { limit: 500 });
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((r) => r.id)).not.toContain(target.id);
    expect(await countUnlinkedRecords(t.ctx, actor.practiceId)).toBe(before.total - 1);
    const all = await listUnlinkedRecords(t.ctx, actor, { limit: 500, dismissed: true });
    expect(all.total).toBe(before.total);
    expect(all.items.find((r) => r.id === target.id)?.dismissal).toMatchObject({
      reason: 'a test patient sent by the vendor',
      by: 'Coder',
    });

    // Every patient re-linked: the rows are replaced (new ids), the dismissal still applies.
    await t.ctx.db.transaction().execute((trx) => relinkPractice(t.ctx, trx, actor.practiceId, 'practice'));
    const relinked = await listUnlinkedRecords(t.ctx, actor, { limit: 500, dismissed: true });
    expect(relinked.items.map((r) => r.id)).not.toContain(target.id);
    const same = relinked.items.filter((r) => r.dismissal);
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({
      patientId: target.patientId,
      source: target.source,
      kind: target.kind,
      what: target.what,
      dismissal: { reason: 'a test patient sent by the vendor' },
    });
    expect((await listUnlinkedRecords(t.ctx, actor, { limit: 500 })).total).toBe(before.total - 1);
  }, 180_000);

  it('dismissing again replaces the reason; an unknown id is not found', async () => {
    const [row] = (await listUnlinkedRecords(t.ctx, actor, { limit: 1 })).items;
    await dismissUnlinkedRecord(t.ctx, actor, row!.id, 'first');
    await dismissUnlinkedRecord(t.ctx, actor, row!.id, 'second');
    const all = await listUnlinkedRecords(t.ctx, actor, { limit: 500, dismissed: true });
    expect(all.items.find((r) => r.id === row!.id)?.dismissal?.reason).toBe('second');
    for (const id of ['999999999', 'x'])
      await expect(dismissUnlinkedRecord(t.ctx, actor, id, 'r')).rejects.toMatchObject({ code: 'not_found' });
  });

  it("logs the change to the practice's patient whose record was dismissed", async () => {
    const row = (await listUnlinkedRecords(t.ctx, actor, { limit: 500 })).items.find((r) => r.patientId)!;
    // No courses.json was imported, so the practice holds no patients yet: one is added for the MRN.
    await t.ctx.db
      .insertInto('patients')
      .values({
        id: 'patient-dismiss',
        practice_id: actor.practiceId,
        mrn: row.patientId!,
        name: 'Synthetic Patient',
        birth_date: '1960-01-01',
      })
      .execute();
    await dismissUnlinkedRecord(t.ctx, actor, row.id, 'a record sent in error');
    const logged = await t.ctx.db
      .selectFrom('access_log')
      .select(['action', 'patient_ids'])
      .where('route', '=', 'POST /api/unlinked-records/:id/dismiss')
      .execute();
    expect(logged).toEqual([{ action: 'change', patient_ids: ['patient-dismiss'] }]);
  });
});
