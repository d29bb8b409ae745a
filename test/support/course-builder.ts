/**
 * Builds valid, realistic course documents for audit tests: a left-breast DIBH course monitored with
 * AlignRT (3D single isocenter, intrafraction motion management with beam hold, thresholds 0.3 cm /
 * 3 deg, a signed AMM order, a patient-specific necessity statement scoring 5/5 elements), one
 * fraction per weekday, two tangential beams per fraction, a gating-active monitoring session covering
 * each fraction, the SGRT record and the IGRT review each signed about an hour after beam-off.
 * All patient data are synthetic.
 *
 * Time kinds follow architecture.md ("Time"): beam and monitoring times are facility wall-clock
 * readings (no offset); signatures are instants with the offset in force in the facility's zone.
 */
import type { CoverDesignation } from '../../src/core/audit/signer-capacity.js';
import { Temporal } from 'temporal-polyfill';
import { auditCourse, type CourseAudit, type FractionAudit } from '../../src/core/audit/audit-course.js';
import {
  type AuditOptions,
  auditOptionsSchema,
  DEFAULT_AUDIT_OPTIONS,
} from '../../src/core/audit/audit-options.js';
import {
  type Course,
  type CourseInput,
  courseSchema,
  type fractionSchema,
  type monitoringSessionSchema,
  type signatureSchema,
  SIGNER_ROLES,
} from '../../src/core/model/course.js';
import type { z } from 'zod';
import { BUNDLED_PROFILES } from '../../src/core/payers/bundled-profiles.js';
import type { PayerProfile } from '../../src/core/payers/payer-profile.js';
import { SEED_2026 } from '../../src/core/rates/seed-2026.js';

export type { Course, CourseInput };
export type FractionInput = z.input<typeof fractionSchema>;
export type MonitoringInput = z.input<typeof monitoringSessionSchema>;
export type SignatureInput = z.input<typeof signatureSchema>;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const PATIENT_ID = 'SYN00417';
export const PHYSICIAN_ID = 'DR-SYN-01';
export const ZONE = 'America/New_York';

/** Scores 5/5: patient facts (element 1), AlignRT (2), tolerances (3), continuous monitoring and alerts (4), beam hold (5). */
export const GOOD_NECESSITY =
  "Left breast invasive ductal carcinoma after lumpectomy, 40.05 Gy in 15 fractions to the whole breast. This patient's heart " +
  'lies within 1.2 cm of the medial tangent; with deep-inspiration breath hold her mean heart dose falls from 4.1 Gy to 1.3 Gy ' +
  'and the LAD is spared. AlignRT tracks her chest surface continuously throughout every beam, with tolerances of 3 mm ' +
  'translation and 3 degrees rotation; therapists are alerted by an audible and visual cue, and the beam is held ' +
  'automatically (beam hold) whenever the surface leaves tolerance.';

export const AMM_ORDER_TEXT =
  'Active motion management with deep-inspiration breath hold for left breast radiotherapy.';

// ---------------------------------------------------------------------------------------------------
// Time helpers (wall clock ↔ instants in a named zone; never the process zone)

// Temporal (polyfill) arithmetic is slow and property tests repeat the same readings: memoised.
const wallSums = new Map<string, string>();
const instants = new Map<string, string>();
const zoned = new Map<string, Temporal.ZonedDateTime>();

/** A facility wall-clock reading plus seconds, as a wall-clock reading ('2026-03-02T08:16:40'). */
export function wallPlus(local: string, seconds: number): string {
  const key = `${local} ${seconds}`;
  let out = wallSums.get(key);
  if (out === undefined) {
    out = Temporal.PlainDateTime.from(local).add({ seconds }).toString({ smallestUnit: 'second' });
    wallSums.set(key, out);
  }
  return out;
}

function zonedAt(local: string, zone: string): Temporal.ZonedDateTime {
  const key = `${zone} ${local}`;
  let z = zoned.get(key);
  if (!z) {
    z = Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: 'compatible' });
    zoned.set(key, z);
  }
  return z;
}

/** A facility wall-clock reading as an instant with its offset in `zone` ('2026-03-02T09:20:00-05:00'). */
export function instantAt(local: string, zone: string = ZONE): string {
  const key = `${zone} ${local}`;
  let out = instants.get(key);
  if (out === undefined) {
    out = zonedAt(local, zone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
    instants.set(key, out);
  }
  return out;
}

/** Epoch milliseconds of a wall-clock reading in `zone`. */
export function epochAt(local: string, zone: string = ZONE): number {
  return zonedAt(local, zone).epochMilliseconds;
}

export function isoAt(local: string, zone: string = ZONE): string {
  return new Date(epochAt(local, zone)).toISOString();
}

/** A signature at a wall-clock reading in `zone`. */
export function signedAt(local: string, zone: string = ZONE, role: SignerRole = 'physician'): SignatureInput {
  return {
    signerId: role === 'physician' ? PHYSICIAN_ID : `SYN-${role.toUpperCase()}-07`,
    role,
    signedAt: instantAt(local, zone),
  };
}

/** `count` consecutive weekdays from `start` (itself moved forward to a weekday). */
export function weekdays(start: string, count: number): string[] {
  const out: string[] = [];
  let d = Temporal.PlainDate.from(start);
  while (out.length < count) {
    if (d.dayOfWeek <= 5) out.push(d.toString());
    d = d.add({ days: 1 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Fractions

export interface FractionSpec {
  number: number;
  date: string;
  /** Wall-clock time of the first beam-on, 'HH:MM:SS'. */
  beamOnTime?: string;
  zone?: string;
  /** A unique suffix for ids when several fractions share a number (tests only). */
  idSuffix?: string;
}

/**
 * One fraction: monitoring 08:10:00–08:22:00 around beams 08:15:00–08:16:40 and 08:18:00–08:19:30
 * (for the default 08:15:00 beam-on), SGRT record signed at last beam-off + 1 h, IGRT review + 1 h 05.
 */
export function fractionInput(spec: FractionSpec): FractionInput {
  const zone = spec.zone ?? ZONE;
  const on1 = `${spec.date}T${spec.beamOnTime ?? '08:15:00'}`;
  const off1 = wallPlus(on1, 100);
  const on2 = wallPlus(on1, 180);
  const off2 = wallPlus(on1, 270);
  const id = `FX${String(spec.number).padStart(2, '0')}${spec.idSuffix ?? ''}`;
  return {
    id,
    number: spec.number,
    date: spec.date,
    beams: [
      { name: 'LT TAN MED', beamOn: on1, beamOff: off1, radiationType: 'PHOTON' },
      { name: 'LT TAN LAT', beamOn: on2, beamOff: off2, radiationType: 'PHOTON' },
    ],
    monitoring: [monitoringInput(`${id}-M1`, wallPlus(on1, -300), wallPlus(off2, 150))],
    sgrtRecord: { documentId: `${id}-SGRT`, signature: signedAt(wallPlus(off2, 3600), zone) },
    imageGuidance: { performed: true, review: signedAt(wallPlus(off2, 3900), zone) },
  };
}

export function monitoringInput(id: string, start: string, end: string): MonitoringInput {
  return {
    id,
    system: 'AlignRT',
    start,
    end,
    thresholds: { translationCm: 0.3, rotationDeg: 3 },
    gatingActive: true,
    gaps: [],
    excursions: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Courses

export interface CourseOptions {
  /** Delivered fractions, on consecutive weekdays (default 5). */
  fractions?: number;
  /** First treatment day (default Monday 2026-03-02). */
  startDate?: string;
  timeZone?: string;
  beamOnTime?: string;
  profile?: string;
  placeOfService?: '11' | '19' | '22';
  /** Last chance to change the input before it is parsed. */
  edit?: (course: CourseInput) => void;
}

/** A plain, mutable course input (before schema defaults). */
export function courseInput(opts: Omit<CourseOptions, 'edit'> = {}): CourseInput {
  const zone = opts.timeZone ?? ZONE;
  const start = opts.startDate ?? '2026-03-02';
  const dates = weekdays(start, opts.fractions ?? 5);
  const orderDay = Temporal.PlainDate.from(start).subtract({ days: 3 }).toString();
  return {
    schemaVersion: 1,
    courseId: 'C-SYN00417-1',
    patient: { id: PATIENT_ID },
    facility: { timeZone: zone, placeOfService: opts.placeOfService ?? '11' },
    payer: opts.profile ? { profile: opts.profile } : {},
    physicianId: PHYSICIAN_ID,
    site: { region: 'breast', laterality: 'left', extent: 'whole-breast' },
    diagnosis: 'C50.412',
    plan: {
      id: 'PLAN-LBR-1',
      modality: 'photon',
      technique: '3D',
      isocenters: 1,
      fractionsPlanned: Math.max(15, dates.length),
      deliverySystem: 'linac',
      motionManagement: {
        method: 'DIBH with surface guidance',
        system: 'AlignRT',
        phase: 'intrafraction',
        beamHold: true,
        thresholds: { translationCm: 0.3, rotationDeg: 3 },
      },
      imageGuidance: { performed: true },
    },
    orders: [
      {
        id: 'ORD-AMM-1',
        kind: 'motion-management',
        text: AMM_ORDER_TEXT,
        system: 'AlignRT',
        signature: signedAt(`${orderDay}T16:40:00`, zone),
      },
    ],
    necessity: {
      documentId: 'DOC-NEC-1',
      text: GOOD_NECESSITY,
      signature: signedAt(`${orderDay}T16:45:00`, zone),
    },
    fractions: dates.map((date, i) =>
      fractionInput({
        number: i + 1,
        date,
        zone,
        ...(opts.beamOnTime ? { beamOnTime: opts.beamOnTime } : {}),
      }),
    ),
    schedule: [],
  };
}

export function parseCourse(input: CourseInput): Course {
  return courseSchema.parse(input);
}

export function buildCourse(opts: CourseOptions = {}): Course {
  const input = courseInput(opts);
  opts.edit?.(input);
  return parseCourse(input);
}

/** Fraction `n` (1-based) of a course input, for edits. */
export function fx(course: CourseInput, n: number): FractionInput {
  const f = course.fractions.find((x) => x.number === n);
  if (!f) throw new Error(`no fraction ${n}`);
  return f;
}

// ---------------------------------------------------------------------------------------------------
// Running the audit

export const PROFILES: ReadonlyMap<string, PayerProfile> = new Map(BUNDLED_PROFILES.map((p) => [p.id, p]));
/** Well after every default course: all deadlines have passed. */
export const LATE_NOW = Date.parse('2026-06-01T12:00:00Z');

export interface RunOptions {
  now?: number | string;
  options?: Partial<AuditOptions>;
  /** Settings applied to every bundled payer profile (e.g. sgrtTrackingSupportsIgrt). */
  profile?: Partial<PayerProfile>;
  /** The practice's covering physicians (DOC-011). */
  covers?: readonly CoverDesignation[];
}

export function runAudit(course: Course, run: RunOptions = {}): CourseAudit {
  const now = typeof run.now === 'string' ? Date.parse(run.now) : (run.now ?? LATE_NOW);
  const options = run.options
    ? auditOptionsSchema.parse({ ...DEFAULT_AUDIT_OPTIONS, ...run.options })
    : DEFAULT_AUDIT_OPTIONS;
  const profiles = run.profile
    ? new Map([...PROFILES].map(([id, p]) => [id, { ...p, ...run.profile }]))
    : PROFILES;
  return auditCourse(course, { profiles, rates: SEED_2026, options, now, covers: run.covers ?? [] });
}

/** The audit of fraction `n`. */
export function fraction(audit: CourseAudit, n: number): FractionAudit {
  const f = audit.fractions.find((x) => x.number === n);
  if (!f) throw new Error(`no fraction ${n} in the audit`);
  return f;
}

/** Lines as 'code[-mod…]' strings, e.g. ['77412', '77387-26']. */
export function lineCodes(f: FractionAudit): string[] {
  return f.lines.map((l) => [l.code, ...l.modifiers].join('-'));
}

/** Findings as 'RULE:severity' strings, excluding informational coding/payer findings unless asked. */
export function findingKeys(f: { findings: FractionAudit['findings'] }, prefix = 'DOC-'): string[] {
  return f.findings.filter((x) => x.ruleId.startsWith(prefix)).map((x) => `${x.ruleId}:${x.severity}`);
}

export const READY_LINES = ['77412', '77387-26'];
export const DOWNGRADED_LINES = ['77407', '77387-26'];
