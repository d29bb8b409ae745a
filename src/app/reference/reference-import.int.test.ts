import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { CMS_FIXTURE_DIR, CMS_RELEASE_FILES } from '../../../test/support/cms-fixtures.js';
import { seededActor, seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { remitClaim, remitLine } from '../../../test/support/remit-builder.js';
import { testContext } from '../../../test/support/test-context.js';
import type { Remittance } from '../../core/model/remittance.js';
import type { Actor, AppContext } from '../app-context.js';
import { setChargeStatus } from '../commands/charge-status.js';
import { InputError } from '../engine-context.js';
import { replaceRemittances } from '../../../test/support/stored-remittances.js';
import * as contractRatesUnique from '../../storage/migrations/0016-contract-rates-unique.js';
import { importReferenceFiles, MAX_CONTRACT_ROWS, type ReferenceFile } from './reference-import.js';
import {
  addContractRate,
  contractRates,
  expectedRateFor,
  listReleases,
  savePayerSetting,
  setLocality,
} from './reference-settings.js';

const fixture = async (name: string): Promise<ReferenceFile> => ({
  name,
  bytes: new Uint8Array(await readFile(`${CMS_FIXTURE_DIR}/${name}`)),
});
const text = (name: string, body: string): ReferenceFile => ({ name, bytes: new TextEncoder().encode(body) });
const Q1 = { year: 2026, quarter: 1 } as const;

const problemsOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).problems;
};

/**
 * Issue #5 "Reference data": CMS files and contract rates imported atomically and idempotently; the
 * expected amount by basis; release blocked by NCCI edits; appeal-by from the payer's window.
 */
describe.each(ENGINES)('reference data on %s', { timeout: 60_000 }, (engine) => {
  let tdb: TestDatabase;
  let ctx: AppContext;
  let p: SeededPractice;
  let admin: Actor;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    ctx = (await testContext(tdb)).ctx;
    p = await seedPractice(tdb.db, 'A');
    admin = seededActor(p, 'admin');
  }, 60_000);
  afterAll(() => tdb?.close());

  const counts = async () => Object.fromEntries((await listReleases(ctx)).map((r) => [r.id, r.rows]));

  it('refuses an unknown layout with its file and line, and the headers expected; nothing is stored', async () => {
    const problems = await problemsOf(
      importReferenceFiles(
        ctx,
        null,
        [await fixture('GPCI2026_SYNTH.csv'), text('odd.csv', 'title\nHCPCS,Whatever,Else\n77412,1,2\n')],
        Q1,
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        location: 'odd.csv:line 2',
        message: expect.stringMatching(
          /^unknown layout: closest to the .* table, but .* not found \(expected one of: PPRRVU, GPCI/,
        ),
      }),
    ]);
    expect(await counts()).toEqual({});
  });

  it('imports every CMS fixture into its release; the same files again change nothing', async () => {
    const files = await Promise.all(CMS_RELEASE_FILES.map(fixture));
    const first = await importReferenceFiles(ctx, null, files, Q1);
    expect(first.releases.sort()).toEqual(['NCCI-PRA26A', 'OPPS26A', 'RVU26A']);
    const before = await counts();
    expect(before['RVU26A']).toMatchObject({ gpcis: 4, localities: 4 });
    expect(before['NCCI-PRA26A']).toEqual({ ptp: 6, mue: 5 });
    await importReferenceFiles(ctx, null, files, Q1);
    expect(await counts()).toEqual(before);
    const releases = await listReleases(ctx);
    expect(releases.find((r) => r.id === 'RVU26A')).toMatchObject({
      kind: 'mpfs',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    });
  });

  it('is atomic: a bad row in one file stores nothing of the others', async () => {
    const before = await counts();
    const bad = text(
      'MUE_bad.csv',
      'HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n77412,2,3 Clinical\n77407,two,3 Clinical\n',
    );
    const gpci = text('GPCI_new.csv', 'MAC,Locality Number,PW GPCI,PE GPCI,MP GPCI\n99903,01,1.0,1.0,1.0\n');
    const problems = await problemsOf(importReferenceFiles(ctx, null, [gpci, bad], Q1));
    expect(problems[0]).toMatchObject({
      location: 'MUE_bad.csv:line 3, column "Practitioner Services MUE Values"',
    });
    expect(await counts()).toEqual(before);
  });

  it('replaces a release table on re-import (rows no longer in the file are gone)', async () => {
    await importReferenceFiles(
      ctx,
      null,
      [text('MUE_PRACTITIONER_2026Q1.csv', 'HCPCS,MUE Values,MAI\n77412,2,3\n77407,2,3\n')],
      Q1,
    );
    expect((await counts())['NCCI-PRA26A']).toEqual({ ptp: 6, mue: 2 });
    await importReferenceFiles(ctx, null, [await fixture('MUE_PRACTITIONER_2026Q1_SYNTH.csv')], Q1);
    expect((await counts())['NCCI-PRA26A']).toEqual({ ptp: 6, mue: 5 });
  });

  it('locates contract-rate CSV errors and stores none of the file', async () => {
    const csv =
      'payer,code,modifier,rate,effective_from,effective_to\nUHC,77412,,450.00,2026-01-01,\nUHC,7741,XX,abc,2026-13-01,\n';
    const problems = await problemsOf(importReferenceFiles(ctx, p.practiceId, [text('rates.csv', csv)], Q1));
    expect(problems.map((x) => x.location)).toEqual([
      'rates.csv:line 3, column "code"',
      'rates.csv:line 3, column "modifier"',
      'rates.csv:line 3, column "rate"',
      'rates.csv:line 3, column "effective_from"',
    ]);
    expect(problems.map((x) => x.message).join(' ')).not.toContain('abc');
    expect(
      (await ctx.db.selectFrom('contract_rates').selectAll().where('payer', '=', 'UHC').execute()).length,
    ).toBe(0);
  });

  it('refuses a contract-rate CSV over MAX_CONTRACT_ROWS rows unread, stores none of it', async () => {
    const rows = Array.from(
      { length: MAX_CONTRACT_ROWS + 1 },
      (_, i) => `Big,${77000 + (i % 1000)},,1.00,2026-01-0${1 + (Math.floor(i / 1000) % 9)},`,
    );
    const csv = `payer,code,modifier,rate,effective_from,effective_to\n${rows.join('\n')}\n`;
    const problems = await problemsOf(importReferenceFiles(ctx, p.practiceId, [text('big.csv', csv)], null));
    expect(problems).toEqual([
      {
        location: 'big.csv',
        message: expect.stringMatching(/^over 50000 rows: more than a practice's contracts hold/),
      },
    ]);
    expect(
      (await ctx.db.selectFrom('contract_rates').selectAll().where('payer', '=', 'Big').execute()).length,
    ).toBe(0);
  });

  it('answers the expected amount by basis: national table, Medicare locality, contract', async () => {
    const q = {
      code: '77412',
      modifiers: [],
      payer: 'UHC',
      placeOfService: '11',
      dateOfService: '2026-03-02',
    };
    expect(await expectedRateFor(ctx, admin, q)).toMatchObject({ basis: 'national', cents: 39146 });
    await setLocality(ctx, admin, { carrier: '99901', locality: '1' });
    expect(await expectedRateFor(ctx, admin, q)).toMatchObject({
      basis: 'medicare',
      label: 'medicare locality 99901-01 (RVU26A)',
    });
    const csv = 'payer,code,modifier,rate,effective_from,effective_to\nUHC,77412,,450.00,2026-01-01,\n';
    await importReferenceFiles(ctx, p.practiceId, [text('rates.csv', csv)], Q1);
    await importReferenceFiles(ctx, p.practiceId, [text('rates.csv', csv)], Q1);
    expect(
      (await ctx.db.selectFrom('contract_rates').selectAll().where('payer', '=', 'UHC').execute()).length,
    ).toBe(1);
    expect(await expectedRateFor(ctx, admin, q)).toMatchObject({
      basis: 'contract',
      cents: 45000,
      label: 'contract (UHC)',
    });
    expect(await expectedRateFor(ctx, admin, { ...q, dateOfService: '2025-12-31' })).toMatchObject({
      basis: 'national',
    });
    await addContractRate(ctx, admin, {
      payer: 'UHC',
      code: '77412',
      modifier: '',
      cents: 46000,
      effectiveFrom: '2026-03-01',
    });
    expect(await expectedRateFor(ctx, admin, q)).toMatchObject({ cents: 46000 });
  });

  it('keeps one row when the same contract rate is written concurrently (upsert on the unique key)', async () => {
    const rate = { payer: 'Aetna', code: '77407', modifier: '' as const, effectiveFrom: '2026-02-01' };
    // Each write is its own transaction; on PostgreSQL they run at once on the pool's connections.
    await Promise.all(
      [31000, 31100, 31200, 31300, 31400, 31500].map((cents) =>
        addContractRate(ctx, admin, { ...rate, cents }),
      ),
    );
    const rows = (await contractRates(ctx, admin)).filter((r) => r.payer === 'Aetna');
    expect(rows).toHaveLength(1);
    expect([31000, 31100, 31200, 31300, 31400, 31500]).toContain(rows[0]!.cents);
  });

  it('migration 0016 keeps one of the rows already repeated, then refuses a repeat', async () => {
    await contractRatesUnique.down(ctx.db);
    const row = (id: string, cents: number) => ({
      id,
      practice_id: p.practiceId,
      payer: 'Cigna',
      code: '77412',
      modifier: '',
      cents,
      effective_from: '2026-01-01',
      effective_to: null,
    });
    await ctx.db
      .insertInto('contract_rates')
      .values([row('dup-a', 1), row('dup-b', 2), row('dup-c', 3)])
      .execute();
    await contractRatesUnique.up(ctx.db);
    const left = await ctx.db
      .selectFrom('contract_rates')
      .select('id')
      .where('payer', '=', 'Cigna')
      .execute();
    expect(left.map((r) => r.id)).toEqual(['dup-c']);
    await expect(ctx.db.insertInto('contract_rates').values(row('dup-d', 4)).execute()).rejects.toThrow();
  });

  describe('release with the NCCI edits', () => {
    const ready = async (code: string, units: number, id: string) => {
      await ctx.db.updateTable('fractions').set({ status: 'ready' }).where('id', '=', p.fractionId).execute();
      await ctx.db.deleteFrom('charge_status_history').where('charge_id', 'like', `${p.chargeId}%`).execute();
      await ctx.db
        .updateTable('charges')
        .set({ status: 'ready', units: 1 })
        .where('id', '=', p.chargeId)
        .execute();
      await ctx.db
        .insertInto('charges')
        .values({
          id,
          practice_id: p.practiceId,
          fraction_id: p.fractionId,
          code,
          modifiers: '',
          units,
          expected_cents: null,
          status: 'ready',
          reason: null,
          updated_at: new Date(),
        })
        .execute();
    };
    const coder = (): Actor => ({ ...admin, userId: p.users.coder.id, role: 'coder' });
    const drop = (id: string) => ctx.db.deleteFrom('charges').where('id', '=', id).execute();

    it('skips a fraction whose lines fail a PTP edit (77412 with 77407, indicator 0), releasing nothing of it', async () => {
      await ready('77407', 1, `${p.chargeId}-ptp`);
      const r = await setChargeStatus(ctx, coder(), { fractionIds: [p.fractionId], action: 'release' });
      expect(r.changed).toBe(0);
      expect(r.skipped).toEqual([
        {
          fractionId: p.fractionId,
          reason: expect.stringMatching(/^EDIT-001: 77407 is not paid with 77412 .* Fix: /),
        },
      ]);
      const statuses = await ctx.db
        .selectFrom('charges')
        .select('status')
        .where('fraction_id', '=', p.fractionId)
        .execute();
      expect(statuses.map((s) => s.status)).toEqual(['ready', 'ready']);
      await drop(`${p.chargeId}-ptp`);
    });

    it('skips a fraction over the MUE (77402 × 3 a day, MUE 2)', async () => {
      await ready('77402', 3, `${p.chargeId}-mue`);
      // 77402 and 77412 are also a PTP pair: the MUE is checked on its own lines.
      await ctx.db.updateTable('charges').set({ status: 'void' }).where('id', '=', p.chargeId).execute();
      const r = await setChargeStatus(ctx, coder(), { fractionIds: [p.fractionId], action: 'release' });
      expect(r).toMatchObject({
        changed: 0,
        skipped: [{ reason: expect.stringMatching(/^EDIT-002: 77402: 3 units/) }],
      });
      await drop(`${p.chargeId}-mue`);
    });

    it('releases as before when the lines pass', async () => {
      await ready('77387', 1, `${p.chargeId}-ok`);
      const r = await setChargeStatus(ctx, coder(), { fractionIds: [p.fractionId], action: 'release' });
      expect(r).toEqual({ changed: 2, skipped: [] });
    });
  });

  it("sets appeal_by from the payer's window (90 days), else 180", async () => {
    await savePayerSetting(ctx, admin, { payer: 'Payer Ninety', appealDays: 90 });
    const remittance = (payer: string, trace: string): Remittance => ({
      traceNumber: trace,
      payerTraceId: null,
      totalPaidCents: 0,
      handling: null,
      paymentDate: '2026-03-20',
      payer: { name: payer, id: null },
      payee: { name: null, npi: null, taxId: null },
      claims: [
        remitClaim({
          patientControlNumber: 'C-UNKNOWN-202603',
          chargeCents: 100,
          paidCents: 100,
          payerClaimControlNumber: null,
          facilityType: null,
          statementFrom: null,
          statementTo: null,
          lines: [remitLine({ chargeCents: 100, paidCents: 100, location: 'x' })],
          location: 'x',
        }),
      ],
      providerAdjustments: [],
      location: 'x',
    });
    await ctx.db.transaction().execute((trx) =>
      replaceRemittances(
        ctx,
        trx,
        p.practiceId,
        [
          { source: 'a.835', remittance: remittance('payer ninety', 'T1') },
          { source: 'b.835', remittance: remittance('Another Payer', 'T2') },
        ],
        '11',
      ),
    );
    const rows = await ctx.db
      .selectFrom('remit_lines')
      .select(['payer', 'appeal_by'])
      .where('practice_id', '=', p.practiceId)
      .orderBy('payer')
      .execute();
    expect(rows).toEqual([
      { payer: 'Another Payer', appeal_by: '2026-09-16' },
      { payer: 'payer ninety', appeal_by: '2026-06-18' },
    ]);
    // A window changed later moves the stored appeal-by dates at once.
    await savePayerSetting(ctx, admin, { payer: 'ANOTHER PAYER', appealDays: 30 });
    const after = await ctx.db
      .selectFrom('remit_lines')
      .select(['payer', 'appeal_by'])
      .where('practice_id', '=', p.practiceId)
      .orderBy('payer')
      .execute();
    expect(after.map((r) => r.appeal_by)).toEqual(['2026-04-19', '2026-06-18']);
  });
});
