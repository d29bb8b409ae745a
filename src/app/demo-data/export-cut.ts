import { firstOn, lastOff } from './build-fraction.js';
import {
  AMM_KINDS,
  type ClinicEvent,
  type CourseShape,
  type Defect,
  type DefectKind,
  type SimCourse,
  type SimFraction,
} from './clinic-model.js';
import { deliveredBy, type ExportCut, signatureDeadlines } from './fraction-deadlines.js';
import { chooseSome, rngFor } from './prng.js';

const HOUR = 3_600_000;
const BREAK_HOURS = 6;

/**
 * The clinic as exported at `now`: a fraction of the period is delivered when its session had ended;
 * signatures and charges exist when they were made by then. What is not delivered becomes the schedule.
 */
export function cutAt(courses: readonly SimCourse[], cut: ExportCut): void {
  const { now } = cut;
  for (const c of courses) {
    if (c.order && c.order.signedAt !== null && c.order.signedAt > now) c.order.signedAt = null;
    if (c.necessity && c.necessity.signedAt !== null && c.necessity.signedAt > now)
      c.necessity.signedAt = null;
    for (const f of c.fractions) {
      f.delivered = deliveredBy(f, cut);
      if (!f.delivered) continue;
      if (f.sgrtRecord?.signedAt && f.sgrtRecord.signedAt > now) f.sgrtRecord.signedAt = null;
      if (f.igrtReview?.signedAt && f.igrtReview.signedAt > now) f.igrtReview.signedAt = null;
      if (f.postedAt > now) f.charges = [];
    }
  }
}

/** A few delivered, defect-free motion-managed fractions also get their alignRT treatment report PDF. */
export function chooseReports(seed: number, courses: readonly SimCourse[]): void {
  const candidates = courses
    .filter((c) => AMM_KINDS.has(c.kind) && c.shape !== 'alignrt-report-only')
    .flatMap((c) =>
      c.fractions.filter((f) => f.delivered && f.monitoring.length > 0 && f.injected.length === 0),
    );
  for (const f of chooseSome(rngFor(seed, 'reports'), candidates, 0.03)) f.report = true;
}

/** Hours from the previous session's last beam-off the same day to this one's first beam-on; null for the first. */
export function breakBefore(course: SimCourse, f: SimFraction): number | null {
  const before = course.fractions.filter((g) => g.date === f.date && lastOff(g) < firstOn(f));
  if (before.length === 0) return null;
  return (firstOn(f) - Math.max(...before.map(lastOff))) / HOUR;
}

const SHAPE_DETAILS: Record<CourseShape, string> = {
  'alignrt-report-only':
    'AlignRT kept as PDF treatment reports only (no real-time logs): thresholds and beam hold unknown, the plan decides',
  'mixed-beams':
    'an electron course whose sessions add a photon field: mixed, 77412 (the plan says electron)',
  'sbrt-past-five': "SBRT prescribed in 8 fractions: fractions 6–8 are past 77373's course limit",
  'srs-fractionated': 'cranial SRS in 3 fractions on a linac: 77373 per fraction, not 77372',
  'dst-night-emergency':
    'emergency first session across the 2026-03-08 spring-forward change; its DICOM record states -0500, so its 02:00 beam is an instant (no DOC-010)',
};

/** Every defect the exported clinic holds, from its final state (after the cut). */
export function listDefects(courses: readonly SimCourse[], now: number): Defect[] {
  const out: Defect[] = [];
  for (const c of courses) {
    const course = (kind: DefectKind, detail: string) =>
      out.push({ courseId: c.courseId, fractionId: null, fraction: null, kind, detail });
    if (c.plan.motionManagement?.phase === 'setup-only')
      course('setup-only-sgrt', 'AlignRT used for set-up only (plan); the fractions bill 77407, not 77412');
    if (c.ammMode === 'no-thresholds')
      course('no-thresholds', 'AlignRT logs show thresholds N/A and gating inactive on every fraction');
    if (c.shape) course(c.shape, SHAPE_DETAILS[c.shape]);
    if (c.necessity?.text === 'DIBH')
      course('dibh-only-necessity', 'the necessity note and the order say only "DIBH"');
    if (c.order && c.order.signedAt === null) course('unsigned-amm-order', 'the AMM order has no signature');
    if (c.authorization && c.authorization.obtainedOn < '2026')
      course(
        'grandfathered-authorization',
        `authorization ${c.authorization.number} obtained ${c.authorization.obtainedOn}, valid to ${c.authorization.validTo}`,
      );
    if (
      AMM_KINDS.has(c.kind) &&
      c.payer === 'evicore' &&
      c.site.laterality === 'right' &&
      c.site.internalMammaryNodes !== true
    )
      course('evicore-breast-criteria', 'right breast without internal mammary nodes under eviCore');

    const deadlines = signatureDeadlines(c);
    for (const f of c.fractions.filter((x) => x.delivered)) {
      const add = (kind: DefectKind, detail: string) =>
        out.push({ courseId: c.courseId, fractionId: f.id, fraction: f.number, kind, detail });
      const deadline = deadlines.get(f)!;
      for (const kind of f.injected) {
        if (kind.startsWith('sgrt-signature') || kind === 'igrt-review-pending') continue;
        add(kind, injectedDetail(kind, f));
      }
      const sgrt = f.sgrtRecord;
      const injected = f.injected.some((k) => k.startsWith('sgrt-signature'));
      if (sgrt && sgrt.signedAt === null) {
        if (deadline > now)
          add(
            'sgrt-signature-pending',
            injected
              ? 'not signed though usually signed by now'
              : 'not yet signed when the clinic was exported',
          );
        else add('sgrt-signature-overdue', 'never signed; the next beam-on has passed');
      } else if (sgrt && sgrt.signedAt !== null && sgrt.signedAt > deadline) {
        add(
          'sgrt-signature-late',
          `signed ${((sgrt.signedAt - deadline) / HOUR).toFixed(1)} h after the next beam-on`,
        );
      }
      const hours = breakBefore(c, f);
      const igrtBilled = c.kind !== 'lung-sbrt' && !(hours !== null && hours < BREAK_HOURS);
      if (f.igrtReview && f.igrtReview.signedAt === null && deadline > now && igrtBilled)
        add(
          'igrt-review-pending',
          f.injected.includes('igrt-review-pending')
            ? 'image-guidance review not signed though usually signed by now'
            : 'image-guidance review not yet signed when the clinic was exported',
        );
      if (hours !== null)
        add(
          hours < BREAK_HOURS ? 'twice-daily-short-break' : 'twice-daily',
          `second session ${hours.toFixed(1)} h after the first`,
        );
    }
  }
  return out;
}

function injectedDetail(kind: DefectKind, f: SimFraction): string {
  const events = f.monitoring.flatMap((m) => m.events);
  const seconds = (e: { from: number; to: number }) => ((e.to - e.from) / 1000).toFixed(1);
  switch (kind) {
    case 'monitoring-gap': {
      const e = events.filter((x) => x.kind === 'occlusion').at(-1)!;
      return `camera occluded (999 deltas) for about ${seconds(e)} s during beam-on`;
    }
    case 'brief-occlusion': {
      const e = events.filter((x) => x.kind === 'occlusion').at(-1)!;
      return `camera occluded (999 deltas) for about ${seconds(e)} s during beam-on (tolerated)`;
    }
    case 'missed-beam-hold': {
      const e = events.find((x) => x.kind === 'excursion' && !x.held)!;
      return `out of tolerance for ${seconds(e)} s with the beam on`;
    }
    case 'monitoring-setup-only-fraction':
      return 'the AlignRT session ended before the first beam-on';
    case 'monitoring-record-missing':
      return 'the SGRT record is signed but its AlignRT log was not exported';
    case 'deleted-code-posted':
      return `the OIS posted ${f.charges[0]!.code} (deleted for 2026)`;
    default:
      return kind;
  }
}

/** What the import must handle besides defects: interrupted beams, beam holds, two sessions, reports. */
export function listEvents(courses: readonly SimCourse[]): ClinicEvent[] {
  const out: ClinicEvent[] = [];
  for (const c of courses) {
    for (const f of c.fractions.filter((x) => x.delivered)) {
      const add = (kind: ClinicEvent['kind'], detail: string) =>
        out.push({ courseId: c.courseId, fractionId: f.id, fraction: f.number, kind, detail });
      const cut = f.beams.find((b) => b.part === 1);
      if (cut)
        add(
          'interrupted-beam',
          `beam ${cut.name} stopped by the operator and continued${f.secondRecordFrom !== null && c.recordSource === 'dicom' ? ' in a second DICOM record' : ''}`,
        );
      const holds = f.beams.flatMap((b) => b.holds).length;
      if (holds) add('beam-hold', `${holds} beam hold(s) while out of tolerance (gated)`);
      if (f.monitoring.length > 1) add('two-monitoring-sessions', `${f.monitoring.length} AlignRT logs`);
      if (f.report) add('alignrt-report', 'treatment report PDF of the same AlignRT session(s) as the logs');
    }
  }
  return out;
}
