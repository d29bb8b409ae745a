import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { PHYSICIAN_ID } from '../../../test/support/course-builder.js';
import { seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { createLetters, getLetter, letterFile, listLetters, updateLetter } from './letter-commands.js';
import { resolveLetterTarget } from './letter-facts.js';
import { letterTypeFor } from './letter-for-category.js';
import { getTemplate, listTemplates, saveTemplate } from './letter-templates.js';
import { listRemitLines } from '../remit/remit-lines.js';

/**
 * Issue #6, letters in the application: drafts from remittance lines (one per line, all or nothing),
 * edits, files from the edited body, versioned practice templates, and tenancy, on each engine.
 */
describe.each(ENGINES)('letters on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let a: SeededPractice;
  let b: SeededPractice;
  const actor = (p: SeededPractice, role: Actor['role'] = 'biller'): Actor => ({
    userId: p.users[role].id,
    practiceId: p.practiceId,
    role,
    displayName: `${role} of ${p.practiceId}`,
    physicianId: null,
  });
  /** A's seeded downcoded line, and a line of a category that has no letter. */
  let downcoded: string;
  let underpaid: string;
  let zeroPaid: string;
  let authorizationDenied: string;
  /** A new line of A's, a copy of the seeded one in another category (on another claim or date). */
  let add: (
    category: string,
    lineNo: number,
    other?: { claim_pcn?: string; date_of_service?: string },
  ) => Promise<string>;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    t = await testContext(tdb);
    a = await seedPractice(tdb.db, 'a');
    b = await seedPractice(tdb.db, 'b');
    // The treating physician who signs the letters (billing settings physicians; synthetic NPI).
    const physicians = { [PHYSICIAN_ID]: { firstName: 'RITA', lastName: 'DOCTORFAKE', npi: '1999000015' } };
    await tdb.db
      .updateTable('practices')
      .set({ billing: JSON.stringify({ physicians }) })
      .where('id', '=', a.practiceId)
      .execute();
    const line = await tdb.db
      .selectFrom('remit_lines')
      .selectAll()
      .where('practice_id', '=', a.practiceId)
      .executeTakeFirstOrThrow();
    downcoded = line.id;
    const { id: _id, ...copy } = line;
    add = async (category, lineNo, other = {}) =>
      (
        await tdb.db
          .insertInto('remit_lines')
          .values({
            ...copy,
            ...other,
            billed_cents: Number(copy.billed_cents),
            paid_cents: category === 'underpaid' ? 20000 : 0,
            allowed_cents: Number(copy.allowed_cents),
            expected_cents: Number(copy.expected_cents),
            line_no: lineNo,
            category,
            code: '77412',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    underpaid = await add('underpaid', 2);
    zeroPaid = await add('zero-paid-no-denial-code', 3);
    authorizationDenied = await add('authorization-denial', 4);
  }, 60_000);
  afterAll(() => tdb?.close());

  const countLetters = async (p: SeededPractice) =>
    Number(
      (
        await tdb.db
          .selectFrom('letters')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('practice_id', '=', p.practiceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['downcoded', 'appeal-downcode'],
    ['igrt-professional-denied', 'appeal-igrt-denial'],
    ['authorization-2025', 'appeal-authorization-2025'],
    ['authorization-denial', 'retro-authorization'],
    ['zero-paid-no-denial-code', 'appeal-zero-payment'],
    ['other-denial', 'peer-to-peer'],
    ['underpaid', null],
    ['paid-as-expected', null],
    ['toString', null],
  ])('a %s line gets %s', (category, type) => {
    expect(letterTypeFor(category)).toBe(type);
  });

  it('drafts one letter per line in one request, typed by the line category', async () => {
    const before = await countLetters(a);
    const { letters: drafted, refused } = await createLetters(t.ctx, actor(a), {
      remitLineIds: [downcoded, zeroPaid],
    });
    expect(refused).toEqual([]);
    expect(drafted.map((l) => [l.type, l.remitLineId, l.status, l.courseId])).toEqual([
      ['appeal-downcode', downcoded, 'draft', a.courseId],
      ['appeal-zero-payment', zeroPaid, 'draft', a.courseId],
    ]);
    expect(await countLetters(a)).toBe(before + 2);
    const letter = await getLetter(t.ctx, actor(a), drafted[0]!.id);
    expect(letter.body.length).toBeGreaterThan(0);
    expect(letter.claim).toMatchObject({ submittedCode: '77412', code: '77407', category: 'downcoded' });
    const access = await tdb.db
      .selectFrom('access_log')
      .select([sql<string>`unnest(patient_ids)`.as('patient_id'), 'action'])
      .where('practice_id', '=', a.practiceId)
      .where('route', '=', 'POST /api/letters')
      .execute();
    expect(access).toContainEqual({ patient_id: a.patientId, action: 'change' });
  });

  it('gives back the letter a line already has, never a second draft, and the line names its letter', async () => {
    const line = await add('downcoded', 6);
    const before = await countLetters(a);
    const {
      letters: [first],
    } = await createLetters(t.ctx, actor(a), { remitLineIds: [line] });
    const {
      letters: [again],
    } = await createLetters(t.ctx, actor(a), { remitLineIds: [line] });
    expect(again!.id).toBe(first!.id);
    // In a batch as well: the new line gets its draft, the other its letter back.
    const other = await add('downcoded', 7);
    const { letters: batch } = await createLetters(t.ctx, actor(a), { remitLineIds: [line, other] });
    expect(batch.map((l) => l.remitLineId)).toEqual([line, other]);
    expect(batch[0]!.id).toBe(first!.id);
    expect(await countLetters(a)).toBe(before + 2);
    const page = await listRemitLines(t.ctx, actor(a), { limit: 500 });
    expect(page.items.find((l) => l.id === line)?.letterId).toBe(first!.id);
    expect(page.items.find((l) => l.id === underpaid)?.letterId).toBeNull();
  });

  it('a line has one letter whatever the type asked: a second type gives back the letter it has', async () => {
    const line = await add('downcoded', 8);
    const {
      letters: [first],
    } = await createLetters(t.ctx, actor(a), { remitLineIds: [line] });
    expect(first!.type).toBe('appeal-downcode');
    const before = await countLetters(a);
    const again = await createLetters(t.ctx, actor(a), {
      type: 'peer-to-peer',
      courseId: a.courseId,
      remitLineId: line,
    });
    expect(again.letters.map((l) => l.id)).toEqual([first!.id]);
    expect(again.covered).toEqual([
      {
        remitLineId: line,
        location: 'remitLineId',
        letterId: first!.id,
        reason: expect.stringMatching(
          /^line 8 of claim .* already has its appeal-downcode letter: given back, not drafted again \(one letter per line; a peer-to-peer letter was asked\)$/,
        ),
      },
    ]);
    expect(await countLetters(a)).toBe(before);
  });

  it('refuses a prior-authorization or retro-authorization request to traditional Medicare and stores nothing', async () => {
    const { payer_profile } = await tdb.db
      .selectFrom('courses')
      .select('payer_profile')
      .where('id', '=', a.courseId)
      .executeTakeFirstOrThrow();
    const setProfile = (profile: string) =>
      tdb.db.updateTable('courses').set({ payer_profile: profile }).where('id', '=', a.courseId).execute();
    await setProfile('medicare');
    try {
      const before = await countLetters(a);
      const error = await createLetters(t.ctx, actor(a), {
        type: 'prior-authorization',
        courseId: a.courseId,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).toMatch(
        /traditional Medicare has no prior authorization for radiation therapy/,
      );
      // Asked for the line's retro-authorization request, the refusal names what answers it instead.
      const retro = await createLetters(t.ctx, actor(a), {
        type: 'retro-authorization',
        courseId: a.courseId,
        remitLineId: authorizationDenied,
      }).catch((e: unknown) => e);
      expect((retro as AppError).message).toMatch(
        /traditional Medicare has no prior authorization .*, so no retro-authorization/,
      );
      // The list offers what is possible: the redetermination request (42 CFR 405.940), not refused,
      // the letter a batch of the line would draft (one rule: payerLetterType then lineLetterRefusal).
      const page = await listRemitLines(t.ctx, actor(a), { limit: 500 });
      expect(page.items.find((l) => l.id === authorizationDenied)?.letter).toEqual({
        type: 'redetermination',
        refusal: null,
      });
      expect(await countLetters(a)).toBe(before);
    } finally {
      await setProfile(payer_profile);
    }
  });

  it("drafts a retro-authorization request for a line denied for authorization, naming the claim's services", async () => {
    const { letters, refused } = await createLetters(t.ctx, actor(a), {
      remitLineIds: [authorizationDenied],
    });
    expect(refused).toEqual([]);
    expect(letters.map((l) => l.type)).toEqual(['retro-authorization']);
    const letter = await getLetter(t.ctx, actor(a), letters[0]!.id);
    expect(letter.body).toMatch(/^Re: Request for retroactive authorization of services delivered, claim /m);
    expect(letter.body).toMatch(/denied for lack of authorization \(/);
    expect(letter.body).toMatch(/^- \d{4}-\d{2}-\d{2}: 77412, billed \$/m);
    expect(letter.body).toMatch(/^Request: Retroactive authorization of the services delivered$/m);
  });

  it.each([
    ['authorization-denial', 'retro-authorization'],
    ['authorization-2025', 'appeal-authorization-2025'],
  ] as const)(
    'drafts one letter per claim for its %s lines: the other lines are covered by it, never a twin',
    async (category, type) => {
      const claim = `${a.courseId}-${category}`;
      const first = await add(category, 1, { claim_pcn: claim });
      const second = await add(category, 2, { claim_pcn: claim, date_of_service: '2026-03-03' });
      const before = await countLetters(a);
      const drafted = await createLetters(t.ctx, actor(a), { remitLineIds: [first, second] });
      expect(drafted.refused).toEqual([]);
      expect(drafted.letters.map((l) => [l.type, l.remitLineId])).toEqual([[type, first]]);
      const letterId = drafted.letters[0]!.id;
      const claimReason = new RegExp(
        `^covered by the ${type} letter of claim ${claim}, drafted from line 1:`,
      );
      expect(drafted.covered).toEqual([
        {
          remitLineId: second,
          location: 'remitLineIds[1]',
          letterId,
          reason: expect.stringMatching(claimReason),
        },
      ]);
      expect(await countLetters(a)).toBe(before + 1);
      // Drafting the other line later, by the list or for the course: the same letter comes back, said so.
      const again = await createLetters(t.ctx, actor(a), { remitLineIds: [second] });
      expect(again.letters.map((l) => l.id)).toEqual([letterId]);
      expect(again.covered).toEqual([
        {
          remitLineId: second,
          location: 'remitLineIds[0]',
          letterId,
          reason: expect.stringMatching(claimReason),
        },
      ]);
      const forCourse = await createLetters(t.ctx, actor(a), {
        type,
        courseId: a.courseId,
        remitLineId: second,
      });
      expect(forCourse.letters.map((l) => l.id)).toEqual([letterId]);
      expect(forCourse.covered).toEqual([
        {
          remitLineId: second,
          location: 'remitLineId',
          letterId,
          reason: expect.stringMatching(claimReason),
        },
      ]);
      const own = await createLetters(t.ctx, actor(a), { remitLineIds: [first] });
      expect(own.covered).toEqual([
        {
          remitLineId: first,
          location: 'remitLineIds[0]',
          letterId,
          // A letter not ready (the 2025 appeal without its 2025 authorization) is drafted again, in place.
          reason: `line 1 of claim ${claim} already has its ${type} letter: ${drafted.letters[0]!.ready ? 'given back, not drafted again' : 'it was not ready: drafted again from the chart, in place'}`,
        },
      ]);
      expect(await countLetters(a)).toBe(before + 1);
      // The command line's --claim names the claim: its letter answers both lines (drafted from the first).
      expect(await resolveLetterTarget(t.ctx, actor(a), a.courseId, claim, type)).toEqual({
        courseId: a.courseId,
        remitLineId: first,
      });
      // The list: the line drafted from has the letter, the other line is covered by the claim's letter.
      const page = await listRemitLines(t.ctx, actor(a), { limit: 500 });
      expect(page.items.find((l) => l.id === first)).toMatchObject({ letterId, letterCovers: 'line' });
      expect(page.items.find((l) => l.id === second)).toMatchObject({ letterId, letterCovers: 'claim' });
      // The letter lists both services of the claim (the 2025 appeal of this course, without its 2025
      // authorization on file, says what to add first: its services are listed in assemble-letter.test.ts).
      const letter = await getLetter(t.ctx, actor(a), letterId);
      if (type === 'retro-authorization')
        expect(letter.body.match(/^- 2026-03-0[23]: 77412, billed \$/gm)).toHaveLength(2);
    },
  );

  it('drafts the lines of a batch that can have a letter and lists the others with why', async () => {
    const line = await add('zero-paid-no-denial-code', 9);
    const before = await countLetters(a);
    const { letters, refused } = await createLetters(t.ctx, actor(a), { remitLineIds: [underpaid, line] });
    expect(letters.map((l) => [l.type, l.remitLineId])).toEqual([['appeal-zero-payment', line]]);
    expect(refused).toEqual([
      { remitLineId: underpaid, location: 'remitLineIds[0]', reason: expect.stringContaining('underpaid') },
    ]);
    expect(await countLetters(a)).toBe(before + 1);
  });

  it('stores nothing when an id of a batch is not a line of the practice, and says which', async () => {
    const before = await countLetters(a);
    const lines = [downcoded, underpaid, '999999999', 'not-an-id'];
    const error = await createLetters(t.ctx, actor(a), { remitLineIds: lines }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).issues.map((i) => i.location)).toEqual(['remitLineIds[2]', 'remitLineIds[3]']);
    expect(await countLetters(a)).toBe(before);
  });

  it('drafts a prior-authorization request and a peer-to-peer sheet for a course', async () => {
    for (const type of ['prior-authorization', 'peer-to-peer'] as const) {
      const {
        letters: [letter],
      } = await createLetters(t.ctx, actor(a, 'physician'), { type, courseId: a.courseId });
      expect(letter).toMatchObject({ type, courseId: a.courseId, remitLineId: null, patientId: a.patientId });
    }
  });

  it('saves an edited body and renders the files from it', async () => {
    const {
      letters: [drafted],
    } = await createLetters(t.ctx, actor(a), { remitLineIds: [downcoded] });
    const body = 'Edited appeal: fractions monitored 3/3.\n\n- first point\n- second point';
    const saved = await updateLetter(t.ctx, actor(a, 'coder'), drafted!.id, { body });
    expect(saved.body).toBe(body);
    const final = await updateLetter(t.ctx, actor(a), drafted!.id, { status: 'final' });
    expect(final).toMatchObject({ body, status: 'final' });
    expect((await listLetters(t.ctx, actor(a), { status: 'final' })).items.map((l) => l.id)).toEqual([
      drafted!.id,
    ]);
    const pdf = await letterFile(t.ctx, actor(a, 'viewer'), drafted!.id, 'pdf');
    expect(new TextDecoder().decode(pdf.body.subarray(0, 4))).toBe('%PDF');
    expect(pdf.filename).toBe(`appeal-downcode-${drafted!.id}.pdf`);
    const docx = await letterFile(t.ctx, actor(a), drafted!.id, 'docx');
    expect(new TextDecoder().decode(docx.body.subarray(0, 2))).toBe('PK');
    expect(docx.contentType).toContain('wordprocessingml');
    await expect(updateLetter(t.ctx, actor(a, 'viewer'), drafted!.id, { body: 'x' })).rejects.toThrow(
      'viewers cannot edit letters',
    );
    await expect(updateLetter(t.ctx, actor(a), drafted!.id, { body: '  ' })).rejects.toThrow('empty');
    await expect(updateLetter(t.ctx, actor(a), drafted!.id, { body: 'Changed.' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const reopened = await updateLetter(t.ctx, actor(a), drafted!.id, { body: 'Changed.', status: 'draft' });
    expect(reopened).toMatchObject({ body: 'Changed.', status: 'draft' });
  });

  it('keeps a letter when an import re-derives the remittance lines (the link is dropped)', async () => {
    const {
      letters: [letter],
    } = await createLetters(t.ctx, actor(a), { remitLineIds: [zeroPaid] });
    await tdb.db.deleteFrom('remit_lines').where('id', '=', zeroPaid).execute();
    const kept = await getLetter(t.ctx, actor(a), letter!.id);
    expect(kept).toMatchObject({ remitLineId: null, claim: null, type: 'appeal-zero-payment' });
    expect(kept.body.length).toBeGreaterThan(0);
  });

  it('keeps every template version, drafts with the newest, and refuses unknown placeholders', async () => {
    const first = await getTemplate(t.ctx, actor(a), 'appeal-downcode');
    expect(first.current).toBe(0);
    expect(first.versions.map((v) => v.version)).toEqual([0]);
    expect(first.placeholders.length).toBeGreaterThan(0);
    const base = first.versions[0]!.text;

    await saveTemplate(t.ctx, actor(a), 'appeal-downcode', `${base}\n\nVersion one.`);
    const second = await saveTemplate(t.ctx, actor(a, 'admin'), 'appeal-downcode', `${base}\n\nVersion two.`);
    expect(second.current).toBe(2);
    expect(second.versions.map((v) => [v.version, v.createdBy !== null])).toEqual([
      [2, true],
      [1, true],
      [0, false],
    ]);
    expect(second.versions[1]!.text).toContain('Version one.');

    const error = await saveTemplate(
      t.ctx,
      actor(a),
      'appeal-downcode',
      'Dear reviewer,\n\nPlease see {{noSuchPlaceholder}}.',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      {
        location: expect.stringMatching(/^template:3:\d+$/) as unknown,
        message: expect.any(String) as unknown,
      },
    ]);
    expect((await getTemplate(t.ctx, actor(a), 'appeal-downcode')).current).toBe(2);

    // A line without a letter yet: one that has a letter gets it back, drafted with the older template.
    const {
      letters: [letter],
    } = await createLetters(t.ctx, actor(a), { remitLineIds: [await add('downcoded', 8)] });
    const view = await getLetter(t.ctx, actor(a), letter!.id);
    expect(view.template.version).toBe(2);
    expect(view.body).toContain('Version two.');

    expect((await listTemplates(t.ctx, actor(a))).find((s) => s.type === 'appeal-downcode')?.version).toBe(2);
    expect((await listTemplates(t.ctx, actor(b))).find((s) => s.type === 'appeal-downcode')?.version).toBe(0);
    expect((await getTemplate(t.ctx, actor(b), 'appeal-downcode')).versions).toHaveLength(1);
  });

  it("never shows or changes another practice's letters, lines or courses", async () => {
    const bLetters = await listLetters(t.ctx, actor(b), { limit: 500 });
    expect(bLetters.items.every((l) => l.id === b.letterId)).toBe(true);
    await expect(getLetter(t.ctx, actor(b), a.letterId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateLetter(t.ctx, actor(b), a.letterId, { body: 'probe' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(letterFile(t.ctx, actor(b), a.letterId, 'pdf')).rejects.toMatchObject({ code: 'not_found' });
    await expect(createLetters(t.ctx, actor(b), { remitLineIds: [downcoded] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      createLetters(t.ctx, actor(b), { type: 'peer-to-peer', courseId: a.courseId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      createLetters(t.ctx, actor(b), {
        type: 'appeal-downcode',
        courseId: b.courseId,
        remitLineId: downcoded,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await getLetter(t.ctx, actor(a), a.letterId)).body).not.toBe('probe');
  });
});
