import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { importPractice } from '../../../test/support/import-practice.js';
import type { TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { importFiles } from '../import-pipeline/import-files.js';
import { worklistChoices } from './worklist-choices.js';

/**
 * The payer and physician choices of the worklist filters (read by a skip scan of their indexes) are the
 * distinct values of the practice's courses, in order, as a scan of every course gives them: after the
 * first import, and after a later import of courses.json moves a course to a payer not seen before.
 */
describe.each(ENGINES)('worklist choices on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  let courses: { name: string; bytes: Uint8Array };
  beforeAll(async () => {
    let files: { name: string; bytes: Uint8Array }[];
    ({ tdb, t, actor, files } = await importPractice(engine, 'Choices'));
    await importFiles(t.ctx, actor.practiceId, files);
    courses = files.find((f) => f.name === 'courses.json')!;
  }, 180_000);
  afterAll(async () => tdb?.close());

  /** The choices as a scan of every course of the practice gives them. */
  async function scanned() {
    const payers = await sql<{ v: string }>`select distinct coalesce(payer_name, payer_profile) as v
      from courses where practice_id = ${actor.practiceId} order by 1`.execute(t.ctx.db);
    const physicians = await sql<{ v: string }>`select distinct physician_id as v
      from courses where practice_id = ${actor.practiceId} order by 1`.execute(t.ctx.db);
    return { payers: payers.rows.map((r) => r.v), physicians: physicians.rows.map((r) => r.v) };
  }

  it('lists the distinct payers and physicians of the courses, before and after an import adds a payer', async () => {
    const first = await worklistChoices(t.ctx, actor);
    expect(first.payers.length).toBeGreaterThan(0);
    expect({ payers: first.payers, physicians: first.physicians.map((p) => p.id) }).toEqual(await scanned());

    const payer = 'Synthetic Regional HMO';
    expect(first.payers).not.toContain(payer);
    const headers = JSON.parse(new TextDecoder().decode(courses.bytes)) as { payer: { name: string } }[];
    headers[0]!.payer.name = payer;
    await importFiles(t.ctx, actor.practiceId, [
      { name: 'courses-2.json', bytes: new TextEncoder().encode(JSON.stringify(headers, null, 2)) },
    ]);
    const second = await worklistChoices(t.ctx, actor);
    expect(second.payers).toContain(payer);
    expect({ payers: second.payers, physicians: second.physicians.map((p) => p.id) }).toEqual(
      await scanned(),
    );
  });
});
