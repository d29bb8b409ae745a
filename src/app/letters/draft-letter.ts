import { assembleLetter } from '../../core/letters/assemble-letter.js';
import { letterRefusal, lineLetterRefusal } from '../../core/letters/letter-refusal.js';
import { CLAIM_LETTER_TYPES, type LetterDraft, type LetterType } from '../../core/letters/letter-types.js';
import { clockFor } from '../../core/time/local-clock.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { letterEnclosures } from './letter-enclosures.js';
import {
  appealLineFacts,
  claimLines,
  courseDenials,
  courseLetterFacts,
  lineTypeRefusal,
} from './letter-facts.js';
import { igrtReferenceData } from './letter-reference.js';

export interface DraftLetterRequest {
  type: LetterType;
  courseId: string;
  remitLineId?: string | undefined;
  template?: { id: string; version: number; text: string } | undefined;
  /** The route (or CLI command) the access log records; default `POST /api/letters`. */
  route?: string | undefined;
}

/**
 * Builds a letter draft (issue #6) for a course of the actor's practice, and the remittance line an
 * appeal answers: the course document, the stored per-fraction audits, the patient, the payer profile
 * and the line's claim facts (with the appeal's payer claim number, level, deadline and enclosures) go to
 * `assembleLetter` (src/core/letters). The letter is dated today in the facility's zone. Records the
 * read of the patient's data; other practices' ids are not_found; a letter that must not be written
 * (a type the line's category does not call for, `lineTypeRefusal`; then `lineLetterRefusal` for a
 * remittance line, else `letterRefusal`) is invalid_input with the reason.
 */
export async function draftLetter(
  ctx: AppContext,
  actor: Actor,
  request: DraftLetterRequest,
): Promise<LetterDraft> {
  const facts = await courseLetterFacts(ctx, actor, request.courseId);
  const { claim, line, refusalLine } = request.remitLineId
    ? await appealLineFacts(ctx, actor, request.remitLineId, facts.courseId)
    : { claim: null, line: null, refusalLine: null };
  const refused = refusalLine
    ? (lineTypeRefusal(request.type, refusalLine) ??
      lineLetterRefusal(request.type, facts.course, facts.medicare, refusalLine))
    : letterRefusal(request.type, facts.course, facts.medicare);
  if (refused) throw new AppError('invalid_input', `no ${request.type} letter: ${refused}`);
  const igrtReference = await igrtReferenceData(ctx.db, claim);
  const services =
    CLAIM_LETTER_TYPES.includes(request.type) && request.remitLineId
      ? await claimLines(ctx, actor, request.remitLineId)
      : [];
  const audit = ctx.auditContext(ctx.now());
  const profile = audit.profiles.get(facts.payerProfile) ?? audit.profiles.get('default')!;
  const date = clockFor(facts.course.facility.timeZone).toLocal(ctx.now()).slice(0, 10);
  const draft = assembleLetter({
    type: request.type,
    date,
    practiceName: facts.practiceName,
    physicians: facts.physicians,
    patient: facts.patient,
    course: facts.course,
    fractions: facts.fractions,
    profile,
    payerSettingsName: facts.payerSettingsName,
    claim,
    denials: request.type === 'peer-to-peer' && !claim ? await courseDenials(ctx, actor, facts.courseId) : [],
    claimLines: services,
    appeal: line && {
      ...line,
      memberId: facts.memberId,
      enclosures: letterEnclosures({ facts, claim, services, line, options: audit.options }),
    },
    igrtReference,
    options: audit.options,
    template: request.template,
    guidelineVersions: facts.guidelineVersions,
  });
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [facts.patientId],
    route: request.route ?? 'POST /api/letters',
  });
  return draft;
}
