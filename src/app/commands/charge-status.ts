import type { FractionAudit } from '../../core/audit/audit-course.js';
import { checkPtpEdits } from '../../core/edits/edit-001-ncci-ptp.js';
import { checkMueLimits, EDIT_002 } from '../../core/edits/edit-002-mue.js';
import type { EditLine } from '../../core/edits/edit-tables.js';
import { applyChargeChanges, type ChargeChange } from '../../storage/repositories/charge-changes.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { loadEditTables } from '../reference/reference-store.js';
import { practicePlaceOfService } from '../setup/practice-place-of-service.js';

export interface ChargeStatusRequest {
  fractionIds: readonly string[];
  action: 'release' | 'hold';
  /** Why a coder holds the charges (required for `hold`; identifiers only, no PHI). */
  reason?: string | undefined;
}

export interface ChargeStatusResult {
  changed: number;
  skipped: { fractionId: string; reason: string }[];
}

export const MAX_BULK = 1000;

/**
 * `POST /api/charges/release|hold`: a coder releases the charges of fractions the audit no longer holds
 * (to the claim), or holds charges by hand with a reason. Each move is recorded in the charge's history
 * with the login. A fraction still held by the audit is skipped with its reasons: release it by fixing
 * the chart (the audit then moves it to ready).
 */
export async function setChargeStatus(
  ctx: AppContext,
  actor: Actor,
  request: ChargeStatusRequest,
): Promise<ChargeStatusResult> {
  const ids = [...new Set(request.fractionIds)];
  if (!ids.length) throw new AppError('invalid_input', 'select at least one fraction');
  if (ids.length > MAX_BULK) throw new AppError('invalid_input', `at most ${MAX_BULK} fractions at once`);
  const reason = request.reason?.trim();
  if (request.action === 'hold' && !reason) throw new AppError('invalid_input', 'give a reason for the hold');
  const at = new Date(ctx.now()).toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const fractions = await trx
      .selectFrom('fractions as f')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .select(['f.id', 'f.status', 'f.audit', 'f.date_of_service', 'c.patient_id'])
      .where('f.practice_id', '=', actor.practiceId)
      .where('f.id', 'in', ids)
      .execute();
    const charges = fractions.length
      ? await trx
          .selectFrom('charges')
          .select(['id', 'fraction_id', 'status', 'code', 'modifiers', 'units'])
          .where('practice_id', '=', actor.practiceId)
          .where(
            'fraction_id',
            'in',
            fractions.map((f) => f.id),
          )
          .forUpdate()
          .execute()
      : [];
    const skipped: ChargeStatusResult['skipped'] = ids
      .filter((id) => !fractions.some((f) => f.id === id))
      .map((fractionId) => ({ fractionId, reason: 'not found' }));
    const edits =
      request.action === 'release'
        ? await releaseEdits(trx, actor.practiceId, fractions, charges)
        : new Map<string, string>();
    const changes: ChargeChange[] = [];
    for (const f of fractions) {
      const own = charges.filter((c) => c.fraction_id === f.id);
      if (request.action === 'release' && f.status === 'hold') {
        skipped.push({
          fractionId: f.id,
          reason: `still held by the audit: ${(f.audit as FractionAudit).reasons.join(', ')}`,
        });
        continue;
      }
      const from = request.action === 'release' ? ['ready', 'manual-hold'] : ['ready', 'hold'];
      const moving = own.filter((c) => from.includes(c.status));
      const failed = moving.map((c) => edits.get(c.id)).find((m) => m !== undefined);
      if (failed) {
        skipped.push({ fractionId: f.id, reason: failed });
        continue;
      }
      if (!moving.length) {
        skipped.push({
          fractionId: f.id,
          reason: `no charge to ${request.action} (${[...new Set(own.map((c) => c.status))].join(', ') || 'none'})`,
        });
        continue;
      }
      for (const c of moving) {
        changes.push({
          kind: 'update',
          id: c.id,
          status: request.action === 'release' ? 'released' : 'manual-hold',
          reason: request.action === 'release' ? 'released by a coder' : reason!,
          statusChanged: true,
        });
      }
    }
    await applyChargeChanges(trx, actor.practiceId, changes, at, actor.userId);
    const touched = fractions.filter((f) => changes.length && !skipped.some((s) => s.fractionId === f.id));
    return { changed: changes.length, skipped, patientIds: touched.map((f) => f.patient_id) };
  });
  ctx.log.info(
    {
      practiceId: actor.practiceId,
      userId: actor.userId,
      action: request.action,
      changed: result.changed,
      skipped: result.skipped.length,
    },
    'charge status set',
  );
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds: result.patientIds,
    route: `POST /api/charges/${request.action}`,
  });
  return { changed: result.changed, skipped: result.skipped };
}

interface ReleasingFraction {
  id: string;
  date_of_service: string;
  patient_id: string;
}

interface ReleasingCharge {
  id: string;
  fraction_id: string;
  status: string;
  code: string;
  modifiers: string;
  units: number;
}

/**
 * NCCI edits before release (EDIT-001 PTP, EDIT-002 MUE; domain.md §7): the lines that would be
 * released, with the patient's lines already released on the same dates, are checked against the
 * stored edit tables in force on each date of service. Practitioner tables for a freestanding
 * practice (POS 11) and for professional (-26) lines; outpatient hospital tables for technical lines
 * in a hospital (POS 19/22). Returns the message (rule, message, fix) per charge that fails; a charge
 * is failing on an EDIT-001 error or any EDIT-002 finding. No edit tables loaded: nothing fails.
 */
async function releaseEdits(
  trx: Trx,
  practiceId: string,
  fractions: readonly ReleasingFraction[],
  charges: readonly ReleasingCharge[],
): Promise<Map<string, string>> {
  const failing = new Map<string, string>();
  const moving = charges.filter((c) => c.status === 'ready' || c.status === 'manual-hold');
  if (!moving.length) return failing;
  const placeOfService = await practicePlaceOfService(trx, practiceId);
  const patients = [...new Set(fractions.map((f) => f.patient_id))];
  const dates = [...new Set(fractions.map((f) => f.date_of_service))];
  const released = await trx
    .selectFrom('charges as ch')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .select(['ch.id', 'ch.code', 'ch.modifiers', 'ch.units', 'f.date_of_service', 'c.patient_id'])
    .where('ch.practice_id', '=', practiceId)
    .where('ch.status', '=', 'released')
    .where('c.patient_id', 'in', patients)
    .where('f.date_of_service', 'in', dates)
    .execute();
  const fractionOf = new Map(fractions.map((f) => [f.id, f]));
  const lines = [
    ...moving.map((c) => ({
      ...c,
      date_of_service: fractionOf.get(c.fraction_id)!.date_of_service,
      patient_id: fractionOf.get(c.fraction_id)!.patient_id,
    })),
    ...released,
  ];
  const codes = lines.map((l) => l.code);
  const tables = {
    practitioner: await loadEditTables(trx, 'practitioner', codes),
    hospital: await loadEditTables(trx, 'hospital', codes),
  };
  for (const patient of patients) {
    for (const setting of ['practitioner', 'hospital'] as const) {
      const edited: EditLine[] = lines
        .filter((l) => l.patient_id === patient)
        .map((l) => ({ ...l, modifiers: l.modifiers.split(',').filter(Boolean) }))
        .filter(
          (l) =>
            (placeOfService === '11' || l.modifiers.includes('26') ? 'practitioner' : 'hospital') === setting,
        )
        .map((l) => ({
          subject: l.id,
          code: l.code,
          modifiers: l.modifiers,
          units: l.units,
          dateOfService: l.date_of_service,
        }));
      if (!edited.length || !tables[setting].length) continue;
      const findings = [
        ...checkPtpEdits(tables[setting], edited),
        ...checkMueLimits(tables[setting], edited),
      ];
      for (const f of findings) {
        if (f.severity !== 'error' && f.ruleId !== EDIT_002.id) continue;
        // An MUE over a day's total fails every line counted in it.
        const subjects = f.ruleId === EDIT_002.id ? String(f.evidence?.lines).split(', ') : [f.subject];
        for (const id of subjects) {
          if (!failing.has(id)) failing.set(id, `${f.ruleId}: ${f.message} Fix: ${f.fix}`);
        }
      }
    }
  }
  return failing;
}
