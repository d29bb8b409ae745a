import { sql } from 'kysely';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs, pdfText } from '../../../test/golden/letters/extract-text.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS } from '../../../test/support/demo-harness.js';
import { LETTER_DEMO, letterDemoInstant, letterDemoPractice } from '../../../test/support/letter-demo.js';
import { testClock, testContext, type TestContext } from '../../../test/support/test-context.js';
import { type Course, statedThresholds } from '../../core/model/course.js';
import { payerLetterType } from '../../core/letters/letter-refusal.js';
import { LETTER_TYPES, type LetterDraft, type LetterType } from '../../core/letters/letter-types.js';
import { writeLetterDocx } from '../../formats/letters/write-letter-docx.js';
import { writeLetterPdf } from '../../formats/letters/write-letter-pdf.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { createPractice } from '../setup/create-practice.js';
import { DEMO_BILLING } from '../setup/demo-billing.js';
import { DEMO_FILES } from '../setup/demo-reference.js';
import { importReferenceFiles } from '../reference/reference-import.js';
import { draftLetter } from './draft-letter.js';
import { resolveLetterTarget } from './letter-facts.js';
import { LETTER_FOR_CATEGORY, letterTypeFor } from './letter-for-category.js';

/**
 * Issue #6, golden letters: the demo clinic's generator (a smaller clinic, same seed) imported with its
 * demo remittance; for each denial category on the remittance, the matching letter, plus a prior
 * authorization and a peer-to-peer sheet for the downcoded course, rendered to PDF and Word and read
 * back. The text is compared with test/golden/letters (UPDATE_GOLDEN=1 rewrites them), and checked
 * against the patient's data: fractions, system, thresholds, dates; no MRN anywhere, no birth date on
 * the peer-to-peer sheet; every cited reference listed.
 */
const GOLDEN = 'test/golden/letters';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  name: string;
  type: LetterType;
  courseId: string;
  remitLineId?: string;
  /** Whether the chart supports the letter (default true). */
  ready?: boolean;
  /** The letter must not be written (a request to traditional Medicare): refused with the reason. */
  refused?: RegExp;
}

describe.each(ENGINES)('golden letters from the demo clinic on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  let other: Actor;
  const cases: Case[] = [];

  beforeAll(async () => {
    tdb = await openTestDatabase(engine, LETTER_DEMO);
    t = await testContext(tdb, testClock(letterDemoInstant()));
    const { practiceId, clinic } = await letterDemoPractice(tdb.db);
    // The demo's synthetic CMS releases: the 77387-26 appeal to Medicare states what they say.
    await importReferenceFiles(t.ctx, practiceId, DEMO_FILES, { year: 2026, quarter: 1 });
    const base = { role: 'biller' as const, displayName: 'biller', physicianId: null };
    actor = { ...base, userId: 'u-a', practiceId };
    other = { ...base, userId: 'u-b', practiceId: await createPractice(t.ctx, { name: 'Other', clinic }) };

    const lines = await tdb.db
      .selectFrom('remit_lines as r')
      .leftJoin('courses as c', 'c.id', 'r.course_id')
      .select(['r.id', 'r.category', 'r.carcs', 'r.course_id', 'c.payer_profile'])
      .where('r.practice_id', '=', practiceId)
      .orderBy('r.claim_pcn')
      .orderBy('r.line_no')
      .execute();
    for (const category of Object.keys(LETTER_FOR_CATEGORY)) {
      const line = lines.find((l) => l.category === category);
      // The line's letter by its category and reasons (a CO-50 other denial: the medical-necessity appeal).
      const type = letterTypeFor(category, line?.carcs.split(',') ?? [])!;
      // A letter type a category shares (or the course-level request's) is named by its category too.
      const shared = type === 'prior-authorization' || cases.some((c) => c.type === type);
      if (line?.course_id)
        cases.push({
          name: shared ? `${type}-${category}` : type,
          type,
          courseId: line.course_id,
          remitLineId: line.id,
          // This clinic's only line denied for want of an authorization is billed to traditional
          // Medicare, which has no prior authorization for radiation therapy: no retro-authorization.
          ...(category === 'authorization-denial'
            ? {
                refused:
                  /traditional Medicare has no prior authorization for radiation therapy, so no retro-authorization/,
              }
            : // Traditional Medicare's contractors hold no peer-to-peer review: the line's letter is the
              // redetermination request (below).
              type === 'peer-to-peer' && line.payer_profile === 'medicare'
              ? {
                  refused:
                    /hold no peer-to-peer review .*: draft the redetermination request \(with the elements 42 CFR 405\.944\(b\) requires/,
                }
              : // This clinic's CO-50 line is on a course without a necessity statement (why it was
                // denied): its appeal says what to add first.
                type === 'appeal-medical-necessity'
                ? { ready: false }
                : {}),
        });
    }
    // A traditional Medicare line whose category calls for a peer-to-peer sheet gets the redetermination
    // request (42 CFR 405.940), as the list offers it (`payerLetterType`).
    const medicareLines = lines.filter(
      (l) =>
        l.course_id &&
        l.payer_profile === 'medicare' &&
        payerLetterType(letterTypeFor(l.category, l.carcs.split(','))!, true) === 'redetermination',
    );
    // The demo's Medicare courses have no necessity statement: the request says to add it first (its
    // letter with the statement is the next test's).
    // Its CO-151 line (a second session the same day) when there is one: the request argues the date.
    const medicareLine = medicareLines.find((l) => l.category === 'frequency-denial') ?? medicareLines[0]!;
    cases.push({
      name: 'redetermination-not-ready',
      type: 'redetermination',
      courseId: medicareLine.course_id!,
      remitLineId: medicareLine.id,
      ready: false,
    });
    // A course whose 77412 rests on motion management: the request and the sheet quote its evidence.
    const courses = await tdb.db
      .selectFrom('courses')
      .select(['id', 'document'])
      .where('practice_id', '=', practiceId)
      .orderBy('course_key')
      .execute();
    // A course whose 77412 rests on motion management: the request and the sheet quote its evidence; the
    // first such course the chart cannot support yet gives the "what to add first" sheet.
    const amm = courses.filter(({ document }) => {
      const { plan } = document as Course;
      return plan.isocenters === 1 && plan.motionManagement?.phase === 'intrafraction';
    });
    // A request is refused to traditional Medicare, for a finished course and for a course whose
    // fractions to come an authorization on file covers (every commercial course of the demo has one):
    // here the practice has not obtained one yet, so the request is the letter to write.
    for (const c of amm) await withoutAuthorizations(c.id);
    const ready = new Map<string, boolean>();
    for (const c of amm) {
      const draft = await draftLetter(t.ctx, actor, { type: 'prior-authorization', courseId: c.id }).catch(
        (e: unknown) => (e instanceof AppError ? null : Promise.reject(e)),
      );
      if (draft) ready.set(c.id, draft.ready);
    }
    const supported = amm.find((c) => ready.get(c.id) === true)!.id;
    cases.push({ name: 'prior-authorization', type: 'prior-authorization', courseId: supported });
    cases.push({ name: 'peer-to-peer-course', type: 'peer-to-peer', courseId: supported });
    const unsupported = amm.find((c) => ready.get(c.id) === false)!.id;
    cases.push({
      name: 'prior-authorization-not-ready',
      type: 'prior-authorization',
      courseId: unsupported,
      ready: false,
    });
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => tdb?.close());

  /** The course's authorizations removed from its document: the practice has obtained none yet. */
  async function withoutAuthorizations(courseId: string): Promise<void> {
    const { document } = await tdb.db
      .selectFrom('courses')
      .select('document')
      .where('id', '=', courseId)
      .executeTakeFirstOrThrow();
    await tdb.db
      .updateTable('courses')
      .set({ document: JSON.stringify({ ...(document as Course), authorizations: [] }) })
      .where('id', '=', courseId)
      .execute();
  }

  it('the demo remittance has a line for every letter type but the prior authorization', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(LETTER_TYPES));
  });

  it('every letter matches its golden text in PDF and Word, and the patient data', async () => {
    for (const c of cases) {
      if (c.refused) {
        const error = await draftLetter(t.ctx, actor, c).catch((e: unknown) => e);
        expect(error, c.name).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('invalid_input');
        expect((error as AppError).message).toMatch(c.refused);
        continue;
      }
      const draft = await draftLetter(t.ctx, actor, {
        type: c.type,
        courseId: c.courseId,
        remitLineId: c.remitLineId,
      });
      const pdf = await pdfText(await writeLetterPdf(draft));
      const docx = docxParagraphs(writeLetterDocx(draft)).join('\n');
      golden(`${c.name}.pdf.txt`, pdf);
      golden(`${c.name}.docx.txt`, docx);
      await expectPatientFacts(c, draft, [pdf, docx]);
    }
  }, 120_000);

  it("the redetermination request of a Medicare CO-151 line quotes the physician's statement", async () => {
    const c = { ...cases.find((x) => x.type === 'redetermination')!, name: 'redetermination', ready: true };
    const { document } = await tdb.db
      .selectFrom('courses')
      .select('document')
      .where('id', '=', c.courseId)
      .executeTakeFirstOrThrow();
    const course = document as Course;
    const setDocument = (doc: Course) =>
      tdb.db
        .updateTable('courses')
        .set({ document: JSON.stringify(doc) })
        .where('id', '=', c.courseId)
        .execute();
    await setDocument({
      ...course,
      necessity: {
        documentId: 'necessity-synthetic',
        signature: null,
        text: 'Synthetic statement for the test: lung carcinoma (C34.90) treated with 3D conformal photons to a single isocenter, planned to limit the dose to the normal lung and the spinal cord. Treated twice daily, 30 fractions of 1.5 Gy, as the hyperfractionated regimen planned for this patient.',
      },
    });
    try {
      const draft = await draftLetter(t.ctx, actor, c);
      const pdf = await pdfText(await writeLetterPdf(draft));
      const docx = docxParagraphs(writeLetterDocx(draft)).join('\n');
      golden('redetermination.pdf.txt', pdf);
      golden('redetermination.docx.txt', docx);
      await expectPatientFacts(c, draft, [pdf, docx]);
      expect(draft.body).toMatch(/^Medicare number \(MBI\): \S+$/m);
      expect(draft.body).toMatch(/^Internal control number \(ICN\): \S+ \(our claim number /m);
      expect(draft.body).toMatch(/42 CFR 405\.942\(a\)/);
      // The date's two sessions, the break between them and the physician's reason (twice-daily.ts).
      expect(draft.body).toMatch(/On \S+ the patient was treated in 2 sessions \(fraction \d+, beam-on /);
      expect(draft.body).toMatch(/They were distinct sessions: the second began \d+ h \d+ min after/);
      expect(draft.body).toMatch(/reason for treating twice daily: "Treated twice daily/);
    } finally {
      await setDocument(course);
    }
  });

  it("another practice's course or remittance line is not found", async () => {
    const c = cases[0]!;
    for (const request of [c, { ...c, courseId: 'no-such-course' }]) {
      const error = await draftLetter(t.ctx, other, request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('not_found');
    }
    const wrongCourse = cases.find((x) => x.remitLineId && x.courseId !== c.courseId)!;
    const error = await draftLetter(t.ctx, actor, { ...c, remitLineId: wrongCourse.remitLineId }).catch(
      (e) => e,
    );
    expect((error as AppError).code).toBe('invalid_input');
  });

  it("a line is answered only by the letter its category calls for, as the CLI's --claim is", async () => {
    // The downcoded line was paid (CO-45): a medical-necessity appeal of it would assert a denial.
    const downcoded = cases.find((c) => c.type === 'appeal-downcode')!;
    for (const type of ['appeal-medical-necessity', 'appeal-zero-payment'] as const) {
      const error = await draftLetter(t.ctx, actor, { ...downcoded, type }).catch((e: unknown) => e);
      expect(error, type).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).toMatch(
        new RegExp(
          `^no ${type} letter: ${type} does not answer a line in category downcoded \\(.*\\): its letter is appeal-downcode$`,
        ),
      );
    }
  });

  it("the CLI's claim listing names each line's letter as the list offers it", async () => {
    // The demo's authorization denial is traditional Medicare's: no retro-authorization there (it has no
    // prior authorization for radiation therapy); the list offers its redetermination request instead.
    const refused = cases.find((c) => c.type === 'retro-authorization')!;
    const line = await tdb.db
      .selectFrom('remit_lines')
      .select(['claim_pcn'])
      .where('id', '=', refused.remitLineId!)
      .executeTakeFirstOrThrow();
    const error = await resolveLetterTarget(
      t.ctx,
      actor,
      refused.courseId,
      line.claim_pcn,
      'appeal-zero-payment',
    ).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(
      new RegExp(`line ${refused.remitLineId} \\(authorization-denial: redetermination\\)`),
    );
    expect((error as AppError).message).not.toContain('authorization-denial: retro-authorization');
  });

  it("a course's peer-to-peer sheet has the talking points of each denial type on its lines", async () => {
    const denied = await tdb.db
      .selectFrom('remit_lines')
      .select(['course_id', 'category', 'carcs'])
      .where('practice_id', '=', actor.practiceId)
      .where('category', 'in', [
        'igrt-professional-denied',
        'missing-information',
        'other-denial',
        'frequency-denial',
        'zero-paid-no-denial-code',
        'downcoded',
      ])
      .where('course_id', 'is not', null)
      .orderBy('date_of_service')
      .execute();
    // Traditional Medicare's contractors hold no peer-to-peer review: the first course of another payer.
    for (const courseId of new Set(denied.map((d) => d.course_id!))) {
      const draft = await draftLetter(t.ctx, actor, { type: 'peer-to-peer', courseId }).catch((e: unknown) =>
        e instanceof AppError && /hold no peer-to-peer review/.test(e.message) ? null : Promise.reject(e),
      );
      if (!draft) continue;
      for (const line of denied.filter((d) => d.course_id === courseId))
        expect(draft.body).toContain(`Talking points, ${line.carcs.split(',').join(', ')} on`);
      return;
    }
    expect.unreachable('no denied course of a payer that holds peer-to-peer reviews');
  });

  it('records who read the patient data', async () => {
    const c = cases[0]!;
    const before = await accessRows(c);
    await draftLetter(t.ctx, actor, { ...c, route: 'cli letter' });
    expect(await accessRows(c)).toBe(before + 1);
  });

  it('names the NCCN version the practice sets in its billing settings, and cites no NCCN wording', async () => {
    const c = cases.find((x) => x.name === 'prior-authorization')!;
    const named = /The practice follows the NCCN .*Invasive Breast Cancer, Version 2\.2026\./;
    const unset = await draftLetter(t.ctx, actor, c);
    expect(unset.body).not.toMatch(/NCCN/);
    expect(unset.references.map((r) => r.id)).not.toContain('nccn-breast');
    const billing = { ...DEMO_BILLING, guidelineVersions: { 'nccn-breast': '2.2026' } };
    const practice = tdb.db.updateTable('practices').where('id', '=', actor.practiceId);
    await practice.set({ billing: JSON.stringify(billing) }).execute();
    try {
      const set = await draftLetter(t.ctx, actor, c);
      expect(set.body).toMatch(named);
      expect(set.references.map((r) => r.id)).not.toContain('nccn-breast');
      expect(set.warnings.map((w) => w.code)).not.toContain('GUIDELINE-VERSION');
    } finally {
      await practice.set({ billing: JSON.stringify(DEMO_BILLING) }).execute();
    }
  });

  async function accessRows(c: Case): Promise<number> {
    const patient = await tdb.db
      .selectFrom('courses')
      .select('patient_id')
      .where('id', '=', c.courseId)
      .executeTakeFirstOrThrow();
    const rows = await tdb.db
      .selectFrom('access_log')
      .select('id')
      .where(sql<boolean>`patient_ids @> array[${patient.patient_id}]`)
      .where('route', '=', 'cli letter')
      .execute();
    return rows.length;
  }

  async function expectPatientFacts(c: Case, draft: LetterDraft, texts: string[]): Promise<void> {
    const row = await tdb.db
      .selectFrom('courses as c')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .select(['c.document', 'p.mrn', 'p.birth_date', 'p.name'])
      .where('c.id', '=', c.courseId)
      .executeTakeFirstOrThrow();
    const course = row.document as Course;
    expect(draft.ready, `${c.name}: ${JSON.stringify(draft.missing)}`).toBe(c.ready ?? true);
    const cover = Object.fromEntries(draft.cover.rows.map((r) => [r.label, r.value]));
    expect(cover['Course']).toBe(course.courseId);
    const dates = course.fractions.map((f) => f.date).sort();
    // An appeal speaks of its date of service: no course-wide figure, no other fraction's date.
    if (dateScoped(c.type)) {
      expect(cover['Fractions delivered']).toBeUndefined();
      const dos = cover['Date of service'];
      // The date of the initial determination (the remittance date) is no fraction's, whatever the calendar.
      const determination = /^Date of the initial determination: (\S+)/m.exec(draft.body)?.[1];
      const others = new Set(dates.filter((d) => d !== dos && d !== draft.date && d !== determination));
      for (const text of texts) for (const d of others) expect(text, `${c.name} ${d}`).not.toContain(d);
    } else {
      expect(cover['Fractions delivered']).toBe(
        `${course.fractions.length} of ${course.plan.fractionsPlanned} planned`,
      );
      expect(cover['Treatment dates']).toBe(`${dates[0]} to ${dates.at(-1)}`);
    }
    if (cover['System'] !== undefined) {
      // The evidence of the appealed date, else of the course.
      const shown = course.fractions.filter(
        (f) => !dateScoped(c.type) || f.date === cover['Date of service'],
      );
      const sessions = shown.flatMap((f) => f.monitoring);
      expect(cover['System']).toBe([...new Set(sessions.map((s) => s.system))].sort().join(', '));
      const t0 = sessions.map((s) => statedThresholds(s.thresholds)).find((t) => t);
      if (t0?.translationCm) expect(cover['Thresholds']).toContain(`${t0.translationCm} cm`);
      if (!dateScoped(c.type))
        expect(cover['Fractions monitored']).toBe(
          `${course.fractions.filter((f) => f.monitoring.length).length}/${course.fractions.length}`,
        );
    }
    for (const text of texts) {
      expect(text).toContain(course.courseId);
      expect(text).not.toContain(row.mrn);
      // Letters to the payer identify the patient by name and birth date; the peer-to-peer sheet and the
      // "what to add first" sheet (for the practice) carry no birth date, nor does a redetermination
      // request, which carries what form CMS-20027 asks: the name and the Medicare number (42 CFR
      // 405.944(b)).
      if (row.birth_date)
        expect(text.includes(row.birth_date), `${c.name} birth date`).toBe(
          draft.ready && c.type !== 'peer-to-peer' && c.type !== 'redetermination',
        );
      const cited = new Set([...draft.body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect([...cited].sort((a, b) => a - b)).toEqual(draft.references.map((_, i) => i + 1));
      for (const [i, r] of draft.references.entries())
        expect(text).toContain(`[${i + 1}] ${r.citation.slice(0, 30)}`);
    }
  }
});

/** The letters about one date of service: the appeals and the redetermination request. */
const dateScoped = (type: LetterType) => type.startsWith('appeal-') || type === 'redetermination';

function golden(name: string, text: string): void {
  const path = `${GOLDEN}/${name}`;
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1`);
    writeFileSync(path, `${text}\n`);
    return;
  }
  expect(`${text}\n`, path).toBe(readFileSync(path, 'utf8'));
}
