import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DraftedLetters,
  LetterTemplateView,
  LetterView,
  Page,
  RemitLineView,
} from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

/** The letter routes' bodies, files and errors (roles and tenancy: route-roles, tenancy). */
describe.each(ENGINES)('letter routes on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  let biller: Session;
  let lineId: string;
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    biller = await h.session(h.a, 'biller');
    const line = await h.db.db
      .selectFrom('remit_lines')
      .select('id')
      .where('practice_id', '=', h.a.practiceId)
      .executeTakeFirstOrThrow();
    lineId = line.id;
    // The treating physician (DR-SYN-01) in the billing settings: a letter without its signer is not
    // ready, and a letter not ready has no packet.
    await h.db.db
      .updateTable('practices')
      .set({ billing: JSON.stringify(DEMO_BILLING) })
      .where('id', '=', h.a.practiceId)
      .execute();
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it.each([
    [{}],
    [{ remitLineIds: [] }],
    [{ remitLineIds: ['12', 'x'] }],
    [{ type: 'appeal-of-everything', courseId: 'c' }],
    [{ type: 'peer-to-peer' }],
    [{ remitLineIds: ['1'], type: 'peer-to-peer', courseId: 'c' }],
  ])('POST /api/letters refuses %j with 400', async (json) => {
    const res = await h.request('POST', '/api/letters', { session: biller, json });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('drafts, edits and downloads a letter with a file name free of patient data', async () => {
    const created = await h.request('POST', '/api/letters', {
      session: biller,
      json: { remitLineIds: [lineId] },
    });
    expect(created.status).toBe(200);
    const {
      letters: [letter],
    } = (await created.json()) as DraftedLetters;
    expect(letter).toMatchObject({ type: 'appeal-downcode', remitLineId: lineId, status: 'draft' });

    const put = await h.request('PUT', `/api/letters/${letter!.id}`, {
      session: biller,
      json: { body: 'Edited.', status: 'final' },
    });
    expect(put.status).toBe(200);
    expect((await put.json()) as LetterView).toMatchObject({ body: 'Edited.', status: 'final' });
    const empty = await h.request('PUT', `/api/letters/${letter!.id}`, { session: biller, json: {} });
    expect(empty.status).toBe(400);

    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const res = await h.request('GET', `/api/letters/${letter!.id}/file?format=${format}`, {
        session: biller,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="appeal-downcode-${letter!.id}.${format}"`,
      );
    }
    const packet = await h.request('GET', `/api/letters/${letter!.id}/packet`, { session: biller });
    expect(packet.status).toBe(200);
    expect(packet.headers.get('content-type')).toBe('application/pdf');
    expect(packet.headers.get('content-disposition')).toBe(
      `attachment; filename="appeal-downcode-${letter!.id}-packet.pdf"`,
    );
    expect(
      Buffer.from(await packet.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const bad = await h.request('GET', `/api/letters/${letter!.id}/file?format=odt`, { session: biller });
    expect(bad.status).toBe(400);
  });

  // One answer for the list and the batch (lineLetterRefusal): a line answered by a corrected claim (837
  // CLM05-3 7) or one whose category has no letter is refused with why; the other lines are drafted.
  it('drafts the lines of a batch that can have a letter and lists the refused ones with their reason', async () => {
    const seeded = await h.db.db
      .selectFrom('remit_lines')
      .selectAll()
      .where('id', '=', lineId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = seeded;
    const add = async (
      lineNo: number,
      change: Partial<Pick<typeof copy, 'category' | 'queue' | 'carcs' | 'next_action'>>,
    ) =>
      (
        await h.db.db
          .insertInto('remit_lines')
          .values({
            ...copy,
            billed_cents: Number(copy.billed_cents),
            paid_cents: 0,
            allowed_cents: Number(copy.allowed_cents),
            expected_cents: Number(copy.expected_cents),
            line_no: lineNo,
            ...change,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const zeroPaid = await add(20, { category: 'zero-paid-no-denial-code', queue: 'payer-reprocess' });
    const corrected = await add(21, {
      category: 'other-denial',
      queue: 'corrected-claim',
      carcs: 'CO-4',
      next_action:
        'Correct the code, modifier, diagnosis or identifier the reason names and send a corrected claim.',
    });
    const underpaid = await add(22, { category: 'underpaid', queue: 'underpayment-dispute' });

    const lines = await h.request('GET', '/api/remittances/lines?limit=500', { session: biller });
    const items = ((await lines.json()) as Page<RemitLineView>).items;
    const letterOf = (id: string) => items.find((l) => l.id === id)!.letter;
    expect(letterOf(zeroPaid)).toEqual({ type: 'appeal-zero-payment', refusal: null });
    expect(letterOf(corrected)).toEqual({
      type: 'peer-to-peer',
      refusal: expect.stringMatching(/^a corrected claim answers this line, not a letter: Correct the code/),
    });
    expect(letterOf(underpaid)).toBeNull();

    const res = await h.request('POST', '/api/letters', {
      session: biller,
      json: { remitLineIds: [corrected, zeroPaid, underpaid] },
    });
    expect(res.status).toBe(200);
    const { letters, refused } = (await res.json()) as DraftedLetters;
    expect(letters.map((l) => [l.type, l.remitLineId])).toEqual([['appeal-zero-payment', zeroPaid]]);
    expect(refused).toEqual([
      { remitLineId: corrected, location: 'remitLineIds[0]', reason: letterOf(corrected)!.refusal },
      {
        remitLineId: underpaid,
        location: 'remitLineIds[2]',
        reason: 'no letter for a line in category underpaid',
      },
    ]);
  });

  // A letter drafted before the chart could support it (here: no signing physician in the billing
  // settings) is drafted again when asked again, in place; an edited or final one only on request.
  it('drafts a not-ready letter again from the chart, in place, and redrafts an edited one only when asked', async () => {
    const billing = (settings: object) =>
      h.db.db
        .updateTable('practices')
        .set({ billing: JSON.stringify(settings) })
        .where('id', '=', h.a.practiceId)
        .execute();
    const seeded = await h.db.db
      .selectFrom('remit_lines')
      .selectAll()
      .where('id', '=', lineId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = seeded;
    const add = async (lineNo: number) =>
      (
        await h.db.db
          .insertInto('remit_lines')
          .values({
            ...copy,
            billed_cents: Number(copy.billed_cents),
            paid_cents: Number(copy.paid_cents),
            allowed_cents: Number(copy.allowed_cents),
            expected_cents: Number(copy.expected_cents),
            line_no: lineNo,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const draft = async (id: string) => {
      const res = await h.request('POST', '/api/letters', { session: biller, json: { remitLineIds: [id] } });
      expect(res.status).toBe(200);
      return (await res.json()) as DraftedLetters;
    };
    const redraft = (id: string) => h.request('POST', `/api/letters/${id}/redraft`, { session: biller });
    const put = (id: string, json: object) =>
      h.request('PUT', `/api/letters/${id}`, { session: biller, json });
    try {
      const [untouched, edited] = [await add(30), await add(31)];
      await billing({});
      const first = await draft(untouched);
      const mine = (await draft(edited)).letters[0]!;
      expect([first.letters[0]!.ready, mine.ready]).toEqual([false, false]);
      h.t.clock.advance(60_000); // the user edits it a minute later
      expect((await put(mine.id, { body: 'My own notes.' })).status).toBe(200);
      await billing(DEMO_BILLING);

      const again = await draft(untouched);
      expect(again.letters.map((l) => [l.id, l.ready])).toEqual([[first.letters[0]!.id, true]]);
      expect(again.covered).toEqual([
        expect.objectContaining({
          letterId: first.letters[0]!.id,
          reason: expect.stringMatching(
            /already has its appeal-downcode letter: it was not ready: drafted again from the chart, in place$/,
          ),
        }),
      ]);
      // The edited one is given back as it is; the explicit action drafts it again, same id.
      const kept = await draft(edited);
      expect(kept.letters.map((l) => [l.id, l.ready])).toEqual([[mine.id, false]]);
      expect(kept.covered[0]!.reason).toMatch(/given back, not drafted again$/);
      const res = await redraft(mine.id);
      expect(res.status).toBe(200);
      const redrafted = (await res.json()) as LetterView;
      expect([redrafted.id, redrafted.ready, redrafted.status]).toEqual([mine.id, true, 'draft']);
      expect(redrafted.body).not.toBe('My own notes.');
      // A final letter is the one sent: set it back to draft first.
      expect((await put(mine.id, { status: 'final' })).status).toBe(200);
      const final = await redraft(mine.id);
      expect(final.status).toBe(409);
      expect(await final.json()).toMatchObject({ error: { message: expect.stringMatching(/final/) } });
      expect((await redraft('no-such-letter')).status).toBe(404);
    } finally {
      await billing(DEMO_BILLING);
    }
  });

  it('saves template versions and answers unknown placeholders with their line and column', async () => {
    const bad = await h.request('PUT', '/api/letter-templates/appeal-downcode', {
      session: biller,
      json: { text: 'Dear reviewer,\n{{nope}}' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_input', issues: [{ location: 'template:2:1' }] },
    });
    const good = await h.request('PUT', '/api/letter-templates/appeal-downcode', {
      session: biller,
      json: { text: 'Dear reviewer,\n\n{{date}}' },
    });
    expect(good.status).toBe(200);
    const view = (await good.json()) as LetterTemplateView;
    expect(view.versions.map((v) => v.version)).toEqual([1, 0]);
    const unknown = await h.request('GET', '/api/letter-templates/no-such-type', { session: biller });
    expect(unknown.status).toBe(400);
  });
});
