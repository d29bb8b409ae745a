import { lineLetterRefusal, payerLetterType } from '../../core/letters/letter-refusal.js';
import type { Course } from '../../core/model/course.js';
import type { Db } from '../../storage/database.js';
import type { RemitLineLetter } from '../views.js';
import { refusalLineOf, type RefusalRow, splitList, traditionalMedicare } from './letter-facts.js';
import { letterTypeFor } from './letter-for-category.js';

/** A stored remittance line as its letter is decided. */
export interface LetterLineRow extends RefusalRow {
  id: string;
  course_id: string | null;
}

/**
 * The letter each remittance line can have, by line id: its type by category and reasons (`letterTypeFor`), as
 * its payer answers it (`payerLetterType`: traditional Medicare's redetermination), and why it
 * cannot be drafted (`lineLetterRefusal`, the refusal a draft of it would meet), read with the course
 * document and the payer's kind a draft reads. Lines no letter answers (their category, or not matched
 * to a course of the practice) are absent.
 */
export async function remitLineLetters(
  db: Db,
  practiceId: string,
  rows: readonly LetterLineRow[],
): Promise<Map<string, RemitLineLetter>> {
  const letters = new Map<string, RemitLineLetter>();
  const courseIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.course_id && letterTypeFor(r.category, splitList(r.carcs)) ? [r.course_id] : [],
      ),
    ),
  ];
  if (!courseIds.length) return letters;
  const [courses, practice] = await Promise.all([
    db
      .selectFrom('courses')
      .select(['id', 'payer_profile', 'document'])
      .where('practice_id', '=', practiceId)
      .where('id', 'in', courseIds)
      .execute(),
    db.selectFrom('practices').select('billing').where('id', '=', practiceId).executeTakeFirst(),
  ]);
  const byId = new Map(
    courses.flatMap((c) => {
      if (!c.document) return [];
      const course = c.document as Course;
      const medicare = traditionalMedicare(c.payer_profile, course, practice?.billing);
      return [[c.id, { course, medicare, payerProfile: c.payer_profile }]];
    }),
  );
  for (const r of rows) {
    const category = letterTypeFor(r.category, splitList(r.carcs));
    const of = r.course_id ? byId.get(r.course_id) : undefined;
    if (!category || !of) continue;
    const type = payerLetterType(category, of.medicare);
    letters.set(r.id, {
      type,
      refusal: lineLetterRefusal(type, of.course, of.medicare, refusalLineOf(r, of.payerProfile)),
    });
  }
  return letters;
}
