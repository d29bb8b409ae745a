/**
 * How a re-audit moves a fraction's charges. A charge is one claim line of a fraction (code +
 * modifiers). Rules:
 * - a line the audit wants and the fraction lacks is inserted with the audit's status (hold / ready);
 * - an existing line follows the audit (hold ↔ ready, units, expected amount) unless a person decided
 *   it: `released` (sent to billing) and `manual-hold` (held by a coder) stay as they are;
 * - a line the audit no longer wants (77412 downgraded to 77407, 77387-26 dropped) becomes `void`,
 *   unless released: a released charge is never changed behind the biller's back.
 */
export interface ExistingCharge {
  id: string;
  fraction_id: string;
  code: string;
  modifiers: string;
  units: number;
  expectedCents: number | null;
  status: string;
  reason: string | null;
}

export interface WantedCharge {
  fractionId: string;
  code: string;
  modifiers: string;
  units: number;
  expectedCents: number | null;
  status: 'hold' | 'ready';
  reason: string | null;
}

export type ChargeChange =
  | { kind: 'insert'; charge: WantedCharge }
  | {
      kind: 'update';
      id: string;
      status: string;
      reason: string | null;
      statusChanged: boolean;
      units?: number;
      expectedCents?: number | null;
    };

const PERSON_DECIDED = new Set(['released', 'manual-hold']);

export function diffCharges(
  existing: readonly ExistingCharge[],
  wanted: readonly WantedCharge[],
): ChargeChange[] {
  const key = (fractionId: string, code: string, modifiers: string) => `${fractionId}|${code}|${modifiers}`;
  const current = new Map(existing.map((c) => [key(c.fraction_id, c.code, c.modifiers), c]));
  const changes: ChargeChange[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const k = key(w.fractionId, w.code, w.modifiers);
    seen.add(k);
    const c = current.get(k);
    if (!c) {
      changes.push({ kind: 'insert', charge: w });
      continue;
    }
    if (PERSON_DECIDED.has(c.status)) continue;
    const amountChanged = c.units !== w.units || c.expectedCents !== w.expectedCents;
    if (c.status !== w.status || c.reason !== w.reason || amountChanged) {
      changes.push({
        kind: 'update',
        id: c.id,
        status: w.status,
        reason: w.reason,
        statusChanged: c.status !== w.status,
        units: w.units,
        expectedCents: w.expectedCents,
      });
    }
  }
  for (const [k, c] of current) {
    if (seen.has(k) || c.status === 'void' || c.status === 'released') continue;
    changes.push({
      kind: 'update',
      id: c.id,
      status: 'void',
      reason: 'no longer supported by the audit',
      statusChanged: true,
    });
  }
  return changes;
}
