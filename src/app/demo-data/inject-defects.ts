import { AMM_KINDS, type DefectKind, type SimCourse, type SimFraction } from './clinic-model.js';
import { firstOn } from './build-fraction.js';
import { deliveredBy, type ExportCut, signatureDeadlines } from './fraction-deadlines.js';
import { chooseSome, type Rng, rngFor } from './prng.js';

const S = 1000;

type FractionDefect = Extract<
  DefectKind,
  | 'monitoring-gap'
  | 'brief-occlusion'
  | 'missed-beam-hold'
  | 'monitoring-setup-only-fraction'
  | 'monitoring-record-missing'
  | 'sgrt-signature-late'
  | 'sgrt-signature-overdue'
  | 'sgrt-signature-pending'
>;

/** Rate per delivered motion-managed fraction (at most one defect per fraction). */
const RATES: readonly (readonly [FractionDefect, number])[] = [
  ['brief-occlusion', 0.08],
  ['monitoring-gap', 0.03],
  ['sgrt-signature-late', 0.03],
  ['sgrt-signature-overdue', 0.02],
  ['missed-beam-hold', 0.015],
  ['monitoring-setup-only-fraction', 0.01],
  ['monitoring-record-missing', 0.01],
];
/** Share of the fractions whose signature was due after the export and is still missing though usually done by then. */
const PENDING_RATE = 0.3;

interface Target {
  course: SimCourse;
  fraction: SimFraction;
  deadline: number;
}

/**
 * Fraction-level defects that depend on the export instant `now`, at realistic low rates and at least
 * once each when an eligible fraction exists (so that a clinic of a few dozen patients shows every kind):
 * monitoring gaps and brief occlusions during beam-on, a missed beam hold, monitoring stopped after
 * set-up, a monitoring log not exported, late / overdue / pending SGRT signatures, and a deleted 2025 code
 * posted by the OIS. Each is marked on the fraction (`injected`).
 */
export function injectDefects(seed: number, courses: readonly SimCourse[], cut: ExportCut): void {
  const { now } = cut;
  const targets: Target[] = [];
  for (const course of courses) {
    // A report-only practice's monitoring defects would not show in its exports (a report has no samples).
    if (!AMM_KINDS.has(course.kind) || course.shape === 'alignrt-report-only') continue;
    const deadlines = signatureDeadlines(course);
    for (const fraction of course.fractions) {
      if (deliveredBy(fraction, cut)) targets.push({ course, fraction, deadline: deadlines.get(fraction)! });
    }
  }
  const free = (t: Target) => t.fraction.injected.length === 0;
  for (const t of targets) {
    const rng = rngFor(seed, 'defect', t.course.index, t.fraction.number);
    const roll = rng.float();
    let acc = 0;
    const kind = RATES.find(([, rate]) => roll < (acc += rate))?.[0];
    if (kind && eligible(kind, t, now)) apply(kind, t, rng, now);
    else if (rng.chance(PENDING_RATE) && eligible('sgrt-signature-pending', t, now))
      apply('sgrt-signature-pending', t, rng, now);
  }
  for (const kind of [...RATES.map(([k]) => k), 'sgrt-signature-pending' as const]) {
    if (targets.some((t) => t.fraction.injected.includes(kind))) continue;
    const candidates = targets.filter((t) => free(t) && eligible(kind, t, now));
    if (candidates.length === 0) continue;
    const rng = rngFor(seed, 'ensure-defect', kind);
    apply(kind, rng.pick(candidates), rng, now);
  }
  injectDeletedCodes(seed, courses, cut);
  ensureIgrtPending(seed, courses, cut);
}

/**
 * IGRT reviews not signed at the export are usually those of the morning's fractions (signed in the
 * afternoon); when the export time leaves none, one review that would have been signed by then is left
 * unsigned, so that the clinic shows a held 77387-26 (DOC-009).
 */
function ensureIgrtPending(seed: number, courses: readonly SimCourse[], cut: ExportCut): void {
  const candidates: { f: SimFraction; natural: boolean }[] = [];
  for (const c of courses) {
    if (c.kind === 'lung-sbrt') continue; // 77373 includes image guidance: no 77387 line to hold
    const deadlines = signatureDeadlines(c);
    for (const f of c.fractions) {
      if (!f.igrtReview || f.igrtReview.signedAt === null || f.session === 1 || !deliveredBy(f, cut))
        continue;
      if (deadlines.get(f)! <= cut.now) continue;
      candidates.push({ f, natural: f.igrtReview.signedAt > cut.now });
    }
  }
  if (candidates.some((x) => x.natural) || candidates.length === 0) return;
  const { f } = rngFor(seed, 'ensure-igrt-pending').pick(candidates);
  f.igrtReview!.signedAt = null;
  f.injected.push('igrt-review-pending');
}

function eligible(kind: FractionDefect, t: Target, now: number): boolean {
  const f = t.fraction;
  const clean =
    f.monitoring.length === 1 &&
    f.monitoring[0]!.mode === 'gated' &&
    f.beams.every((b) => b.holds.length === 0 && b.part === undefined);
  switch (kind) {
    case 'monitoring-gap':
    case 'brief-occlusion':
    case 'missed-beam-hold':
    case 'monitoring-setup-only-fraction':
      return clean;
    case 'monitoring-record-missing':
      return f.monitoring.length > 0;
    case 'sgrt-signature-late':
      return t.deadline + 40 * 60 * S <= now;
    case 'sgrt-signature-overdue':
      return t.deadline + 10 * 60 * S <= now;
    case 'sgrt-signature-pending':
      // Pending because of the defect, not because the export came before the usual signing time.
      return t.deadline > now && f.sgrtRecord?.signedAt !== null && f.sgrtRecord!.signedAt! <= now;
  }
}

function apply(kind: FractionDefect, t: Target, rng: Rng, now: number): void {
  const f = t.fraction;
  f.injected.push(kind);
  const session = f.monitoring[0]!;
  const beam = () => {
    const b = rng.pick(f.beams);
    return { on: b.on, ms: b.off - b.on };
  };
  switch (kind) {
    case 'monitoring-gap': {
      // The camera is occluded for 13.5–20 s soon after a beam comes on: > 10 s of beam-on unmonitored.
      const b = f.beams.reduce((x, y) => (y.off - y.on > x.off - x.on ? y : x));
      const from = b.on + rng.int(1500, 3000);
      session.events.push({ kind: 'occlusion', from, to: from + rng.int(13_500, 20_000) });
      return;
    }
    case 'brief-occlusion': {
      // Gantry in front of the camera for about 4 s during beam-on: within the 10 s tolerance.
      const b = beam();
      const from = b.on + rng.int(2000, b.ms - 8000);
      session.events.push({ kind: 'occlusion', from, to: from + rng.int(3800, 4600) });
      return;
    }
    case 'missed-beam-hold': {
      // Out of tolerance for 4.5–7 s with the beam on: gating did not hold it.
      const b = beam();
      const from = b.on + rng.int(3000, b.ms - 11_000);
      session.events.push({ kind: 'excursion', from, to: from + rng.int(4500, 7000), held: false });
      return;
    }
    case 'monitoring-setup-only-fraction': {
      // The therapist stopped AlignRT after set-up: nothing watched the beams.
      session.end = firstOn(f) - rng.int(20, 60) * S;
      session.events = session.events.filter((e) => e.to < session.end - 5 * S);
      return;
    }
    case 'monitoring-record-missing':
      f.monitoring = [];
      return;
    case 'sgrt-signature-late': {
      const latest = Math.min(20 * 3600, Math.floor((now - t.deadline) / S) - 600);
      f.sgrtRecord!.signedAt = t.deadline + rng.int(1800, Math.max(1800, latest)) * S;
      return;
    }
    case 'sgrt-signature-overdue':
    case 'sgrt-signature-pending':
      f.sgrtRecord!.signedAt = null;
      return;
  }
}

/** The OIS posts 77386 or G6015 (deleted for 2026) instead of 77407 for some IMRT/VMAT sessions. */
function injectDeletedCodes(seed: number, courses: readonly SimCourse[], cut: ExportCut): void {
  const targets = courses
    .filter((c) => c.kind === 'prostate-vmat' || c.kind === 'head-neck-vmat')
    .flatMap((c) => c.fractions.filter((f) => deliveredBy(f, cut) && f.postedAt <= cut.now));
  const rng = rngFor(seed, 'deleted-codes');
  for (const f of chooseSome(rng, targets, 0.02)) {
    f.charges[0]!.code = rng.pick(['77386', 'G6015']);
    f.injected.push('deleted-code-posted');
  }
}
