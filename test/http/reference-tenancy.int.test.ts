import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CmsReleaseView,
  ExpectedRateView,
  LocalityView,
  PayerSettingView,
} from '../../src/app/views.js';
import { CMS_FIXTURE_DIR, CMS_RELEASE_FILES } from '../support/cms-fixtures.js';
import { ENGINES } from '../support/db-harness.js';
import type { SeededPractice } from '../support/seed-rows.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

const fixture = (name: string) => readFile(`${CMS_FIXTURE_DIR}/${name}`, 'utf8');
const form = (files: { name: string; text: string }[]) => {
  const f = new FormData();
  for (const { name, text } of files) f.append('files', new File([new TextEncoder().encode(text)], name));
  return f;
};
/** The PPRRVU fixture with other RVUs for 77412 (non-facility PE 13.60 → 99.00). */
const otherRvus = async () => ({
  name: 'PPRRVU26_SYNTH.csv',
  text: (await fixture('PPRRVU26_SYNTH.csv')).replace(
    '"0.00","13.60","","13.60"',
    '"0.00","99.00","","99.00"',
  ),
});
/** The PTP fixture with a new pair: 77387 is not paid with 77412 (modifier indicator 0). */
const newPair = async () => ({
  name: 'PTP_PRACTITIONER_2026Q1_SYNTH.txt',
  text: `${await fixture('PTP_PRACTITIONER_2026Q1_SYNTH.txt')}77412\t77387\t\t20260101\t*\t0\tSynthetic new pair\n`,
});
const RVU_QUERY = '/api/reference/expected?code=77412&payer=UHC&placeOfService=11&dateOfService=2026-03-02';
const Q1 = '?year=2026&quarter=1';

/**
 * CMS reference data is installation-wide and only the installation operator loads it; a practice's
 * locality, payer settings and contract rates are its own. A second practice's admin and biller can
 * neither change nor see the effect on the first practice's prices, NCCI edits or release results; the
 * operator can.
 */
describe.each(ENGINES)('reference data across practices on %s', { timeout: 60_000 }, (engine) => {
  let h: HttpHarness;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    for (const [key, practice, role] of [
      ['aOperator', h.a, 'operator'],
      ['aAdmin', h.a, 'admin'],
      ['aCoder', h.a, 'coder'],
      ['aViewer', h.a, 'viewer'],
      ['bOperator', h.b, 'operator'],
      ['bAdmin', h.b, 'admin'],
      ['bBiller', h.b, 'biller'],
    ] as const)
      s[key] = await h.session(practice, role);
    // The installation's releases, loaded by A's operator; A prices in locality 99901-01.
    const files = await Promise.all(
      CMS_RELEASE_FILES.map(async (name) => ({ name, text: await fixture(name) })),
    );
    const loaded = await h.request('POST', `/api/reference/import${Q1}`, {
      session: s.aOperator,
      form: form(files),
    });
    expect(loaded.status).toBe(200);
    const locality = await h.request('PUT', '/api/reference/locality', {
      session: s.aAdmin,
      json: { carrier: '99901', locality: '01' },
    });
    expect(locality.status).toBe(200);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  const get = async <T>(path: string, session: Session) => {
    const res = await h.request('GET', path, { session });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const aExpected = () => get<ExpectedRateView>(RVU_QUERY, s.aAdmin!);
  const releases = () => get<CmsReleaseView[]>('/api/reference/releases', s.aViewer!);
  const repriceJobs = async (p: SeededPractice) =>
    (
      await h.db.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'reprice')
        .where('practice_id', '=', p.practiceId)
        .execute()
    ).length;
  /** A's fraction ready to release: its 77412 and a 77387 of the same day. */
  const readyToRelease = async () => {
    const db = h.db.db;
    await db.updateTable('fractions').set({ status: 'ready' }).where('id', '=', h.a.fractionId).execute();
    await db.deleteFrom('charges').where('id', '=', `${h.a.chargeId}-igrt`).execute();
    await db.updateTable('charges').set({ status: 'ready' }).where('id', '=', h.a.chargeId).execute();
    await db
      .insertInto('charges')
      .values({
        id: `${h.a.chargeId}-igrt`,
        practice_id: h.a.practiceId,
        fraction_id: h.a.fractionId,
        code: '77387',
        modifiers: '',
        units: 1,
        expected_cents: null,
        status: 'ready',
        reason: null,
        updated_at: new Date(),
      })
      .execute();
  };
  const releaseA = async () => {
    const res = await h.request('POST', '/api/charges/release', {
      session: s.aCoder,
      json: { fractionIds: [h.a.fractionId] },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { changed: number; skipped: { reason: string }[] };
  };

  it('shows every role of every practice the releases: which is in force, loaded when and by whom', async () => {
    const rvu = (await releases()).find((r) => r.id === 'RVU26A');
    expect(rvu).toMatchObject({ inForce: true, importedBy: 'operator A', importedAt: expect.any(String) });
    const viewerB = await h.session(h.b, 'viewer');
    expect((await get<CmsReleaseView[]>('/api/reference/releases', viewerB)).map((r) => r.id)).toContain(
      'RVU26A',
    );
    expect(await aExpected()).toMatchObject({ basis: 'medicare' });
  });

  it.each(['bAdmin', 'bBiller'])(
    "refuses %s's CMS files with 403 on both uploads; A's prices, edits and releases stay as they were",
    async (who) => {
      const before = {
        expected: await aExpected(),
        releases: await releases(),
        jobs: await repriceJobs(h.a),
      };
      for (const file of [await otherRvus(), await newPair()]) {
        for (const path of [`/api/reference/import${Q1}`, '/api/contract-rates/import']) {
          const res = await h.request('POST', path, { session: s[who], form: form([file]) });
          const body = (await res.json()) as { error: { code: string; message: string } };
          expect([path, res.status, body.error.code]).toEqual([path, 403, 'forbidden']);
          expect(body.error.message).toContain('only the installation operator loads them');
        }
      }
      expect(await aExpected()).toEqual(before.expected);
      expect(await releases()).toEqual(before.releases);
      expect(await repriceJobs(h.a)).toBe(before.jobs);
    },
  );

  it("keeps B's locality, payer settings and contract rates out of A's prices and settings", async () => {
    const before = {
      expected: await aExpected(),
      locality: await get<LocalityView>('/api/reference/locality', s.aAdmin!),
      payers: await get<PayerSettingView[]>('/api/payer-settings', s.aAdmin!),
      jobs: await repriceJobs(h.a),
    };
    // One after the other: the contract CSV replaces the rate the form added (same payer, code, start).
    const changes = [
      () =>
        h.request('PUT', '/api/reference/locality', {
          session: s.bBiller,
          json: { carrier: '99902', locality: '00' },
        }),
      () =>
        h.request('PUT', '/api/payer-settings', {
          session: s.bBiller,
          json: { payer: 'UHC', appealDays: 30 },
        }),
      () =>
        h.request('POST', '/api/contract-rates', {
          session: s.bBiller,
          json: { payer: 'UHC', code: '77412', modifier: '', cents: 1, effectiveFrom: '2026-01-01' },
        }),
      () =>
        h.request('POST', '/api/contract-rates/import', {
          session: s.bAdmin,
          form: form([
            {
              name: 'rates.csv',
              text: 'payer,code,modifier,rate,effective_from,effective_to\nUHC,77412,,2.00,2026-01-01,\n',
            },
          ]),
        }),
    ];
    for (const change of changes) expect((await change()).status).toBe(200);
    expect(await get<ExpectedRateView>(RVU_QUERY, s.bAdmin!)).toMatchObject({
      basis: 'contract',
      cents: 200,
    });
    expect(await aExpected()).toEqual(before.expected);
    expect(await get<LocalityView>('/api/reference/locality', s.aAdmin!)).toEqual(before.locality);
    expect(await get<PayerSettingView[]>('/api/payer-settings', s.aAdmin!)).toEqual(before.payers);
    expect(await repriceJobs(h.a)).toBe(before.jobs);
  });

  it("releases A's fraction after B's refused PTP file; the operator's new pair then holds it back", async () => {
    const refusedUpload = await h.request('POST', `/api/reference/import${Q1}`, {
      session: s.bBiller,
      form: form([await newPair()]),
    });
    expect(refusedUpload.status).toBe(403);
    await readyToRelease();
    expect(await releaseA()).toEqual({ changed: 2, skipped: [] });
    const res = await h.request('POST', `/api/reference/import${Q1}`, {
      session: s.bOperator,
      form: form([await newPair()]),
    });
    expect(res.status).toBe(200);
    await readyToRelease();
    const refused = await releaseA();
    expect(refused.changed).toBe(0);
    expect(refused.skipped[0]?.reason).toMatch(/^EDIT-001: 77387 is not paid with 77412/);
  });

  it("lets the operator re-price every practice: A's expected amount follows, each practice gets a job", async () => {
    const before = await aExpected();
    await h.db.db.deleteFrom('jobs').where('kind', '=', 'reprice').execute();
    const res = await h.request('POST', `/api/reference/import${Q1}`, {
      session: s.bOperator,
      form: form([await otherRvus()]),
    });
    expect(res.status).toBe(200);
    const after = await aExpected();
    expect(after.basis).toBe('medicare');
    expect(after.cents).toBeGreaterThan(before.cents!);
    expect((await releases()).find((r) => r.id === 'RVU26A')).toMatchObject({ importedBy: 'operator B' });
    const queued = await h.db.db
      .selectFrom('jobs')
      .select('practice_id')
      .where('kind', '=', 'reprice')
      .where('status', '=', 'queued')
      .execute();
    expect(queued.map((j) => j.practice_id).sort()).toEqual([h.a.practiceId, h.b.practiceId]);
  });

  it('keys what a practice may change by practice_id; the CMS tables have none (installation-wide)', async () => {
    const columns = await h.db.db
      .selectFrom('information_schema.columns' as never)
      .select(['table_name' as never, 'column_name' as never, 'is_nullable' as never])
      .where('column_name' as never, '=', 'practice_id' as never)
      .execute();
    const keyed = new Map(
      (columns as { table_name: string; is_nullable: string }[]).map((c) => [c.table_name, c.is_nullable]),
    );
    for (const table of ['practice_localities', 'payer_settings', 'contract_rates', 'letter_templates'])
      expect([table, keyed.get(table)]).toEqual([table, 'NO']);
    for (const table of [
      'cms_releases',
      'cms_rvus',
      'cms_gpcis',
      'cms_localities',
      'cms_opps_rates',
      'cms_ptp_edits',
      'cms_mue_limits',
      'cms_icd10cm_codes',
    ])
      expect([table, keyed.has(table)]).toEqual([table, false]);
  });
});
