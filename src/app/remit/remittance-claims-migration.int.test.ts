import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { seedPractice } from '../../../test/support/seed-rows.js';
import { emptyRecords } from '../read/export-records.js';
import { paymentContent, paymentKey } from './repeated-payments.js';
import { courseKeysOf } from './remittance-store.js';
import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import { readRemittancesFromBytes } from '../../formats/x12/read-835.js';
import * as remittanceClaims from '../../storage/migrations/0025-remittance-claims.js';

/**
 * Migration 0025 moves the 835s imported before it from `imports.content` into `remittances` and
 * `remit_claims` as an import now stores them (`remittance-store.ts`): the same keys, a repeated payment
 * not counted, and empties the content kept elsewhere. Hand-written TR3-shaped 835 fixtures.
 */
describe.each(ENGINES)('migration 0025 on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it('keeps each stored payment and claim as an import stores them, and empties imports.content', async () => {
    const p = await seedPractice(tdb.db, 'M25');
    await remittanceClaims.down(tdb.db);
    const records: { file: string; content: ReturnType<typeof emptyRecords> }[] = [];
    for (const file of ['tr3-2026-04-worklist.835', 'tr3-2026-05-reversal.835']) {
      const bytes = new Uint8Array(await readFile(`test/fixtures/remit/${file}`));
      const content = emptyRecords();
      content.remittances = readRemittancesFromBytes(bytes, file).remittances.map((remittance) => ({
        source: file,
        remittance,
      }));
      records.push({ file, content });
    }
    // The second file again under another name (other bytes): its payments are repeats.
    records.push({ file: 'again.835', content: records[0]!.content });
    const imported = async (name: string, format: string, content: unknown, byPatient: boolean) =>
      (
        await tdb.db
          .insertInto('imports')
          .values({
            practice_id: p.practiceId,
            file_hash: name,
            file_name: name,
            format,
            status: 'imported',
            records: 1,
            problems: '[]',
            content: JSON.stringify(content),
            imported_at: '2026-05-01T12:00:00Z',
            by_patient: byPatient,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const ids: string[] = [];
    for (const r of records) ids.push(await imported(r.file, 'x12-835', r.content, true));
    const unsplit = await imported('courses.json', 'courses', emptyRecords(), false);
    await remittanceClaims.up(tdb.db);

    const payments = await tdb.db
      .selectFrom('remittances')
      .selectAll()
      .where('practice_id', '=', p.practiceId)
      .orderBy('import_id')
      .orderBy('payment_no')
      .execute();
    const expected = records.flatMap((r, i) =>
      r.content.remittances.map(({ source, remittance }, n) => ({
        import_id: ids[i],
        payment_no: n,
        source,
        payment_key: paymentKey(remittance),
        content_key: paymentContent(remittance),
        counted: i < 2,
        remittance: JSON.parse(JSON.stringify({ ...remittance, claims: undefined })),
      })),
    );
    expect(
      payments.map(({ practice_id: _p, ...row }) => ({ ...row, import_id: String(row.import_id) })),
    ).toEqual(expected);
    const claims = await tdb.db
      .selectFrom('remit_claims')
      .selectAll()
      .where('practice_id', '=', p.practiceId)
      .orderBy('import_id')
      .orderBy('payment_no')
      .orderBy('claim_no')
      .execute();
    const expectedClaims = records.flatMap((r, i) =>
      r.content.remittances.flatMap(({ remittance }, n) =>
        remittance.claims.map((claim, k) => ({
          import_id: ids[i],
          payment_no: n,
          claim_no: k,
          pcn: claim.patientControlNumber,
          control_number: claim.payerClaimControlNumber,
          authorization_key: claim.priorAuthorization ? authorizationKey(claim.priorAuthorization) : null,
          course_keys: [...courseKeysOf(claim.patientControlNumber)].sort(),
          claim: JSON.parse(JSON.stringify(claim)),
        })),
      ),
    );
    expect(claims.length).toBeGreaterThan(2);
    expect(
      claims.map(({ practice_id: _p, ...row }) => ({
        ...row,
        import_id: String(row.import_id),
        course_keys: [...row.course_keys].sort(),
      })),
    ).toEqual(expectedClaims);
    const contents = await tdb.db
      .selectFrom('imports')
      .select(['id', 'content'])
      .where('practice_id', '=', p.practiceId)
      .orderBy('id')
      .execute();
    // The file not yet split by patient keeps its content until the practice's next import splits it.
    expect(contents.map((c) => c.content === null)).toEqual([...ids.map(() => true), false]);
    expect(String(contents.at(-1)!.id)).toBe(String(unsplit));
  });
});
