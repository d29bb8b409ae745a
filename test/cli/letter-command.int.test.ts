import { sql } from 'kysely';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openApp } from '../../src/app/open-app.js';
import { openCliApp } from '../../src/cli/open-cli-app.js';
import { LETTER_TYPES } from '../../src/core/letters/letter-types.js';
import { docxParagraphs, pdfText } from '../golden/letters/extract-text.js';
import { pgliteDataDir } from '../support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS } from '../support/demo-harness.js';
import { LETTER_DEMO, letterDemoInstant, letterDemoPractice } from '../support/letter-demo.js';
import { runCli } from '../support/run-cli.js';

/** `sgrt-billing letter` on an app database (PGlite under --data-dir): the file out, warnings on stderr. */
describe('sgrt-billing letter', () => {
  let dir = '';
  let db = '';
  let zeroPaid = { course: '', claim: '', line: '', absentType: '' };
  let unsupported = '';
  let medicare = '';
  const now = '2026-03-13T12:00:00-04:00';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-letter-'));
    db = join(dir, 'db');
    await pgliteDataDir(db, LETTER_DEMO);
    const app = await openApp({
      dataDir: db,
      log: createLogger({ level: 'silent' }),
      now: letterDemoInstant,
    });
    const { practiceId } = await letterDemoPractice(app.ctx.db);
    const line = await app.ctx.db
      .selectFrom('remit_lines as r')
      .innerJoin('courses as c', 'c.id', 'r.course_id')
      .select(['c.course_key', 'r.claim_pcn', 'r.id'])
      .where('r.category', '=', 'zero-paid-no-denial-code')
      .executeTakeFirstOrThrow();
    // An appeal type that answers none of the claim's lines (their categories).
    const categories = (
      await app.ctx.db
        .selectFrom('remit_lines')
        .select('category')
        .where('claim_pcn', '=', line.claim_pcn)
        .execute()
    ).map((r) => r.category);
    const absentType = (
      [
        ['downcoded', 'appeal-downcode'],
        ['authorization-2025', 'appeal-authorization-2025'],
        ['igrt-professional-denied', 'appeal-igrt-denial'],
      ] as const
    ).find(([category]) => !categories.includes(category))![1];
    zeroPaid = { course: line.course_key, claim: line.claim_pcn, line: String(line.id), absentType };
    // The line's letter stored in the app (drafted there by a biller): one live letter per line.
    await app.ctx.db
      .insertInto('users')
      .values({
        id: 'user-cli-biller',
        practice_id: practiceId,
        email: 'biller@cli.test',
        display_name: 'CLI biller',
        role: 'biller',
        password_hash: 'x',
        physician_id: null,
      })
      .execute();
    const { course_id } = await app.ctx.db
      .selectFrom('remit_lines')
      .select('course_id')
      .where('id', '=', line.id)
      .executeTakeFirstOrThrow();
    await app.ctx.db
      .insertInto('letters')
      .values({
        id: 'letter-of-the-zero-paid-line',
        practice_id: practiceId,
        course_id: course_id!,
        remit_line_id: line.id,
        type: 'appeal-zero-payment',
        template_id: 'default-appeal-zero-payment',
        template_version: 0,
        status: 'draft',
        ready: true,
        title: 'Appeal',
        body: 'Appeal.',
        cover: JSON.stringify({ rows: [] }),
        references: '[]',
        warnings: '[]',
        missing: '[]',
        created_by: 'user-cli-biller',
        created_at: new Date(app.ctx.now()),
        updated_at: new Date(app.ctx.now()),
      })
      .execute();
    // A course without a signed motion-management order (a defect the demo generator plants), billed to
    // a payer with prior authorization; and a course of traditional Medicare (which has none).
    const courses = await app.ctx.db
      .selectFrom('courses')
      .select(['course_key', 'document', 'payer_profile'])
      .orderBy('course_key')
      .execute();
    medicare = courses.find((c) => c.payer_profile === 'medicare')!.course_key;
    unsupported = courses.find(
      (c) =>
        c.payer_profile !== 'medicare' &&
        (c.document as { plan: { isocenters: number }; orders: { signature: unknown }[] }).plan.isocenters ===
          1 &&
        !(c.document as { orders: { kind: string; signature: unknown }[] }).orders.some(
          (o) => o.kind === 'motion-management' && o.signature,
        ),
    )!.course_key;
    // A practice that has no authorization for it yet: one on file covering the fractions to come
    // would refuse the request (exit 2) before the chart is read.
    await app.ctx.db
      .updateTable('courses')
      .set({ document: sql`jsonb_set(document, '{authorizations}', '[]'::jsonb)` })
      .where('course_key', '=', unsupported)
      .execute();
    await app.close();
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'writes an appeal as Word and as PDF from the course key and the claim number',
    { timeout: 60_000 },
    async () => {
      for (const ext of ['docx', 'pdf']) {
        const out = join(dir, `appeal.${ext}`);
        const run = await runCli(
          'letter',
          'appeal-zero-payment',
          '--course',
          zeroPaid.course,
          '--claim',
          zeroPaid.claim,
          '--out',
          out,
          '--data-dir',
          db,
          '--now',
          now,
        );
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(
          /appeal-zero-payment: written to .*\(\d+ references?, template default-appeal-zero-payment v0\)/,
        );
        const bytes = new Uint8Array(await readFile(out));
        const text = ext === 'pdf' ? await pdfText(bytes) : docxParagraphs(bytes).join('\n');
        // The claim number resolves to the claim's line the letter answers: the zero-paid one.
        expect(text).toMatch(new RegExp(`Claim: ${zeroPaid.claim};[^\\n]*paid \\$0\\.00`));
        expect(text).toContain('2026-03-13');
      }
    },
  );

  it(
    'writes the appeal packet: the letter, then an evidence page per enclosure it lists',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'packet.pdf');
      const args = ['appeal-zero-payment', '--course', zeroPaid.course, '--claim', zeroPaid.claim];
      const run = await runCli('letter', ...args, '--out', out, '--packet', '--data-dir', db, '--now', now);
      expect(run.code, run.stderr).toBe(0);
      const pages = Number(/, (\d+) evidence pages?/.exec(run.stderr)?.[1]);
      expect(pages).toBeGreaterThan(0);
      const text = await pdfText(new Uint8Array(await readFile(out)));
      expect(text).toContain(`Claim: ${zeroPaid.claim}`);
      expect(text).toContain('Enclosures:');
      expect(text).toContain(
        `Enclosure ${pages} of ${pages}: Remittance advice line: claim ${zeroPaid.claim}`,
      );
    },
  );

  it(
    'exits 1 when the chart cannot support the letter, and writes what to add first',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'request.docx');
      const run = await runCli(
        'letter',
        'prior-authorization',
        '--course',
        unsupported,
        '--out',
        out,
        '--data-dir',
        db,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('missing: Signed motion-management order');
      expect(run.stderr).toContain('lists what to add first');
      expect(docxParagraphs(new Uint8Array(await readFile(out)))).toContain(
        'This letter cannot be sent yet: the chart does not support it. Add the following to the chart first, then draft the letter again.',
      );
    },
  );

  it('a line whose letter is stored gets no twin of another type: exit 2 naming that letter', async () => {
    const out = join(dir, 'twin.pdf');
    const run = await runCli(
      ...['letter', 'peer-to-peer', '--course', zeroPaid.course, '--claim', zeroPaid.line],
      ...['--out', out, '--data-dir', db, '--now', now],
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^No letter was written: --claim \d+: line \d+ of claim \S+ already has its appeal-zero-payment letter \(letter-of-the-zero-paid-line\): one letter per line; open it in the app, or write it with `letter appeal-zero-payment`/,
    );
    await expect(stat(out)).rejects.toThrow();
  });

  it('--redraft drafts the stored letter again from the chart, in place; a final one is refused', async () => {
    const out = join(dir, 'redraft.pdf');
    const redraft = () =>
      runCli(
        ...['letter', 'appeal-zero-payment', '--course', zeroPaid.course, '--claim', zeroPaid.line],
        ...['--out', out, '--data-dir', db, '--now', now, '--redraft'],
      );
    /** The line's stored letters, then (`final`) the letter marked final, as if sent. */
    const stored = async (final?: boolean) => {
      const { app } = await openCliApp({ dataDir: db, course: zeroPaid.course, role: 'biller' });
      try {
        const rows = await app.ctx.db
          .selectFrom('letters')
          .select(['id', 'body', 'status'])
          .where('remit_line_id', '=', zeroPaid.line)
          .execute();
        if (final)
          await app.ctx.db
            .updateTable('letters')
            .set({ status: 'final' })
            .where('id', '=', 'letter-of-the-zero-paid-line')
            .execute();
        return rows;
      } finally {
        await app.close();
      }
    };
    const run = await redraft();
    expect(run.stderr).toMatch(
      /^stored letter letter-of-the-zero-paid-line drafted again from the chart \((not )?ready\)$/m,
    );
    const [letter, ...twins] = await stored(true);
    expect(twins).toEqual([]);
    expect(letter).toMatchObject({ id: 'letter-of-the-zero-paid-line', status: 'draft' });
    expect(letter!.body).not.toBe('Appeal.');
    const final = await redraft();
    expect(final.code).toBe(2);
    expect(final.stderr).toMatch(/^No letter was written: the letter is final/);
  });

  it('lists every letter type in its help', async () => {
    const run = await runCli('letter', '--help');
    for (const type of LETTER_TYPES) expect(run.stdout).toContain(type);
  });

  it.each<[string, string[], RegExp]>([
    [
      'an unknown type',
      ['appeal-everything', '--course', 'C-1', '--out', 'x.pdf'],
      /unknown letter type "appeal-everything"/,
    ],
    [
      'a bad --out extension',
      ['peer-to-peer', '--course', 'C-1', '--out', 'x.txt'],
      /--out must end in \.pdf or \.docx/,
    ],
    [
      'a packet that is not a PDF',
      ['appeal-downcode', '--course', 'C-1', '--out', 'x.docx', '--packet'],
      /--packet writes a PDF/,
    ],
    [
      'a course that does not exist',
      ['peer-to-peer', '--course', 'C-NOPE', '--out', 'x.pdf'],
      /No letter was written: --course C-NOPE: no such course/,
    ],
    [
      'a prior-authorization request to traditional Medicare',
      ['prior-authorization', '--course', 'MEDICARE', '--out', 'x.pdf'],
      /No letter was written: no prior-authorization letter: traditional Medicare has no prior authorization for radiation therapy/,
    ],
    [
      'a claim number with no line the letter type answers',
      ['ABSENT-TYPE', '--course', 'ZERO-PAID', '--claim', 'ZERO-CLAIM', '--out', 'x.pdf'],
      /No letter was written: --claim \S+: claim \S+ has no line an appeal-\S+ answers: .*line \d+ \(zero-paid-no-denial-code: appeal-zero-payment\)/,
    ],
    [
      'a line id whose category another letter answers',
      ['appeal-downcode', '--course', 'ZERO-PAID', '--claim', 'ZERO-LINE', '--out', 'x.pdf'],
      /--claim \d+: remittance line \d+: appeal-downcode does not answer a line in category zero-paid-no-denial-code \([^)]*\): its letter is appeal-zero-payment/,
    ],
    [
      'a claim of another course',
      ['appeal-downcode', '--course', 'ZERO-PAID', '--claim', 'C-NOPE-1', '--out', 'x.pdf'],
      /No letter was written: --claim C-NOPE-1: no remittance line of this course has that id or claim number/,
    ],
  ])('exits 2 on %s and writes nothing', { timeout: 60_000 }, async (_, args, message) => {
    const out = args[args.indexOf('--out') + 1]!;
    const run = await runCli(
      'letter',
      ...args.map(
        (a) =>
          ({
            [out]: join(dir, out),
            'ZERO-PAID': zeroPaid.course,
            'ZERO-CLAIM': zeroPaid.claim,
            'ZERO-LINE': zeroPaid.line,
            'ABSENT-TYPE': zeroPaid.absentType,
            MEDICARE: medicare,
          })[a] ?? a,
      ),
      '--data-dir',
      db,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    await expect(stat(join(dir, out))).rejects.toThrow();
  });
});
