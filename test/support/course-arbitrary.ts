/**
 * fast-check arbitraries for audit properties. A `CourseSpec` is plain data (what is present, missing,
 * late, where the gaps are); `courseFromSpec` turns it into a course with the builder. Properties can
 * then change one aspect of the spec (e.g. add a missing signature) and compare the two audits.
 */
import fc from 'fast-check';
import type { Course } from '../../src/core/model/course.js';
import {
  courseInput,
  epochAt,
  fractionInput,
  GOOD_NECESSITY,
  monitoringInput,
  parseCourse,
  signedAt,
  wallPlus,
  weekdays,
} from './course-builder.js';

export const SIGNATURE_STATES = ['on-time', 'late', 'none', 'non-physician', 'no-record'] as const;
export const REVIEW_STATES = ['on-time', 'late', 'none', 'not-performed'] as const;
export const MONITORING_STATES = ['one', 'none', 'two-overlapping', 'two-with-hole', 'samples'] as const;
export const GAPS = ['none', '8s', '15s', '15s-both-beams'] as const;
export const EXCURSIONS = ['none', 'held', 'missed'] as const;
export const ORDER_STATES = ['signed-before', 'signed-during', 'unsigned', 'therapist', 'none'] as const;
export const EXTRA_ORDERS = ['none', 'image-guidance', 'amm-unsigned', 'amm-with-elements'] as const;
export const NECESSITY_STATES = ['good', 'unsigned', 'dibh-only', 'none'] as const;
/** Session start times: same-day sessions are 1 h 15 min to 10 h apart. */
export const TIMES = [
  '07:00:00',
  '08:15:00',
  '09:30:00',
  '11:00:00',
  '13:15:00',
  '15:30:00',
  '17:00:00',
] as const;

export interface FractionSpec {
  /** Weekday index from Monday 2026-03-02 (the course crosses the 2026-03-08 DST change from index 5). */
  day: number;
  time: string;
  sgrt: (typeof SIGNATURE_STATES)[number];
  review: (typeof REVIEW_STATES)[number];
  monitoring: (typeof MONITORING_STATES)[number];
  /** A good extra session (thresholds, gating, no excursion) spanning the whole fraction. */
  extraSession: boolean;
  gap: (typeof GAPS)[number];
  thresholdsNull: boolean;
  excursion: (typeof EXCURSIONS)[number];
}

export interface CourseSpec {
  profile: 'default' | 'medicare' | 'uhc';
  fractions: FractionSpec[];
  order: (typeof ORDER_STATES)[number];
  /** For 'signed-during': the fraction (index modulo the count) on whose day, at 07:30, the order was signed. */
  orderDay: number;
  extraOrder: (typeof EXTRA_ORDERS)[number];
  necessity: (typeof NECESSITY_STATES)[number];
  /** One more fraction scheduled on the weekday after the last. */
  scheduled: boolean;
  now: number;
}

/**
 * The first state (the complete one) as likely as all the others together: a single missing document
 * then often decides a fraction's status, which is what property (c) needs to see.
 */
function mostlyFirst<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: fc.constant(values[0]!), weight: values.length - 1 },
    ...values.slice(1).map((v) => ({ arbitrary: fc.constant(v), weight: 1 })),
  );
}

const rarely = (oneIn: number) => fc.integer({ min: 1, max: oneIn }).map((n) => n === 1);

/** A fraction's documentation; `day` and `time` are assigned from `sameDay` and `time` below. */
const fractionArb = fc.record({
  /** Delivered the same day as the previous fraction (when its time is later), else on the next weekday. */
  sameDay: rarely(4),
  time: fc.constantFrom(...TIMES),
  sgrt: mostlyFirst(SIGNATURE_STATES),
  review: mostlyFirst(REVIEW_STATES),
  monitoring: mostlyFirst(MONITORING_STATES),
  extraSession: rarely(4),
  gap: mostlyFirst(GAPS),
  thresholdsNull: rarely(10),
  excursion: mostlyFirst(EXCURSIONS),
});

type FractionDraft = typeof fractionArb extends fc.Arbitrary<infer T> ? T : never;

/** Days in delivery order: a fraction shares the previous one's day when asked to and its time is later. */
function placeFractions(drafts: readonly FractionDraft[]): FractionSpec[] {
  let day = -1;
  let lastTime = '';
  return drafts.map(({ sameDay, ...rest }, i) => {
    if (!(i > 0 && sameDay && rest.time > lastTime)) day++;
    lastTime = rest.time;
    return { ...rest, day };
  });
}

const COURSE_START = Date.parse('2026-03-01T00:00:00Z');
const COURSE_END = Date.parse('2026-04-10T00:00:00Z');

/** 1–12 fractions on consecutive weekdays from Monday 2026-03-02, some days with two or three sessions. */
export const courseSpecArb: fc.Arbitrary<CourseSpec> = fc.record({
  profile: fc.constantFrom('default' as const, 'medicare' as const, 'uhc' as const),
  fractions: fc.array(fractionArb, { minLength: 1, maxLength: 12 }).map(placeFractions),
  order: mostlyFirst(ORDER_STATES),
  orderDay: fc.nat({ max: 11 }),
  extraOrder: mostlyFirst(EXTRA_ORDERS),
  necessity: mostlyFirst(NECESSITY_STATES),
  scheduled: fc.boolean(),
  now: fc.integer({ min: COURSE_START, max: COURSE_END }),
});

/** Build the course a spec describes (fractions numbered in delivery order, ids FX01…). */
export function courseFromSpec(spec: CourseSpec): Course {
  const lastDay = Math.max(...spec.fractions.map((f) => f.day));
  const dates = weekdays('2026-03-02', lastDay + 2);
  const c = courseInput({ fractions: 1, profile: spec.profile });
  c.fractions = spec.fractions.map((f, i) => {
    const x = fractionInput({ number: i + 1, date: dates[f.day]!, beamOnTime: f.time });
    const b1 = x.beams[0]!;
    const b2 = x.beams[1]!;
    const off = b2.beamOff;
    const late = signedAt(wallPlus(off, 30 * 3600));
    // SGRT record
    if (f.sgrt === 'late') x.sgrtRecord!.signature = late;
    else if (f.sgrt === 'none') x.sgrtRecord!.signature = null;
    else if (f.sgrt === 'non-physician')
      x.sgrtRecord!.signature = signedAt(wallPlus(off, 3600), undefined, 'therapist');
    else if (f.sgrt === 'no-record') x.sgrtRecord = null;
    // IGRT review
    if (f.review === 'late') x.imageGuidance!.review = late;
    else if (f.review === 'none') x.imageGuidance!.review = null;
    else if (f.review === 'not-performed') x.imageGuidance = { performed: false, review: null };
    // Monitoring
    const m1 = x.monitoring![0]!;
    const id = x.id;
    let sessions = [m1];
    if (f.monitoring === 'none') sessions = [];
    else if (f.monitoring === 'two-overlapping')
      sessions = [
        { ...m1, end: wallPlus(b1.beamOn, 60) },
        monitoringInput(`${id}-M2`, wallPlus(b1.beamOn, 30), m1.end),
      ];
    else if (f.monitoring === 'two-with-hole')
      sessions = [
        { ...m1, end: wallPlus(b2.beamOn, 10) },
        monitoringInput(`${id}-M2`, wallPlus(b2.beamOn, 40), m1.end),
      ];
    const gaps =
      f.gap === '8s'
        ? [{ start: wallPlus(b1.beamOn, 10), end: wallPlus(b1.beamOn, 18) }]
        : f.gap === '15s'
          ? [{ start: wallPlus(b1.beamOn, 10), end: wallPlus(b1.beamOn, 25) }]
          : f.gap === '15s-both-beams'
            ? [
                { start: wallPlus(b1.beamOn, 10), end: wallPlus(b1.beamOn, 25) },
                { start: wallPlus(b2.beamOn, 20), end: wallPlus(b2.beamOn, 35) },
              ]
            : [];
    sessions = sessions.map((s) => ({ ...s, gaps: [...gaps] }));
    if (f.monitoring === 'samples') {
      // One sample a second from the session start (beam 1 at t = 300 s); the gap as invalid samples.
      const base = sessions[0]!;
      const bounds = gaps.map((g) => [
        300 + secondsBetween(b1.beamOn, g.start),
        300 + secondsBetween(b1.beamOn, g.end),
      ]);
      const inGap = (t: number) => bounds.some(([from, to]) => t > from! && t < to!);
      sessions = [
        { ...base, gaps: [], samples: Array.from({ length: 721 }, (_, t) => ({ t, valid: !inGap(t) })) },
      ];
    }
    if (sessions[0] && f.thresholdsNull) sessions[0] = { ...sessions[0], thresholds: null };
    if (sessions[0] && f.excursion !== 'none')
      sessions[0] = {
        ...sessions[0],
        excursions: [
          { start: wallPlus(b1.beamOn, 40), end: wallPlus(b1.beamOn, 46), beamHeld: f.excursion === 'held' },
        ],
      };
    if (f.extraSession)
      sessions.push(monitoringInput(`${id}-MX`, wallPlus(b1.beamOn, -60), wallPlus(off, 60)));
    x.monitoring = sessions;
    return x;
  });
  const firstDate = dates[0]!;
  // Orders
  const amm = c.orders![0]!;
  if (spec.order === 'none') c.orders = [];
  else if (spec.order === 'unsigned') amm.signature = null;
  else if (spec.order === 'therapist')
    amm.signature = signedAt(`${firstDate}T07:00:00`, undefined, 'therapist');
  else if (spec.order === 'signed-during')
    amm.signature = signedAt(`${dates[spec.fractions[spec.orderDay % spec.fractions.length]!.day]}T07:30:00`);
  if (spec.extraOrder === 'image-guidance')
    c.orders!.push({
      id: 'ORD-IGRT-1',
      kind: 'image-guidance',
      text: 'Daily kV imaging.',
      signature: signedAt(`${firstDate}T07:00:00`),
    });
  else if (spec.extraOrder === 'amm-unsigned')
    c.orders!.push({ id: 'ORD-AMM-0', kind: 'motion-management', signature: null });
  else if (spec.extraOrder === 'amm-with-elements')
    c.orders!.push({
      id: 'ORD-AMM-2',
      kind: 'motion-management',
      system: 'AlignRT',
      text: 'Monitor continuously; beam hold outside a 3 mm tolerance.',
      signature: signedAt(`${firstDate}T07:00:00`),
    });
  // Necessity
  if (spec.necessity === 'none') c.necessity = null;
  else if (spec.necessity === 'unsigned')
    c.necessity = { documentId: 'DOC-NEC-1', text: GOOD_NECESSITY, signature: null };
  else if (spec.necessity === 'dibh-only') c.necessity!.text = 'Patient will be treated with DIBH.';
  // Schedule
  c.schedule = spec.scheduled
    ? [{ date: dates[lastDay + 1]!, beamOn: `${dates[lastDay + 1]}T08:15:00` }]
    : [];
  c.plan.fractionsPlanned = Math.max(15, spec.fractions.length + 1);
  return parseCourse(c);
}

function secondsBetween(a: string, b: string): number {
  return (epochAt(b) - epochAt(a)) / 1000;
}

/** One missing document (or signature) made present: a description and the resulting spec. */
export interface Addition {
  what: string;
  spec: CourseSpec;
}

/**
 * Every way of adding one missing document to the course: a physician signature on an SGRT record
 * (or the record itself, signed), on an IGRT review, an AMM order or its signature, a necessity
 * statement or its signature, a monitoring session (or a second, good one). An added session may lack
 * thresholds or have gaps, but never records a missed beam hold.
 */
export function additionsFor(spec: CourseSpec): Addition[] {
  const out: Addition[] = [];
  const edit = (what: string, change: (s: CourseSpec) => void) => {
    const next: CourseSpec = { ...spec, fractions: spec.fractions.map((f) => ({ ...f })) };
    change(next);
    out.push({ what, spec: next });
  };
  spec.fractions.forEach((f, i) => {
    if (f.sgrt !== 'on-time' && f.sgrt !== 'late') {
      for (const to of ['on-time', 'late'] as const)
        edit(`fraction ${i + 1}: SGRT record signed ${to}`, (s) => (s.fractions[i]!.sgrt = to));
    }
    if (f.review === 'none') {
      for (const to of ['on-time', 'late'] as const)
        edit(`fraction ${i + 1}: IGRT review signed ${to}`, (s) => (s.fractions[i]!.review = to));
    }
    if (f.monitoring === 'none')
      edit(`fraction ${i + 1}: monitoring session`, (s) => {
        s.fractions[i]!.monitoring = 'one';
        // A record showing the beam left on out of tolerance is adverse evidence, not a missing document:
        // it rightly fails the fraction (seed "Key Takeaways": treatment paused when out of tolerance).
        if (f.excursion === 'missed') s.fractions[i]!.excursion = 'held';
      });
    else if (!f.extraSession)
      edit(`fraction ${i + 1}: a second monitoring session`, (s) => (s.fractions[i]!.extraSession = true));
  });
  const orderTargets =
    spec.order === 'none'
      ? (['signed-before', 'signed-during', 'unsigned'] as const)
      : spec.order === 'unsigned' || spec.order === 'therapist'
        ? (['signed-before', 'signed-during'] as const)
        : [];
  for (const to of orderTargets) edit(`AMM order ${to}`, (s) => (s.order = to));
  if (spec.necessity === 'none') {
    for (const to of ['good', 'unsigned', 'dibh-only'] as const)
      edit(`necessity ${to}`, (s) => (s.necessity = to));
  }
  if (spec.necessity === 'unsigned') edit('necessity signed', (s) => (s.necessity = 'good'));
  return out;
}
