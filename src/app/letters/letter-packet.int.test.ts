import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/golden/letters/extract-text.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS } from '../../../test/support/demo-harness.js';
import { LETTER_DEMO, letterDemoInstant, letterDemoPractice } from '../../../test/support/letter-demo.js';
import { testClock, testContext, type TestContext } from '../../../test/support/test-context.js';
import { APPEAL_LEVELS } from '../../core/letters/appeal-facts.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { createPractice } from '../setup/create-practice.js';
import { createLetters, letterFile } from './letter-commands.js';
import { letterPacket } from './letter-packet.js';

/**
 * Appeals carry the payer's claim number, level, deadline and enclosures, and download as one PDF packet
 * (the letter, then an evidence page per enclosure), on the demo clinic's generator and remittance.
 */
describe.each(ENGINES)('appeal packets from the demo clinic on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  let other: Actor;
  let practiceId = '';

  beforeAll(async () => {
    tdb = await openTestDatabase(engine, LETTER_DEMO);
    t = await testContext(tdb, testClock(letterDemoInstant()));
    const demo = await letterDemoPractice(tdb.db);
    practiceId = demo.practiceId;
    const base = { role: 'biller' as const, displayName: 'biller', physicianId: null };
    actor = { ...base, userId: 'u-a', practiceId };
    await tdb.db
      .insertInto('users')
      .values({
        id: actor.userId,
        practice_id: practiceId,
        email: 'biller@demo.test',
        display_name: 'biller',
        role: 'biller',
        password_hash: 'not used',
      })
      .execute();
    other = {
      ...base,
      userId: 'u-b',
      practiceId: await createPractice(t.ctx, { name: 'Other', clinic: demo.clinic }),
    };
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => tdb?.close());

  async function line(category: string) {
    return tdb.db
      .selectFrom('remit_lines as r')
      .innerJoin('courses as c', 'c.id', 'r.course_id')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .select(['r.id', 'r.claim_pcn', 'r.payer_claim_control_number', 'r.appeal_by', 'p.mrn', 'p.birth_date'])
      .where('r.practice_id', '=', practiceId)
      .where('r.category', '=', category)
      .orderBy('r.claim_pcn')
      .orderBy('r.line_no')
      .executeTakeFirstOrThrow();
  }

  async function pages(bytes: Uint8Array): Promise<number> {
    return (await getDocumentProxy(new Uint8Array(bytes))).numPages;
  }

  // The demo's downcoded line is a commercial plan's (CI); its 77387-26 denial is Medicare Part B's (MB).
  it.each([
    [
      'downcoded',
      'other',
      [/^SGRT monitoring record, fraction \d+/, /^Signed motion-management order/, /^Medical necessity/],
    ],
    ['igrt-professional-denied', 'medicare', [/^Image-guidance review, fraction \d+/]],
  ])(
    'the %s appeal names both claim numbers, level and deadline, lists its enclosures and packs a page for each',
    async (category, kind, expected) => {
      const l = await line(category);
      const {
        letters: [summary],
      } = await createLetters(t.ctx, actor, { remitLineIds: [l.id] });
      const { body } = (await tdb.db
        .selectFrom('letters')
        .select('body')
        .where('id', '=', summary!.id)
        .executeTakeFirstOrThrow()) as { body: string };
      expect(l.payer_claim_control_number).toBeTruthy();
      expect(body).toContain(
        `Payer's claim number: ${l.payer_claim_control_number} (our claim number ${l.claim_pcn})`,
      );
      const level = APPEAL_LEVELS[kind as keyof typeof APPEAL_LEVELS];
      expect(body).toContain(`Appeal level: ${level.name} (${level.basis})`);
      expect(body).toContain(`Appeal deadline: ${l.appeal_by}`);
      const listed = body
        .slice(body.indexOf('Enclosures:'))
        .split('\n')
        .slice(1)
        .map((x) => x.slice(2));
      for (const pattern of expected)
        expect(
          listed.some((x) => pattern.test(x)),
          `${pattern}`,
        ).toBe(true);
      expect(listed.at(-1)).toMatch(/^Remittance advice line: claim /);

      const letter = await letterFile(t.ctx, actor, summary!.id, 'pdf');
      const packet = await letterPacket(t.ctx, actor, summary!.id);
      expect(packet.filename).toBe(`${summary!.type}-${summary!.id}-packet.pdf`);
      expect(Buffer.from(packet.body.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(await pages(packet.body)).toBeGreaterThanOrEqual((await pages(letter.body)) + listed.length);
      const text = await pdfText(packet.body);
      expect(text).toContain("Payer's claim number:");
      const evidence = text.slice(text.indexOf('Enclosure 1 of'));
      listed.forEach((title, i) =>
        expect(evidence).toContain(`Enclosure ${i + 1} of ${listed.length}: ${title.slice(0, 30)}`),
      );
      expect(evidence).toContain('Source file');
      expect(evidence).not.toContain('not recorded in the imports');
      expect(text).not.toContain(l.mrn);
      if (l.birth_date) expect(evidence).not.toContain(l.birth_date);
    },
    120_000,
  );

  it('the monitoring page gives coverage per beam, thresholds and their source, and the signature against the next beam-on', async () => {
    const l = await line('downcoded');
    const {
      letters: [summary],
    } = await createLetters(t.ctx, actor, { remitLineIds: [l.id] });
    const text = await pdfText((await letterPacket(t.ctx, actor, summary!.id)).body);
    expect(text).toMatch(/Beam .+ \d\d:\d\d:\d\d-\d\d:\d\d:\d\d, \d+\.\d% monitored/);
    expect(text).toMatch(
      /thresholds .+ \((stated by the record|the record does not state them; from the (plan|order .+))\)/,
    );
    expect(text).toMatch(/(before|after)\sthe\snext\sbeam-on\s\(\d{4}-\d\d-\d\d\s\d\d:\d\d\sE[SD]T\)/);
    // The signer is named as the letter names physicians (billing settings), not by chart id.
    expect(text).not.toMatch(/DR-[A-Z0-9-]+ \(physician\)/);
    expect(text).toMatch(/,\sMD,\s\d{4}-\d\d-\d\d\s\d\d:\d\d\sE[SD]T,\s(before|after)\sthe/);
  }, 60_000);

  it('a letter whose remittance line was re-derived by an import still packs the line, found by its claim and date', async () => {
    const l = await line('downcoded');
    const {
      letters: [summary],
    } = await createLetters(t.ctx, actor, { remitLineIds: [l.id] });
    await tdb.db.updateTable('letters').set({ remit_line_id: null }).where('id', '=', summary!.id).execute();
    const text = await pdfText((await letterPacket(t.ctx, actor, summary!.id)).body);
    expect(text).toContain(`Remittance advice line: claim ${l.claim_pcn}`);
  }, 60_000);

  // A letter the chart cannot support yet is a "what to add first" sheet, not a letter to send: it is
  // not packed with the payer's records.
  it('a letter that is not ready does not download as a packet: refused with the reason', async () => {
    const l = await line('downcoded');
    const {
      letters: [summary],
    } = await createLetters(t.ctx, actor, { remitLineIds: [l.id] });
    await tdb.db.updateTable('letters').set({ ready: false }).where('id', '=', summary!.id).execute();
    const error = await letterPacket(t.ctx, actor, summary!.id).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).message).toMatch(/not ready to send.*what to add first/);
    await tdb.db.updateTable('letters').set({ ready: true }).where('id', '=', summary!.id).execute();
  }, 60_000);

  it("records the read, and another practice's letter is not found", async () => {
    const l = await line('downcoded');
    const {
      letters: [summary],
    } = await createLetters(t.ctx, actor, { remitLineIds: [l.id] });
    await letterPacket(t.ctx, actor, summary!.id);
    const logged = await tdb.db
      .selectFrom('access_log')
      .select('id')
      .where('route', '=', 'GET /api/letters/:id/packet')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
    const error = await letterPacket(t.ctx, other, summary!.id).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('not_found');
  }, 60_000);
});
