import type { FractionAudit } from '../../core/audit/audit-course.js';
import { type ResolvedMonitoring, resolveTimeline } from '../../core/audit/fraction-timeline.js';
import { subtract, uncovered } from '../../core/audit/intervals.js';
import type { FractionStatus } from '../../core/audit/outcome.js';
import type { Course } from '../../core/model/course.js';
import { lineLabel } from '../../core/model/billing-line.js';
import { clockFor } from '../../core/time/local-clock.js';
import type { Actor, AppContext } from '../app-context.js';
import type { ChargeStatus, ChargeView, FractionDetail, MonitoringView, SignatureView } from '../views.js';
import { SIGNABLE, type SignableDocument } from './signatures-due.js';

export interface StoredFraction {
  id: string;
  key: string;
  status: FractionStatus;
  audit: FractionAudit;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Per stored fraction of a course: its timeline as instants, decision, charges and signatures. */
export async function fractionDetails(
  ctx: AppContext,
  actor: Actor,
  course: Course,
  fractions: readonly StoredFraction[],
): Promise<FractionDetail[]> {
  const ids = fractions.map((f) => f.id);
  if (!ids.length) return [];
  const [charges, documents] = await Promise.all([
    ctx.db
      .selectFrom('charges')
      .select([
        'id',
        'fraction_id',
        'code',
        'modifiers',
        'units',
        'expected_cents',
        'status',
        'reason',
        'updated_at',
      ])
      .where('practice_id', '=', actor.practiceId)
      .where('fraction_id', 'in', ids)
      .orderBy('code')
      .execute(),
    ctx.db
      .selectFrom('documents as d')
      .leftJoin('signatures as s', 's.document_id', 'd.id')
      .select(['d.fraction_id', 'd.kind', 's.signer_id', 's.signed_at', 's.source', 's.signer_capacity'])
      .where('d.practice_id', '=', actor.practiceId)
      .where('d.fraction_id', 'in', ids)
      .execute(),
  ]);
  const clock = clockFor(course.facility.timeZone);
  const options = ctx.auditContext(ctx.now()).options;
  const byKey = new Map(course.fractions.map((f) => [f.id, f]));
  return fractions.map((stored) => {
    const fraction = byKey.get(stored.key);
    const timeline = fraction ? resolveTimeline(fraction, clock, options) : null;
    const deadline = stored.audit.signatureDeadline;
    const docs = documents.filter((d) => d.fraction_id === stored.id);
    const signatures: SignatureView[] = docs.flatMap((d) =>
      d.signer_id && d.signed_at
        ? [
            {
              document: d.kind as SignatureView['document'],
              signerId: d.signer_id,
              signedAt: iso(new Date(d.signed_at).getTime()),
              source: d.source === 'app' ? ('app' as const) : ('import' as const),
              capacity: (d.signer_capacity ?? null) as SignatureView['capacity'],
              beforeDeadline: deadline ? new Date(d.signed_at).getTime() <= Date.parse(deadline) : null,
            },
          ]
        : [],
    );
    const signable = docs
      .filter((d) => !d.signer_id && (SIGNABLE as readonly string[]).includes(d.kind))
      .map((d) => d.kind as SignableDocument)
      .sort();
    return {
      id: stored.id,
      number: stored.audit.number,
      date: stored.audit.date,
      status: stored.status,
      lines: stored.audit.lines,
      findings: stored.audit.findings,
      charges: charges.filter((c) => c.fraction_id === stored.id).map(chargeView),
      // Facility time, whatever offset a record stated (kept only where the reading alone is ambiguous).
      beams: (timeline?.beams ?? []).map((b) => {
        // Beam-on to beam-off against the union of valid monitoring, as DOC-005 measures it.
        const gaps = uncovered(b.interval, timeline!.coverage).map((g) => g.end - g.start);
        const onMs = b.interval.end - b.interval.start;
        return {
          name: b.name,
          beamOnLocal: clock.facilityReading(b.interval.start),
          beamOffLocal: clock.facilityReading(b.interval.end),
          beamOnAt: iso(b.interval.start),
          beamOffAt: iso(b.interval.end),
          monitoredSeconds: (onMs - gaps.reduce((a, g) => a + g, 0)) / 1000,
          longestGapSeconds: Math.max(0, ...gaps) / 1000,
        };
      }),
      monitoring: (timeline?.monitoring ?? []).map((m) => monitoringView(m, timeline!.excursions)),
      signatures,
      signatureDeadline: deadline,
      signable,
      occlusionToleranceSec: options.occlusionToleranceSec,
    };
  });
}

function monitoringView(
  m: ResolvedMonitoring,
  excursions: NonNullable<ReturnType<typeof resolveTimeline>>['excursions'],
): MonitoringView {
  return {
    system: m.session.system,
    startAt: iso(m.interval.start),
    endAt: iso(m.interval.end),
    thresholds: m.session.thresholds as MonitoringView['thresholds'],
    gatingActive: m.session.gatingActive,
    gaps: subtract([m.interval], m.covered).map((g) => ({ startAt: iso(g.start), endAt: iso(g.end) })),
    excursions: excursions
      .filter((x) => x.sessionId === m.session.id)
      .map((x) => ({ startAt: iso(x.interval.start), endAt: iso(x.interval.end), beamHeld: x.beamHeld })),
  };
}

export function chargeView(c: {
  id: string;
  fraction_id: string;
  code: string;
  modifiers: string;
  units: number;
  expected_cents: string | null;
  status: string;
  reason: string | null;
  updated_at: Date;
}): ChargeView {
  const modifiers = c.modifiers ? c.modifiers.split(',') : [];
  return {
    id: c.id,
    fractionId: c.fraction_id,
    code: c.code,
    modifiers,
    units: c.units,
    label: lineLabel({ code: c.code, modifiers, units: c.units }),
    expectedCents: c.expected_cents === null ? null : Number(c.expected_cents),
    status: c.status as ChargeStatus,
    reason: c.reason,
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}
