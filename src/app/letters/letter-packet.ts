import { writeLetterPdf } from '../../formats/letters/write-letter-pdf.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { conflict, notFound } from '../app-errors.js';
import type { LetterView } from '../views.js';
import { enclosuresFor } from './letter-enclosures.js';
import { findLetter } from './letter-store.js';

/**
 * `GET /api/letters/:id/packet`: one PDF with the stored, edited letter and an evidence page per
 * enclosure (`letterEnclosures`), for the payer's reviewer; refused for a letter not ready. The file name carries the type and the
 * letter id only, like the letter's own file.
 */
export async function letterPacket(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
  const letter = await findLetter(ctx.db, actor.practiceId, id);
  if (!letter) throw notFound('letter');
  // A letter the chart cannot support yet is a "what to add first" sheet: nothing to send the payer.
  if (!letter.ready)
    throw conflict(
      'the letter is not ready to send: it lists what to add first; add it and draft the letter again, then download the packet',
    );
  const enclosures = await enclosuresFor(
    ctx,
    actor,
    letter.type,
    letter.courseId,
    await answeredLine(ctx, actor, letter),
  );
  const body = await writeLetterPdf(
    { title: letter.title, body: letter.body, cover: letter.cover, references: letter.references },
    enclosures,
  );
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [letter.patientId],
    route: 'GET /api/letters/:id/packet',
  });
  return { body, contentType: 'application/pdf', filename: `${letter.type}-${letter.id}-packet.pdf` };
}

/**
 * The remittance line a letter answers. An import keeps the ids of the lines it finds again; a letter
 * whose line is gone (letters.remit_line_id set null) finds it by the claim number and date of service
 * its cover recorded when it was drafted.
 */
async function answeredLine(ctx: AppContext, actor: Actor, letter: LetterView): Promise<string | null> {
  if (letter.remitLineId) return letter.remitLineId;
  const cover = new Map(letter.cover.rows.map((r) => [r.label, r.value]));
  const claim = cover.get('Claim');
  const date = cover.get('Date of service');
  if (!claim || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const line = await ctx.db
    .selectFrom('remit_lines')
    .select('id')
    .where('practice_id', '=', actor.practiceId)
    .where('course_id', '=', letter.courseId)
    .where('claim_pcn', '=', claim)
    .where('date_of_service', '=', date)
    .orderBy('line_no')
    .executeTakeFirst();
  return line ? String(line.id) : null;
}
