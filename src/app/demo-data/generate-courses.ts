import {
  AMM_KINDS,
  COURSE_KINDS,
  COURSE_MIX,
  type CourseKind,
  EVENING_SIGNER,
  FAMILY_NAMES,
  GIVEN_NAMES,
  PHYSICIANS,
  type SimAuthorization,
  type SimCourse,
  type SimFraction,
  type SimPatient,
} from './clinic-model.js';
import { addDays } from '../../core/time/calendar-date.js';
import { instantOf, wallClock, weekdayOnOrAfter } from './clinic-time.js';
import { ammOrderText, DIBH_ONLY, necessityText } from './chart-texts.js';
import { authorizedCodes, kindPlan, type KindPlan } from './course-plans.js';
import { buildFraction, type CourseFrame, lastOff, NO_FLAGS } from './build-fraction.js';
import { DST_NIGHT, isNightSession, nightSession } from './dst-night.js';
import { allocateSlots } from './allocate-slots.js';
import { chooseCourseLevel, chooseFlags } from './course-choices.js';
import { type Draft, fractionPlan } from './course-draft.js';
import { chooseSome, type Rng, rngFor } from './prng.js';

const HOUR = 3_600_000;

/**
 * The clinic's courses with their whole planned timelines: the kind mix, patients, payers, linac slots,
 * sources (DICOM or CSV treatment records, CSV or FHIR documents), course-level defects, timeline
 * events (beam holds, interrupted beams, two AlignRT sessions, a short twice-daily break), and the
 * normal signatures and charges. Defects that depend on the export instant are injected afterwards.
 */
export function generateCourses(seed: number, patients: number, days: readonly string[]): SimCourse[] {
  const rng = rngFor(seed, 'clinic');
  const kinds = chooseKinds(rng, patients);
  const slots = allocateSlots(rng, kinds, patients);
  const idBase = rng.int(0, 9998);
  const drafts: Draft[] = kinds.map((kind, index) => {
    const crng = rngFor(seed, 'course', index);
    const kp = kindPlan(kind, crng, 5001 + index);
    const patient = makePatient(crng, kind, kp, idBase, index);
    return {
      index,
      kind,
      kp,
      patient,
      physician: crng.pick(PHYSICIANS),
      machine: `TB${slots[index]!.machine + 1}`,
      slot: slots[index]!.slot,
      afternoonSlot: slots[index]!.afternoon,
      startDay: Math.floor(days.length * crng.float() ** 1.3),
      choices: {
        recordSource: 'dicom',
        documentSource: 'csv',
        noThresholds: false,
        dibhOnly: false,
        unsignedOrder: false,
        grandfathered: false,
        noAuthorization: false,
        shape: null,
      },
      plan: [],
      flags: new Map(),
    };
  });
  chooseCourseLevel(seed, drafts, days);
  for (const d of drafts) d.plan = fractionPlan(d);
  chooseEveningSigner(seed, drafts, days.length);
  chooseFlags(seed, drafts, days.length);
  const calendar = extendedCalendar(days, drafts);
  return drafts.map((d) => buildCourse(seed, d, calendar));
}

function chooseKinds(rng: Rng, patients: number): CourseKind[] {
  const kinds: CourseKind[] = patients >= COURSE_KINDS.length ? [...COURSE_KINDS] : [];
  while (kinds.length < patients) kinds.push(rng.weighted(COURSE_MIX));
  return rng.shuffle(kinds);
}

function makePatient(rng: Rng, kind: CourseKind, kp: KindPlan, idBase: number, index: number): SimPatient {
  const sex = kind.startsWith('breast') ? 'F' : kind === 'prostate-vmat' ? 'M' : rng.chance(0.5) ? 'F' : 'M';
  const year = kp.payer === 'medicare' ? rng.int(1950, 1960) : rng.int(1961, 1980);
  const num = 1 + ((idBase + index * 7919) % 9999);
  return {
    id: `SYN0${String(num).padStart(4, '0')}`,
    family: rng.pick(FAMILY_NAMES),
    given: rng.pick(GIVEN_NAMES[sex]),
    birthDate: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    sex,
  };
}

/** The period's treatment days, continued with the following weekdays for fractions planned after it. */
function extendedCalendar(days: readonly string[], drafts: readonly Draft[]): string[] {
  const need = Math.max(days.length, ...drafts.flatMap((d) => d.plan.map((f) => f.day + 1)));
  const out = [...days];
  while (out.length < need) out.push(weekdayOnOrAfter(addDays(out[out.length - 1]!, 1)));
  return out;
}

function buildCourse(seed: number, d: Draft, calendar: readonly string[]): SimCourse {
  const courseNumber = 5001 + d.index;
  const courseId = `C-${courseNumber}`;
  const frame: CourseFrame = {
    seed,
    index: d.index,
    kind: d.kind,
    courseId,
    kp: d.kp,
    slot: d.slot,
    afternoonSlot: d.afternoonSlot,
    ammMode: d.choices.noThresholds ? 'no-thresholds' : 'gated',
  };
  const fractions: SimFraction[] = [];
  for (const f of d.plan) {
    const previous = f.session === 1 ? fractions[fractions.length - 1]! : null;
    if (isNightSession(d, f.number)) {
      fractions.push(nightSession(buildFraction(frame, f.number, DST_NIGHT, 0, NO_FLAGS, null)));
      continue;
    }
    fractions.push(
      buildFraction(frame, f.number, calendar[f.day]!, f.session, d.flags.get(f.number)!, previous),
    );
  }
  const zone = 'America/New_York';
  const rng = rngFor(seed, 'signatures', d.index);
  signAndPost(fractions, zone, rng, d.physician === EVENING_SIGNER);
  // Past 77373's five fractions the OIS's course-limit edit posts no charge: the practice must decide.
  if (d.choices.shape === 'sbrt-past-five') for (const f of fractions) if (f.number > 5) f.charges = [];
  const amm = AMM_KINDS.has(d.kind);
  const firstDate = fractions[0]!.date;
  const planned = instantOf(
    wallClock(addDays(firstDate, -rng.int(3, 8)), 16) + rng.int(0, 3599) * 1000,
    zone,
  );
  return {
    index: d.index,
    kind: d.kind,
    courseId,
    patient: d.patient,
    payer: d.kp.payer,
    physician: d.physician,
    site: d.kp.site,
    diagnosis: d.kp.diagnosis,
    plan: d.kp.plan,
    planUid: `1.2.826.0.1.3680043.10.999.3.${seed}.${courseNumber}`,
    machine: d.machine,
    recordSource: d.choices.recordSource,
    documentSource: d.choices.documentSource,
    ammMode: amm ? frame.ammMode : null,
    shape: d.choices.shape,
    order: amm
      ? {
          id: `ORD-AMM-${courseNumber}`,
          text: d.choices.dibhOnly ? DIBH_ONLY : ammOrderText(),
          system: 'AlignRT',
          signedAt: d.choices.unsignedOrder ? null : planned,
        }
      : null,
    necessity: amm
      ? {
          id: `NOTE-${courseNumber}`,
          text: d.choices.dibhOnly ? DIBH_ONLY : necessityText(d.kp.site, d.kp.plan.fractionsPlanned, rng),
          signedAt: planned - rng.int(5, 30) * 60_000,
        }
      : null,
    authorization:
      d.kp.payer === 'medicare' || d.choices.noAuthorization ? null : authorization(d, firstDate, rng),
    fractions,
  };
}

/** The evening signer practises in clinics of this many courses or more (a small clinic keeps its four). */
const EVENING_SIGNER_FROM = 20;

/**
 * The evening signer's patients (`EVENING_SIGNER`): about half of the courses treated on the period's
 * last morning with fractions after it and a record to sign (SGRT record or IGRT review) that holds the
 * fraction until he signs it, at least two
 * motion-managed ones and one other where the clinic has them, drawn from a stream of their own (every
 * other draw of the clinic stays as it was). Their records of that morning await his signature at noon.
 */
function chooseEveningSigner(seed: number, drafts: readonly Draft[], periodDays: number): void {
  if (drafts.length < EVENING_SIGNER_FROM) return;
  const last = periodDays - 1;
  const candidates = drafts.filter(
    (d) =>
      !d.kp.twiceDaily &&
      // Not a course whose fractions stay held or downgraded whatever he signs (DOC-001, DOC-002, DOC-006).
      !d.choices.noThresholds &&
      !d.choices.unsignedOrder &&
      !d.choices.dibhOnly &&
      d.slot < 12 * 60 &&
      (AMM_KINDS.has(d.kind) || d.kp.plan.imageGuidance?.performed === true) &&
      d.plan.some((f) => f.day === last) &&
      d.plan.some((f) => f.day > last),
  );
  const rng = rngFor(seed, 'evening-signer');
  const amm = candidates.filter((d) => AMM_KINDS.has(d.kind));
  const other = candidates.filter((d) => !AMM_KINDS.has(d.kind));
  for (const d of [...chooseSome(rng, amm, 0.5, 2), ...chooseSome(rng, other, 0.5, 1)])
    d.physician = EVENING_SIGNER;
}

/**
 * Normal signatures (before the next beam-on) and charge posting, as a clinic that works well does; the
 * evening signer signs from 17:00 on (`EVENING_SIGNER`), still before the next beam-on.
 */
function signAndPost(fractions: SimFraction[], zone: string, rng: Rng, evening: boolean): void {
  const ordered = [...fractions].sort((a, b) => a.beams[0]!.on - b.beams[0]!.on);
  ordered.forEach((f, i) => {
    const off = instantOf(lastOff(f), zone);
    const from = evening ? Math.max(off, instantOf(wallClock(f.date, 17), zone)) : off;
    const next = ordered.slice(i + 1).find((g) => g.beams[0]!.on > lastOff(f));
    const deadline = next ? instantOf(next.beams[0]!.on, zone) : off + 72 * HOUR;
    const sign = (lo: number, hi: number) =>
      Math.min(from + rng.int(lo, hi) * 1000, deadline - rng.int(600, 1200) * 1000);
    if (f.sgrtRecord) f.sgrtRecord.signedAt = sign(15 * 60, 4 * 3600);
    if (f.igrtReview) f.igrtReview.signedAt = sign(10 * 60, 3 * 3600);
    f.postedAt = off + rng.int(60, 300) * 1000;
  });
}

function authorization(d: Draft, firstDate: string, rng: Rng): SimAuthorization {
  const prefix = { evicore: 'EV', uhc: 'UHC', medicareAdvantage: 'MAHMO', medicare: '', default: 'PPO' }[
    d.kp.payer
  ];
  const digits = String(rng.int(100000, 999999));
  if (d.choices.grandfathered) {
    // Obtained in December 2025 for a course that slipped into 2026: carried forward (domain.md §4).
    const obtainedOn = `2025-12-${String(rng.int(1, 19)).padStart(2, '0')}`;
    return {
      number: `${prefix}-25-${digits}`,
      codes: authorizedCodes(d.kp),
      fractions: d.kp.plan.fractionsPlanned,
      validFrom: addDays(obtainedOn, rng.int(1, 5)),
      validTo: '2026-06-30',
      obtainedOn,
      status: 'approved',
    };
  }
  const validFrom = addDays(firstDate, -rng.int(2, 6));
  return {
    number: `${prefix}-26-${digits}`,
    codes: authorizedCodes(d.kp),
    fractions: d.kp.plan.fractionsPlanned,
    validFrom,
    validTo: addDays(validFrom, 120),
    obtainedOn: addDays(validFrom, -rng.int(1, 7)),
    status: 'approved',
  };
}
