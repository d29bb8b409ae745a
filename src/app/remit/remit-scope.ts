import { sql } from 'kysely';
import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { StoredClaim } from './remittance-store.js';

/**
 * Which remittance claims an import classifies again: every claim of the practice (a re-pricing), or
 * those whose inputs it may have changed — the claims of its own 835s, the claims that name a course
 * of the patients it re-linked (CLP01 = the course id or starts with it, or a claim we sent with their
 * charges; or a line stored against them) and the claims naming an authorization it saved (REF*G1).
 */
export type RemitScope =
  | 'practice'
  | { importIds: readonly string[]; patientKeys: readonly string[]; authorizationKeys: readonly string[] };

/** Claim numbers and CLP07s looked up per statement. */
const BATCH = 1000;

/**
 * The counted claims of the scope, with every claim they may be paired or coordinated with: a reversal
 * pairs claims by CLP07 or CLP01 and coordination of benefits by CLP01 (`pairReversals`,
 * `linkCoordination`), so the claims sharing either with one in scope are added until none is. What
 * `pairReversals` and `linkCoordination` answer for these claims alone is what they answer for all the
 * practice's: no claim outside shares a CLP01 or CLP07 with one inside. In import order.
 */
export async function claimsInScope(trx: Trx, practiceId: string, scope: RemitScope): Promise<StoredClaim[]> {
  const base = trx
    .selectFrom('remit_claims as rc')
    .innerJoin('remittances as r', (j) =>
      j.onRef('r.import_id', '=', 'rc.import_id').onRef('r.payment_no', '=', 'rc.payment_no'),
    )
    .select(['rc.import_id', 'rc.payment_no', 'rc.claim_no', 'r.source', 'r.remittance', 'rc.claim'])
    .where('rc.practice_id', '=', practiceId)
    .where('r.counted', '=', true)
    .orderBy('rc.import_id')
    .orderBy('rc.payment_no')
    .orderBy('rc.claim_no');
  if (scope === 'practice') return stored(await base.execute());
  const { pcns, controls } = await connectedClaims(trx, practiceId, await seedClaims(trx, practiceId, scope));
  const rows = [];
  const [p, c] = [[...pcns], [...controls]];
  for (let i = 0; i < Math.max(p.length, c.length); i += BATCH) {
    const [pp, cc] = [p.slice(i, i + BATCH), c.slice(i, i + BATCH)];
    rows.push(
      ...(await base
        .where((eb) =>
          eb.or([
            ...(pp.length ? [eb('rc.pcn', 'in', pp)] : []),
            ...(cc.length ? [eb('rc.control_number', 'in', cc)] : []),
          ]),
        )
        .execute()),
    );
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = `${r.import_id}/${r.payment_no}/${r.claim_no}`;
    return !seen.has(key) && !!seen.add(key);
  });
  unique.sort(
    (a, b) =>
      Number(a.import_id) - Number(b.import_id) || a.payment_no - b.payment_no || a.claim_no - b.claim_no,
  );
  return stored(unique);
}

interface ClaimKeys {
  pcns: Set<string>;
  controls: Set<string>;
}

/** CLP01 and CLP07 of the claims the scope names directly. */
async function seedClaims(
  trx: Trx,
  practiceId: string,
  scope: Exclude<RemitScope, 'practice'>,
): Promise<ClaimKeys> {
  const keys: ClaimKeys = { pcns: new Set(), controls: new Set() };
  const { importIds, patientKeys, authorizationKeys } = scope;
  const courseKeys = patientKeys.length
    ? (
        await trx
          .selectFrom('courses as c')
          .innerJoin('patients as p', 'p.id', 'c.patient_id')
          .select('c.course_key')
          .where('c.practice_id', '=', practiceId)
          .where('p.mrn', '=', anyOf(patientKeys))
          .execute()
      ).map((r) => r.course_key)
    : [];
  const direct = await trx
    .selectFrom('remit_claims')
    .select(['pcn', 'control_number'])
    .where('practice_id', '=', practiceId)
    .where((eb) =>
      eb.or([
        ...(importIds.length ? [eb('import_id', 'in', importIds)] : []),
        ...(courseKeys.length
          ? [
              eb('course_keys', '&&', eb.val(courseKeys)),
              // A claim we sent for their charges, whatever its number.
              eb(
                'pcn',
                'in',
                eb
                  .selectFrom('claim_lines as cl')
                  .innerJoin('charges as ch', 'ch.id', 'cl.charge_id')
                  .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
                  .innerJoin('courses as c', 'c.id', 'f.course_id')
                  .select('cl.claim_pcn')
                  .where('cl.practice_id', '=', practiceId)
                  .where('c.course_key', '=', anyOf(courseKeys)),
              ),
            ]
          : []),
        ...(patientKeys.length
          ? [
              // A line stored against one of their courses before.
              eb(
                'pcn',
                'in',
                eb
                  .selectFrom('remit_lines as rl')
                  .innerJoin('patients as p', 'p.id', 'rl.patient_id')
                  .select('rl.claim_pcn')
                  .where('rl.practice_id', '=', practiceId)
                  .where('p.mrn', '=', anyOf(patientKeys)),
              ),
            ]
          : []),
        ...(authorizationKeys.length ? [eb('authorization_key', 'in', authorizationKeys)] : []),
        eb.lit(false),
      ]),
    )
    .execute();
  for (const r of direct) add(keys, r);
  return keys;
}

/** The keys of every claim sharing a CLP01 or CLP07 with these, until no claim adds one. */
async function connectedClaims(trx: Trx, practiceId: string, keys: ClaimKeys): Promise<ClaimKeys> {
  let frontier: ClaimKeys = { pcns: new Set(keys.pcns), controls: new Set(keys.controls) };
  while (frontier.pcns.size || frontier.controls.size) {
    const [p, c] = [[...frontier.pcns], [...frontier.controls]];
    const next: ClaimKeys = { pcns: new Set(), controls: new Set() };
    for (let i = 0; i < Math.max(p.length, c.length); i += BATCH) {
      const [pp, cc] = [p.slice(i, i + BATCH), c.slice(i, i + BATCH)];
      const rows = await trx
        .selectFrom('remit_claims')
        .select(['pcn', 'control_number'])
        .distinct()
        .where('practice_id', '=', practiceId)
        .where((eb) =>
          eb.or([
            ...(pp.length ? [eb('pcn', 'in', pp)] : []),
            ...(cc.length ? [eb('control_number', 'in', cc)] : []),
          ]),
        )
        .execute();
      for (const r of rows) {
        if (!keys.pcns.has(r.pcn)) next.pcns.add(r.pcn);
        if (r.control_number !== null && !keys.controls.has(r.control_number))
          next.controls.add(r.control_number);
        add(keys, r);
      }
    }
    frontier = next;
  }
  return keys;
}

function add(keys: ClaimKeys, r: { pcn: string; control_number: string | null }) {
  keys.pcns.add(r.pcn);
  if (r.control_number !== null) keys.controls.add(r.control_number);
}

function stored(
  rows: readonly {
    import_id: string;
    payment_no: number;
    claim_no: number;
    source: string;
    remittance: unknown;
    claim: unknown;
  }[],
): StoredClaim[] {
  return rows.map((r) => ({
    importId: String(r.import_id),
    paymentNo: r.payment_no,
    claimNo: r.claim_no,
    source: r.source,
    remittance: r.remittance as Omit<Remittance, 'claims'>,
    claim: r.claim as RemitClaim,
  }));
}

/**
 * `= any($1)`: one bound array instead of one parameter per key, so an import naming more patients than
 * PostgreSQL's 65,535 bind parameters (the Bind message's Int16 count, PostgreSQL protocol docs) still
 * scopes its remittances.
 */
function anyOf(keys: readonly string[]) {
  return sql<string>`any(${keys}::text[])`;
}
