import type { InputProblem } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import type { Db } from '../../storage/database.js';
import type { ExportRecords } from '../read/export-records.js';

/**
 * A payment is identified by its payer and its TRN02 check/EFT trace number (X12 835 005010X221A1, TRN
 * segment: "uniquely identifies this transaction set and the associated payment"): the same payment in a
 * second file (re-sent, re-enveloped) is counted once by the remittance analysis (store-remit-lines, the
 * first file kept). This tells the user so, per file: one warning for each payment already imported
 * (earlier upload, or an earlier file of the same batch). A second file that gives the same trace number
 * other contents (another BPR02 amount, other claims) is not the same payment re-sent: it is refused,
 * located, and the first one stays (the payer must say which is right).
 */
export function paymentKey(r: Remittance): string | null {
  return r.traceNumber ? `${r.payer.id ?? r.payer.name ?? ''}|${r.traceNumber}` : null;
}

/** What tells two copies of a payment apart: its amount, date and the claims it pays (number and amount). */
export function paymentContent(r: Remittance): string {
  const claims = r.claims.map((c) => `${c.patientControlNumber}:${c.status}:${c.paidCents}`).join(',');
  return `${r.totalPaidCents}|${r.paymentDate ?? ''}|${claims}`;
}

export interface RepeatedPayments {
  /** Per file: the payments it repeats (its lines count once) or dates after today, each a warning. */
  repeated: Map<string, InputProblem[]>;
  /** Per file: the payments it gives other contents under a trace number already imported (refuse the file). */
  conflicting: Map<string, InputProblem[]>;
}

export async function repeatedPayments(
  db: Db,
  practiceId: string,
  files: readonly { name: string; content: ExportRecords }[],
  today: string,
): Promise<RepeatedPayments> {
  const found: RepeatedPayments = { repeated: new Map(), conflicting: new Map() };
  if (!files.some((f) => f.content.remittances.length)) return found;
  const keys = files.flatMap((f) => f.content.remittances.flatMap((r) => paymentKey(r.remittance) ?? []));
  // The first copy of each of these payments imported before (its file and contents), read by key.
  const earlier = keys.length
    ? await db
        .selectFrom('remittances as r')
        .innerJoin('imports as i', 'i.id', 'r.import_id')
        .select(['r.payment_key', 'r.content_key', 'i.file_name'])
        .where('r.practice_id', '=', practiceId)
        .where('r.payment_key', 'in', [...new Set(keys)])
        .where('r.counted', '=', true)
        .execute()
    : [];
  const seen = new Map(earlier.map((r) => [r.payment_key!, { name: r.file_name, content: r.content_key }]));
  const add = (into: Map<string, InputProblem[]>, name: string, problem: InputProblem) =>
    into.set(name, [...(into.get(name) ?? []), problem]);
  const note = (name: string, content: ExportRecords) => {
    for (const { remittance } of content.remittances) {
      // BPR16 is the date the payer pays or paid: one after the practice's today is a file to look at
      // (a test file, a wrong year) before its appeal dates are trusted.
      if (remittance.paymentDate && remittance.paymentDate > today)
        add(found.repeated, name, {
          location: `${name}: TRN ${remittance.traceNumber ?? '(none)'}`,
          message: `this payment is dated ${remittance.paymentDate}, after today (${today}): check the file before relying on its appeal dates`,
        });
      const key = paymentKey(remittance);
      if (key === null) continue;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, { name, content: paymentContent(remittance) });
        continue;
      }
      const location = `${name}: TRN ${remittance.traceNumber}`;
      const payer = `payer ${remittance.payer.id ?? 'without id'}`;
      if (first.content === paymentContent(remittance))
        add(found.repeated, name, {
          location,
          message: `this payment (${payer}) was already imported from ${first.name}; its lines count once`,
        });
      else
        add(found.conflicting, name, {
          location,
          message: `this trace number (${payer}) was already imported from ${first.name} with another amount or other claims: a payment's trace number is unique, so this file is refused and the first kept; ask the payer which is right`,
        });
    }
  };
  for (const f of files) note(f.name, f.content);
  return found;
}
