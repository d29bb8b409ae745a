import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS, openDemoPractice } from '../../../test/support/demo-harness.js';
import type { TestContext } from '../../../test/support/test-context.js';
import { DEFAULT_DELIMITERS } from '../../formats/x12/claim-types.js';
import { checkWritten837 } from '../../formats/x12/write-837-usage.js';
import { claimPreview } from '../claims/claim-batches.js';
import { demoActor } from './demo-claims.js';
import { DEMO_HOSPITAL_LOGINS, loadDemoHospital } from './demo-hospital.js';

const segments = (text: string) =>
  text
    .split(DEFAULT_DELIMITERS.segment)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The demo's hospital outpatient department (POS 22): its technical lines on an 837I (attending 2310A
 * NM1*71 + PRV*AT, Z51.0 first-listed then the cancer code, ICD-10-CM guideline I.C.2.e.2) and its -26
 * lines on an 837P (rendering 2310B NM1*82 + PRV*PE), each passing the guides' usage checks; loading it
 * leaves the first demo practice as it was.
 */
describe.each(ENGINES)('the demo hospital department on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let first: string;
  let hospital: string;
  let firstBefore: unknown;
  const batches = (practiceId: string) =>
    t.ctx.db
      .selectFrom('claim_batches')
      .select(['format', 'claim_count', 'file_text'])
      .where('practice_id', '=', practiceId)
      .orderBy('format')
      .execute();
  const numbers = async (practiceId: string) => ({
    claims: (await batches(practiceId)).map((b) => [b.format, b.claim_count]),
    categories: await t.ctx.db
      .selectFrom('remit_lines')
      .select(['category', (eb) => eb.fn.countAll<string>().as('lines')])
      .where('practice_id', '=', practiceId)
      .groupBy('category')
      .orderBy('category')
      .execute(),
  });

  beforeAll(async () => {
    ({ tdb, t, practiceId: first } = await openDemoPractice(engine));
    firstBefore = await numbers(first);
    const loaded = await loadDemoHospital(t.ctx);
    hospital = loaded.practiceId;
    expect(loaded.logins.map((l) => l.email)).toEqual(DEMO_HOSPITAL_LOGINS.map((l) => l.email));
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => tdb?.close());

  it('sends an 837I of technical lines with the attending provider and Z51.0 first-listed', async () => {
    const i = (await batches(hospital)).filter((b) => b.format === '837I');
    expect(i).toHaveLength(1);
    const text = i[0]!.file_text;
    expect(checkWritten837(text, '837I', DEFAULT_DELIMITERS)).toEqual([]);
    const segs = segments(text);
    expect(segs.some((s) => s.startsWith('PRV*BI*PXC*282N00000X'))).toBe(true);
    const attending = segs.flatMap((s, n) => (s.startsWith('NM1*71*') ? [segs[n + 1]] : []));
    expect(attending.length).toBe(i[0]!.claim_count);
    for (const prv of attending) expect(prv).toBe('PRV*AT*PXC*2085R0001X');
    // Principal diagnosis HI*ABK Z51.0, then the cancer code in the other-diagnoses HI*ABF [837I TR3 2300].
    const his = segs.filter((s) => s.startsWith('HI*'));
    expect(his).toEqual(
      Array.from({ length: i[0]!.claim_count }, () => [
        'HI*ABK:Z510',
        expect.stringMatching(/^HI\*ABF:C\d/),
      ]).flat(),
    );
    // Technical lines only: revenue codes, no -26.
    const lines = segs.filter((s) => s.startsWith('SV2*'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/:26(\*|:)/);
    // SBRT delivery is technical only (CLAIM-002): the facility bills its three 77373 charges here.
    expect(lines.filter((l) => l.startsWith('SV2*0333*HC:77373*'))).toHaveLength(3);
  });

  it('leaves no released charge unbilled', async () => {
    const preview = await claimPreview(t.ctx, demoActor(hospital, 'biller'));
    expect(preview.unbilled).toEqual([]);
    expect(preview.rows).toEqual([]);
  });

  it('sends an 837P of the -26 lines with the rendering physician', async () => {
    const p = (await batches(hospital)).filter((b) => b.format === '837P');
    expect(p).toHaveLength(1);
    const text = p[0]!.file_text;
    expect(checkWritten837(text, '837P', DEFAULT_DELIMITERS)).toEqual([]);
    const segs = segments(text);
    const lines = segs.filter((s) => s.startsWith('SV1*'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^SV1\*HC:77387:26\*/);
    for (const l of segs.filter((s) => s.startsWith('CLM*'))) expect(l.split('*')[5]).toBe('22:B:1');
    const rendering = segs.flatMap((s, n) => (s.startsWith('NM1*82*') ? [segs[n + 1]] : []));
    expect(rendering.length).toBe(p[0]!.claim_count);
    for (const prv of rendering) expect(prv).toBe('PRV*PE*PXC*2085R0001X');
  });

  it("leaves the first practice's claims and remittance categories as they were", async () => {
    expect(await numbers(first)).toEqual(firstBefore);
    expect((firstBefore as { claims: unknown }).claims).toEqual([['837P', 99]]);
    expect(await numbers(hospital)).toMatchObject({ categories: [] });
  });
});
