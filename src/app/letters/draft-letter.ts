import type { LetterDraft, LetterType } from '../../core/letters/letter-types.js';
import type { Actor, AppContext } from '../app-context.js';

export interface DraftLetterRequest {
  type: LetterType;
  courseId: string;
  remitLineId?: string | undefined;
  template?: { id: string; version: number; text: string } | undefined;
}

/** Builds a letter draft for a course of the actor's practice (and a remittance line for appeals). */
export async function draftLetter(
  ctx: AppContext,
  actor: Actor,
  request: DraftLetterRequest,
): Promise<LetterDraft> {
  void ctx;
  void actor;
  return Promise.reject(new Error(`not implemented: ${request.type}`));
}
