import type { Course } from '../model/course.js';
import type { PayerProfile } from '../payers/payer-profile.js';

/**
 * The five elements reviewers look for (eviCore's list as reported by ASTRO, "I got denied or
 * downcoded", 2026-01-21 [C]; domain.md §3.3), scored from the written documentation: the medical
 * necessity statement and the motion-management order.
 */
export const ELEMENTS = [
  { id: 1, name: 'Medical necessity for motion management, specific to the patient' },
  { id: 2, name: 'The real-time monitoring or gating system named' },
  { id: 3, name: 'Workflow and parameters: thresholds/tolerances, patient-specific set-up' },
  { id: 4, name: 'How motion is monitored (continuous), how data are acquired, how therapists are alerted' },
  { id: 5, name: 'Beam-on/beam-off methodology: what triggers a beam hold' },
] as const;

/**
 * Who expects how many of the five elements, as a message says it: a payer's profile, or without one
 * (the default profile) the practice's policy at the product's default. The five are eviCore's list as
 * ASTRO gives it; CPT defines no documentation elements, so the default profile's name ("CPT criteria")
 * is not their source.
 */
export function elementsExpected(profile: PayerProfile): string {
  const who =
    profile.id === 'default'
      ? "the practice's policy (product default)"
      : `the payer profile "${profile.name}"`;
  return `${who} expects ${profile.documentationElementsRequired} of the 5 elements (eviCore's list, as ASTRO gives it)`;
}

export interface ElementScore {
  id: number;
  name: string;
  present: boolean;
}

export type NecessityProblem =
  'missing' | 'dibh-only' | 'too-short' | 'template' | 'not-patient-specific' | null;

const SYSTEMS =
  /\b(align\s?rt|catalyst|rpm|real-?time position management|calypso|exactrac|identify|c-rad|humediq|sdx|abc|active breathing coordinator|cyberknife synchrony|synchrony|rgsc|surface guid\w*)\b/i;
const THRESHOLD =
  /\b(\d+(\.\d+)?\s?(mm|cm|°|deg\w*)\b.*\b(threshold|tolerance|window|limit)|(threshold|tolerance|window|limit)\w*\b[^.]*?\d+(\.\d+)?\s?(mm|cm|°|deg))/i;
const MONITORING =
  /\b(continuous\w*|real[- ]time|throughout|every beam|monitor\w*|camera\w*|alert\w*|audible|visual cue)\b/i;
const BEAM_HOLD =
  /\b(beam[- ]hold\w*|gat(ing|ed|e)|beam[- ](off|is held|interrupt\w*|paused?)|hold\w* the beam|paus\w* (the )?(beam|treatment)|interrupt\w* (the )?(beam|treatment))\b/i;
const TEMPLATE = /\[[^\]]*\]|_{3,}|<<|>>|\{\{|\bX{3,}\b|\*\*\*|\bTBD\b|\binsert\b/i;
/** Words that, alone, say nothing patient-specific (ASTRO: "DIBH" alone is insufficient). */
const BOILERPLATE = new Set(
  'dibh deep inspiration inspiratory breath hold breathhold sgrt amm active motion management surface guided guidance radiation therapy radiotherapy used use will be with and for the a an of to is was in on yes x checked box'.split(
    ' ',
  ),
);
/** Deep inspiration breath hold named (the "DIBH" alone that ASTRO calls insufficient). */
const DIBH = /\b(dibh|deep inspirat\w*|breath[- ]?hold\w*)\b/i;
const ANATOMY =
  /\b(heart|cardiac|coronary|lad|lung|pulmonary|liver|rectum|rectal|bladder|bowel|kidney|spinal|cord|esophag\w*|stomach|diaphragm\w*|chest wall|breast|prostate|seminal|tumou?r|target|ptv|ctv|node|nodes|nodal)\b/i;
const PATIENT_FACT =
  /\b(\d+(\.\d+)?\s?(gy|cgy|cm|mm|%|fractions?)|left|right|bilateral|her|his|this patient|patient's)\b/i;

/** Why the necessity statement is not acceptable, or null when it is patient-specific. */
export function necessityProblem(text: string | null | undefined): NecessityProblem {
  if (text === null || text === undefined || text.trim() === '') return 'missing';
  if (TEMPLATE.test(text)) return 'template';
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const meaningful = words.filter((w) => !BOILERPLATE.has(w));
  // Fewer than six words beyond the boilerplate: "DIBH" alone when it names DIBH, else too short to say why.
  if (meaningful.length < 6) return DIBH.test(text) ? 'dibh-only' : 'too-short';
  if (!(ANATOMY.test(text) && PATIENT_FACT.test(text))) return 'not-patient-specific';
  return null;
}

/** "50 Gy in 20 fractions", "4005 cGy / 15 fx": a dose stated with its number of fractions. */
const DOSE_IN_FRACTIONS = /\b\d+(?:\.\d+)?\s?c?gy\s?(?:in|over|\/|x|×)\s?(\d+)\s?(?:fractions?|fx)\b/gi;
/** Any "N fractions" of the text (a boost's total "(20 fractions)" included). */
const FRACTION_COUNT = /\b(\d+)\s?(?:fractions?|fx)\b/gi;

/**
 * A necessity statement's "X Gy in N fractions" when the text never states the plan's number of
 * fractions (neither as one count nor as the sum of its phases'): the statement then describes another
 * course (seed, "Documentation Requirements": a paragraph tailored to the patient). Null when it agrees
 * or states no dose. The plan holds no dose to compare.
 */
export function necessityFractionMismatch(
  text: string | null | undefined,
  fractionsPlanned: number,
): string | null {
  const stated = [...(text ?? '').matchAll(DOSE_IN_FRACTIONS)];
  if (!stated.length) return null;
  const counts = [...(text ?? '').matchAll(FRACTION_COUNT)].map((m) => Number(m[1]));
  const phases = stated.reduce((sum, m) => sum + Number(m[1]), 0);
  if (counts.includes(fractionsPlanned) || phases === fractionsPlanned) return null;
  return `The medical-necessity statement says "${stated[0]![0]}", but the course's plan has ${fractionsPlanned} fractions: correct the statement or the plan.`;
}

/** `necessity`: the statement's problem when already known (`necessityProblem` of its text). */
export function scoreElements(
  course: Course,
  necessity: NecessityProblem = necessityProblem(course.necessity?.text),
): ElementScore[] {
  // Every AMM order in the chart, in id order: the score must not depend on the order the orders were
  // imported in (the first one found used to be scored alone).
  const orders = course.orders
    .filter((o) => o.kind === 'motion-management')
    .sort((a, b) => a.id.localeCompare(b.id));
  const text = [course.necessity?.text ?? '', ...orders.flatMap((o) => [o.text ?? '', o.system ?? ''])].join(
    '\n',
  );
  const present = [
    necessity === null,
    SYSTEMS.test(text),
    THRESHOLD.test(text),
    MONITORING.test(text),
    BEAM_HOLD.test(text),
  ];
  return ELEMENTS.map((e, i) => ({ id: e.id, name: e.name, present: present[i]! }));
}
