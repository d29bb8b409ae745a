import { randomUUID } from 'node:crypto';
import { write837i } from '../../formats/x12/write-837i.js';
import { write837p } from '../../formats/x12/write-837p.js';
import { claimTotalCents } from '../../formats/x12/write-837-parties.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { chunks } from '../../storage/repositories/insert-chunks.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import type { ClaimBatchKind, ClaimBatchView, ClaimFormat, ClaimVersionKind } from '../views.js';
import { batchView } from './claim-batches.js';
import type { PayerClaimFile } from './claim-files.js';

/** The practice's next claim sequence number and interchange control number (inside the locking transaction). */
export async function nextClaimNumbers(
  trx: Trx,
  practiceId: string,
): Promise<{ claim: number; interchange: number }> {
  const last = await trx
    .selectFrom('claim_batches')
    .select((eb) => [
      eb.fn.max(eb('interchange_control_number', '+', eb('interchange_count', '-', 1))).as('icn'),
      eb.fn.max(eb('first_claim_number', '+', eb('claim_count', '-', 1))).as('claim'),
    ])
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return { claim: Number(last?.claim ?? 0) + 1, interchange: Number(last?.icn ?? 0) + 1 };
}

/** Locks the practice row: two batches at once cannot take the same charges or control numbers. */
export async function lockPractice(trx: Trx, practiceId: string): Promise<{ clinic: unknown }> {
  return trx
    .selectFrom('practices')
    .select('clinic')
    .where('id', '=', practiceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export interface SaveBatchRequest {
  format: ClaimFormat;
  kind: ClaimBatchKind;
  period: string;
  files: readonly PayerClaimFile[];
  /** The claim sequence number the batch's claims start at; 0 when they keep earlier numbers. */
  firstClaimNumber: number;
  /** Per file: the payer it went to (2010BB name) and, per claim, the version it is. */
  version: { kind: ClaimVersionKind; payerClaimNumber: string | null };
}

/**
 * Writes each file (837P or 837I, checked against the guide before it leaves) and stores the batch: its
 * text, a claim_lines row per charge and a claim_versions row per claim (the draft it was built from).
 * A file the writer refuses stops everything with its located problems.
 */
export async function saveClaimBatch(
  trx: Trx,
  actor: Actor,
  now: Date,
  request: SaveBatchRequest,
): Promise<ClaimBatchView> {
  const write = request.format === '837P' ? write837p : write837i;
  const texts = request.files.map(({ payerProfileId, file }) => {
    const text = write(file);
    if (!text.ok)
      throw new AppError(
        'invalid_input',
        `the ${request.format} for payer profile ${payerProfileId} could not be written`,
        text.problems.map((p) => ({ ...p, location: `payer ${payerProfileId}: ${p.location}` })),
      );
    return text.value;
  });
  const claims = request.files.flatMap((f) => f.file.claims);
  const id = randomUUID();
  const row = {
    id,
    practice_id: actor.practiceId,
    format: request.format,
    kind: request.kind,
    created_at: now,
    created_by: actor.userId,
    interchange_control_number: request.files[0]!.file.envelope.interchangeControlNumber,
    interchange_count: request.files.length,
    first_claim_number: request.firstClaimNumber,
    claim_count: claims.length,
    line_count: claims.reduce((n, c) => n + c.lines.length, 0),
    total_cents: claims.reduce((n, c) => n + claimTotalCents(c), 0),
    period: request.period,
    file_text: texts.join(''),
  };
  await trx.insertInto('claim_batches').values(row).execute();
  const lines = claims.flatMap((c) =>
    c.lines.map((l) => ({
      practice_id: actor.practiceId,
      batch_id: id,
      format: request.format,
      claim_pcn: c.patientControlNumber,
      charge_id: l.lineControlNumber,
    })),
  );
  for (const chunk of chunks(lines)) await trx.insertInto('claim_lines').values(chunk).execute();
  const versions = request.files.flatMap(({ file, drafts, payerProfileId }) =>
    file.claims.map((c, i) => ({
      id: randomUUID(),
      practice_id: actor.practiceId,
      claim_pcn: c.patientControlNumber,
      batch_id: id,
      format: request.format,
      kind: request.version.kind,
      frequency_code: c.frequencyCode ?? '1',
      payer_profile: payerProfileId,
      payer_name: file.payer.name,
      payer_claim_number: request.version.payerClaimNumber,
      patient_id: drafts[i]!.patientKey,
      draft: JSON.stringify(drafts[i]),
      total_cents: claimTotalCents(c),
      created_at: now,
      created_by: actor.userId,
    })),
  );
  for (const chunk of chunks(versions)) await trx.insertInto('claim_versions').values(chunk).execute();
  return batchView({ ...row, total_cents: String(row.total_cents) }, actor.displayName);
}
