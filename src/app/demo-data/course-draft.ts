import type { CourseKind, CourseShape, Physician, SimPatient } from './clinic-model.js';
import type { FractionFlags } from './build-fraction.js';
import type { KindPlan } from './course-plans.js';

/** Course-level choices that change what is generated (defects and sources). */
export interface CourseChoices {
  recordSource: 'dicom' | 'csv';
  documentSource: 'csv' | 'fhir';
  noThresholds: boolean;
  dibhOnly: boolean;
  unsignedOrder: boolean;
  grandfathered: boolean;
  /** A commercial course whose authorization never reached the practice's records. */
  noAuthorization: boolean;
  shape: CourseShape | null;
}

/** A course while it is being generated. */
export interface Draft {
  index: number;
  kind: CourseKind;
  kp: KindPlan;
  patient: SimPatient;
  physician: Physician;
  machine: string;
  slot: number;
  afternoonSlot: number | null;
  startDay: number;
  choices: CourseChoices;
  /** Fractions as (number, treatment-day index, session of the day). */
  plan: { number: number; day: number; session: 0 | 1 }[];
  flags: Map<number, FractionFlags>;
}

/** Fractions as (number, treatment-day index, session of the day): daily, every other day, or twice daily. */
export function fractionPlan(d: Draft): Draft['plan'] {
  const out: Draft['plan'] = [];
  const n = d.kp.plan.fractionsPlanned;
  if (d.kp.twiceDaily) {
    for (let j = 0; j < n / 2; j++) {
      out.push({ number: 2 * j + 1, day: d.startDay + j, session: 0 });
      out.push({ number: 2 * j + 2, day: d.startDay + j, session: 1 });
    }
  } else {
    for (let j = 0; j < n; j++) out.push({ number: j + 1, day: d.startDay + j * d.kp.dayStep, session: 0 });
  }
  return out;
}
