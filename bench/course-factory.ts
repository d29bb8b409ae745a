/**
 * Deterministic generator of realistic, synthetic course documents for the engine benchmark. Every
 * course has 25–30 planned fractions, one per weekday, in 2026; the mix follows a typical SGRT practice:
 * ~35% left-breast DIBH with AlignRT and IGRT, ~45% prostate/other IMRT or VMAT to one isocenter without
 * active motion management, ~10% 2D palliative, ~5% electrons, ~5% multiple isocenters. A share of them
 * carries the problems the audit looks for: missing or late signatures, monitoring gaps, a missed hold,
 * a missing monitoring record, a "DIBH"-only necessity note, deleted 2025 codes posted, an unknown payer.
 *
 * Courses are plain objects in the course document's input shape (`CourseInput`); the benchmark validates
 * them with `courseSchema.parse`. Times follow architecture.md ("Time"): beam and monitoring times are
 * facility wall-clock readings without an offset, signatures are instants with the facility's offset.
 * All identifiers are synthetic.
 */
import { Temporal } from 'temporal-polyfill';
import type { CourseInput } from '../src/core/model/course.js';
import { mulberry32 } from '../src/app/demo-data/prng.js';

type FractionInput = CourseInput['fractions'][number];
type MonitoringInput = NonNullable<FractionInput['monitoring']>[number];
type SignatureInput = NonNullable<NonNullable<FractionInput['sgrtRecord']>['signature']>;
type Plan = CourseInput['plan'];

export type CourseKind = 'breast-dibh' | 'imrt' | 'palliative-2d' | 'electrons' | 'multi-isocenter';

/** Share of each kind of course (weights sum to 1). */
export const COURSE_MIX: readonly (readonly [CourseKind, number])[] = [
  ['breast-dibh', 0.35],
  ['imrt', 0.45],
  ['palliative-2d', 0.1],
  ['electrons', 0.05],
  ['multi-isocenter', 0.05],
];

/** The audit instant the courses are generated against: courses still running then have a schedule. */
export const BENCH_NOW = Date.parse('2026-11-20T17:00:00Z');
const NOW_DATE = '2026-11-20';
const FIRST_START = Date.UTC(2026, 0, 5);
const START_DAYS = 305; // start dates 2026-01-05 … 2026-11-05
const DAY_MS = 86_400_000;

const ZONES: readonly (readonly [string, number])[] = [
  ['America/New_York', 0.5],
  ['America/Chicago', 0.2],
  ['America/Denver', 0.1],
  ['America/Phoenix', 0.05],
  ['America/Los_Angeles', 0.15],
];
const PHYSICIANS = ['DR-SYN-01', 'DR-SYN-02', 'DR-SYN-03', 'DR-SYN-04', 'DR-SYN-05', 'DR-SYN-06'];

/** A patient-specific statement whose fractionation agrees with the plan's count (DOC-002). */
const goodNecessity = (fractions: number) =>
  `Left breast cancer after lumpectomy, 50 Gy in 25 fractions to the whole left breast and a tumour-bed boost (${fractions} fractions in all). ` +
  'On free-breathing planning the mean heart dose was 4.1 Gy; with deep-inspiration breath hold her mean heart dose falls to 1.2 Gy and the LAD is spared. AlignRT surface guidance monitors her continuously in real time during every beam with a 3 mm translation and 3 degree rotation threshold; therapists are alerted visually and the beam is held automatically (gating) whenever she moves out of tolerance.';
const TEMPLATE_NECESSITY =
  'Active motion management with [SYSTEM] is medically necessary for this patient because ____. Threshold: ___ mm.';
const AMM_ORDER =
  'Active motion management: DIBH with AlignRT surface guidance during delivery, beam hold when outside 3 mm / 3 deg.';

/** Wall-clock reading (no offset) of a "naive" epoch: the local time's fields stored as if UTC. */
const local = (naiveMs: number): string => new Date(naiveMs).toISOString().slice(0, 19);
const dateOf = (naiveMs: number): string => new Date(naiveMs).toISOString().slice(0, 10);

const offsets = new Map<string, string>();
/** The zone's UTC offset at noon on a date ('-05:00'); no generated reading falls in a DST transition. */
function offsetOn(zone: string, date: string): string {
  const key = `${zone} ${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: '12:00' }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

export interface CourseFactory {
  /** The next course; at most `maxFractions` delivered fractions (the rest, if any, go to the schedule). */
  next(maxFractions?: number): CourseInput;
}

export function courseFactory(seed: number): CourseFactory {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number): boolean => rnd() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = rnd();
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  };
  let seq = 0;

  const sign = (
    naiveMs: number,
    zone: string,
    signerId: string,
    role: SignatureInput['role'] = 'physician',
  ) => ({
    signerId,
    role,
    signedAt: `${local(naiveMs)}${offsetOn(zone, dateOf(naiveMs))}`,
  });

  /** A physician signature after `afterMs`: mostly within two hours, sometimes days late, missing, or not a physician's. */
  const documentSignature = (
    afterMs: number,
    zone: string,
    physician: string,
    lateShare: number,
    missingShare: number,
  ) => {
    const r = rnd();
    if (r < missingShare) return null;
    if (r < missingShare + lateShare)
      return sign(afterMs + 4 * DAY_MS + int(0, 3600) * 1000, zone, physician);
    if (r < missingShare + lateShare + 0.01)
      return sign(afterMs + int(600, 3600) * 1000, zone, 'SYN-THERAPIST-07', 'therapist');
    return sign(afterMs + int(1800, 7200) * 1000, zone, physician);
  };

  function plan(kind: CourseKind, fractionsPlanned: number): { plan: Plan; site: CourseInput['site'] } {
    const base = { id: `PLAN-${seq}`, fractionsPlanned, modality: 'photon' as const, isocenters: 1 };
    switch (kind) {
      case 'breast-dibh':
        return {
          site: {
            region: 'breast',
            laterality: 'left',
            extent: chance(0.7) ? 'whole-breast' : 'post-mastectomy',
          },
          plan: {
            ...base,
            technique: chance(0.8) ? '3D' : 'IMRT',
            motionManagement: {
              method: 'DIBH with surface guidance',
              system: 'AlignRT',
              phase: 'intrafraction',
              beamHold: true,
              thresholds: { translationCm: 0.3, rotationDeg: 3 },
            },
            imageGuidance: { performed: true },
          },
        };
      case 'imrt': {
        const region = weighted([
          ['prostate', 0.5],
          ['head-neck', 0.2],
          ['rectum', 0.1],
          ['lung', 0.1],
          ['brain', 0.1],
        ] as const);
        return {
          site: { region, laterality: region === 'lung' ? pick(['left', 'right'] as const) : 'none' },
          plan: {
            ...base,
            technique: chance(0.6) ? 'VMAT' : 'IMRT',
            motionManagement: chance(0.3)
              ? { method: 'surface guidance', system: 'AlignRT', phase: 'setup-only', beamHold: false }
              : null,
            imageGuidance: { performed: true },
          },
        };
      }
      case 'palliative-2d':
        return {
          site: { region: pick(['spine', 'pelvis', 'brain'] as const), laterality: 'none' },
          plan: { ...base, technique: '2D', motionManagement: null },
        };
      case 'electrons':
        return {
          site: { region: 'skin', laterality: 'none' },
          plan: { ...base, modality: 'electron', technique: '3D', motionManagement: null },
        };
      case 'multi-isocenter':
        return {
          site: { region: 'craniospinal', laterality: 'none' },
          plan: {
            ...base,
            technique: '3D',
            isocenters: int(2, 3),
            motionManagement: null,
            imageGuidance: { performed: true },
          },
        };
    }
  }

  function beamNames(kind: CourseKind, technique: string): string[] {
    switch (kind) {
      case 'breast-dibh':
        return chance(0.2) ? ['LT MED', 'LT LAT', 'SCV AP', 'SCV PA'] : ['LT MED', 'LT LAT'];
      case 'imrt':
        return technique === 'VMAT'
          ? ['ARC1', 'ARC2']
          : ['G0', 'G51', 'G103', 'G154', 'G206', 'G257', 'G309'].slice(0, int(5, 7));
      case 'palliative-2d':
        return chance(0.5) ? ['AP', 'PA'] : ['PA'];
      case 'electrons':
        return ['E9'];
      case 'multi-isocenter':
        return ['BRAIN R', 'BRAIN L', 'SPINE SUP', 'SPINE INF'].slice(0, int(3, 4));
    }
  }

  /** One AlignRT session around the beams, sometimes with an occlusion gap, a long gap or an excursion. */
  function monitoring(
    id: string,
    beams: { on: number; off: number }[],
    thresholdsShown: boolean,
  ): MonitoringInput {
    const gaps: { start: string; end: string }[] = [];
    const excursions: { start: string; end: string; beamHeld: boolean }[] = [];
    const beam = pick(beams);
    const r = rnd();
    if (r < 0.15) {
      // Gantry/couch occlusion of 3–8 s: within the 10 s tolerance.
      const start = beam.on + int(5, 30) * 1000;
      gaps.push({ start: local(start), end: local(start + int(3, 8) * 1000) });
    } else if (r < 0.19) {
      // A 15–40 s stretch without valid data during beam-on (DOC-005).
      const start = beam.on + int(5, 20) * 1000;
      gaps.push({ start: local(start), end: local(start + int(15, 40) * 1000) });
    }
    const x = rnd();
    if (x < 0.21) {
      const start = beam.on + int(5, 40) * 1000;
      excursions.push({ start: local(start), end: local(start + int(2, 9) * 1000), beamHeld: x >= 0.01 });
    }
    return {
      id,
      system: 'AlignRT',
      start: local(beams[0]!.on - int(60, 300) * 1000),
      end: local(beams[beams.length - 1]!.off + int(60, 150) * 1000),
      thresholds: thresholdsShown ? { translationCm: 0.3, rotationDeg: 3 } : null,
      gatingActive: true,
      gaps,
      excursions,
    };
  }

  function next(maxFractions = Infinity): CourseInput {
    seq += 1;
    const courseId = `BENCH-${String(seq).padStart(7, '0')}`;
    const kind = weighted(COURSE_MIX);
    const zone = weighted(ZONES);
    const physician = pick(PHYSICIANS);
    const fractionsPlanned = int(25, 30);
    const { plan: coursePlan, site } = plan(kind, fractionsPlanned);
    const breast = kind === 'breast-dibh';
    const profile = breast
      ? weighted([
          ['evicore', 0.3],
          ['uhc', 0.25],
          ['medicare', 0.3],
          ['default', 0.14],
          ['acme-unlisted', 0.01],
        ] as const)
      : weighted([
          ['medicare', 0.45],
          ['uhc', 0.2],
          ['default', 0.2],
          ['commercial-omit-26', 0.1],
          ['evicore', 0.05],
        ] as const);

    // Weekday treatment days from a start date; the same slot each day, a few minutes' jitter.
    let day = FIRST_START + int(0, START_DAYS - 1) * DAY_MS;
    const slot = int(7 * 60, 17 * 60) * 60_000;
    const names = beamNames(kind, coursePlan.technique);
    const thresholdsShown = !chance(0.05);
    const fractions: FractionInput[] = [];
    const schedule: { date: string; beamOn: string }[] = [];
    for (let n = 1; n <= fractionsPlanned; n++) {
      while (new Date(day).getUTCDay() % 6 === 0) day += DAY_MS;
      const date = dateOf(day);
      let t = day + slot + int(-10, 10) * 60_000;
      day += DAY_MS;
      if (date >= NOW_DATE || fractions.length >= maxFractions) {
        schedule.push({ date, beamOn: local(t) });
        continue;
      }
      const beams = names.map((name) => {
        const on = t;
        const off = on + int(40, 150) * 1000;
        t = off + int(30, 60) * 1000;
        return { name, on, off };
      });
      const lastOff = beams[beams.length - 1]!.off;
      const id = `${courseId}-F${String(n).padStart(2, '0')}`;
      const imaged = coursePlan.imageGuidance?.performed === true && (kind !== 'breast-dibh' || chance(0.8));
      fractions.push({
        id,
        number: n,
        date,
        beams: beams.map((b) => ({ name: b.name, beamOn: local(b.on), beamOff: local(b.off) })),
        monitoring: breast && !chance(0.02) ? [monitoring(`${id}-RTD`, beams, thresholdsShown)] : [],
        sgrtRecord: breast
          ? { documentId: `${id}-SGRT`, signature: documentSignature(lastOff, zone, physician, 0.04, 0.03) }
          : null,
        imageGuidance: imaged
          ? { performed: true, review: documentSignature(lastOff, zone, physician, 0.01, 0.04) }
          : null,
        ...(kind === 'imrt' && chance(0.05) ? { postedCodes: [pick(['77385', '77386']), '77014'] } : {}),
      });
    }

    const planningDay = FIRST_START - 7 * DAY_MS + slot;
    const necessityText = breast
      ? weighted([
          [goodNecessity(fractionsPlanned), 0.85],
          ['DIBH', 0.1],
          [TEMPLATE_NECESSITY, 0.05],
        ] as const)
      : null;
    const orderRoll = rnd();
    return {
      schemaVersion: 1,
      courseId,
      patient: { id: `SYN${String(seq).padStart(7, '0')}` },
      facility: {
        timeZone: zone,
        placeOfService: weighted([
          ['11', 0.6],
          ['22', 0.35],
          ['19', 0.05],
        ] as const),
      },
      payer: { profile },
      physicianId: physician,
      site,
      plan: coursePlan,
      orders:
        breast && orderRoll >= 0.02
          ? [
              {
                id: `${courseId}-ORD-AMM`,
                kind: 'motion-management',
                system: 'AlignRT',
                text: AMM_ORDER,
                signature: orderRoll < 0.05 ? null : sign(planningDay, zone, physician),
              },
            ]
          : [],
      necessity:
        necessityText === null
          ? null
          : {
              documentId: `${courseId}-NOTE`,
              text: necessityText,
              signature: sign(planningDay - 3_600_000, zone, physician),
            },
      fractions,
      schedule,
    };
  }

  return { next };
}
