import type { Trx } from '../../storage/repositories/course-store.js';

/** What names a stored remittance line across imports: only what its 835 says, never its category. */
export interface LineIdentity {
  payer: string | null;
  payer_id: string | null;
  trace_number: string | null;
  source: string;
  claim_pcn: string;
  claim_status: string;
  payer_claim_control_number: string | null;
  line_no: number;
  submitted_code: string;
  code: string;
  modifiers: string;
  date_of_service: string | null;
}

/**
 * The payment (payer and TRN02 trace number, X12 835 005010X221A1 TRN segment, as `paymentKey`; the
 * file when the payment has no trace number), the claim (CLP01, CLP02, CLP07) and the service line
 * (its position, SVC01/SVC06 codes, modifiers and date): the same line in a later import.
 */
function identity(l: LineIdentity): string {
  return [
    l.payer_id ?? l.payer ?? '',
    l.trace_number ?? `file:${l.source}`,
    l.claim_pcn,
    l.claim_status,
    l.payer_claim_control_number ?? '',
    l.line_no,
    l.submitted_code,
    l.code,
    l.modifiers,
    l.date_of_service ?? '',
  ].join('|');
}

/** Identities numbered by occurrence, so two identical lines each keep their own id. */
function numbered(lines: readonly LineIdentity[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const key = identity(l);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}#${n}`;
  });
}

/**
 * The stored line ids that the same lines of this import keep (null where a line is new): a letter, a
 * claim's history and a typed line id keep pointing at the line they were made for. Only the lines of the
 * given claim numbers (CLP01) are read, all the practice's with `null`. `stale`: those lines no file has
 * any more.
 */
export async function keptLineIds(
  trx: Trx,
  practiceId: string,
  pcns: readonly string[] | null,
  lines: readonly LineIdentity[],
): Promise<{ kept: (string | null)[]; stale: string[] }> {
  if (pcns?.length === 0) return { kept: lines.map(() => null), stale: [] };
  const stored = await trx
    .selectFrom('remit_lines')
    .select([
      'id',
      'payer',
      'payer_id',
      'trace_number',
      'source',
      'claim_pcn',
      'claim_status',
      'payer_claim_control_number',
      'line_no',
      'submitted_code',
      'code',
      'modifiers',
      'date_of_service',
    ])
    .where('practice_id', '=', practiceId)
    .$if(pcns !== null, (q) => q.where('claim_pcn', 'in', pcns!))
    .orderBy('id')
    .execute();
  const byKey = new Map(numbered(stored).map((key, i) => [key, String(stored[i]!.id)]));
  const kept = numbered(lines).map((key) => byKey.get(key) ?? null);
  const reused = new Set(kept);
  return { kept, stale: stored.map((s) => String(s.id)).filter((id) => !reused.has(id)) };
}
