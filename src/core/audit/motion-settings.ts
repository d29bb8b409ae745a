import type { Course, Thresholds } from '../model/course.js';
import type { MotionManagement } from '../model/session-facts.js';

/** The course's motion-management thresholds and where they are stated: the plan, else an AMM order. */
export interface StatedThresholds {
  thresholds: Thresholds | null;
  /** "plan", "order ORD-1", or null when neither states any. */
  from: string | null;
}

const hasThresholds = (t: Thresholds | null | undefined): t is Thresholds =>
  (t?.translationCm ?? null) !== null || (t?.rotationDeg ?? null) !== null;

/** A clause that says when the beam is held ("beam hold when outside 3 mm / 3 deg"). */
const HOLD_CONTEXT = /\b(threshold|tolerance|outside|beyond|exceed\w*|hold\w*|gat(ing|ed|e))\b/i;
const LENGTH = /(\d+(?:\.\d+)?)\s?(mm|cm)\b/i;
const ANGLE = /(\d+(?:\.\d+)?)\s?(°|deg(?:rees?)?\b)/i;

/**
 * Thresholds a motion-management order's text states: a length and/or an angle in a clause that says
 * when the beam is held. Domain.md §3.3 element 3 ("thresholds/tolerances") may be documented in the
 * order as well as the plan [C: ASTRO, eviCore]; a number outside such a clause (a dose, a margin) is not
 * read as a threshold.
 */
export function orderThresholds(text: string | undefined): Thresholds | null {
  for (const clause of (text ?? '').split(/[.;\n]\s/)) {
    if (!HOLD_CONTEXT.test(clause)) continue;
    const length = LENGTH.exec(clause);
    const angle = ANGLE.exec(clause);
    if (!length && !angle) continue;
    const cm = length ? Number(length[1]) / (length[2]!.toLowerCase() === 'mm' ? 10 : 1) : null;
    return {
      translationCm: cm === null ? null : Math.round(cm * 1000) / 1000,
      rotationDeg: angle ? Number(angle[1]) : null,
    };
  }
  return null;
}

/** The plan's thresholds, else the first (by id) motion-management order's that states them. */
export function statedCourseThresholds(course: Course): StatedThresholds {
  const plan = course.plan.motionManagement?.thresholds;
  if (hasThresholds(plan)) return { thresholds: plan, from: 'plan' };
  const orders = course.orders
    .filter((o) => o.kind === 'motion-management')
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const o of orders) {
    const t = orderThresholds(o.text);
    if (hasThresholds(t)) return { thresholds: t, from: `order ${o.id}` };
  }
  return { thresholds: null, from: null };
}

/** The course's motion management and where it is stated: "plan", "order ORD-1", or null. */
export interface CourseMotion {
  mm: MotionManagement | null;
  from: string | null;
}

const SURFACE = /surface|\bSGRT\b|AlignRT|Catalyst|IDENTIFY/i;

/**
 * The plan's motion management (with the thresholds an order states when the plan states none); when the
 * plan states none, the motion-management order whose text says when the beam is held and at what
 * thresholds: intrafraction monitoring with beam hold (seed: treatment "paused when out of tolerance";
 * schema/course.schema.json: the audit uses "the plan's motion management, else the thresholds a
 * motion-management order's text states"). The order's signature and the records are then audited as for
 * the plan's (DOC-001, DOC-004…DOC-008).
 */
export function courseMotion(course: Course): CourseMotion {
  const mm = course.plan.motionManagement;
  if (mm) {
    if (hasThresholds(mm.thresholds)) return { mm, from: 'plan' };
    const stated = statedCourseThresholds(course);
    return { mm: stated.thresholds ? { ...mm, thresholds: stated.thresholds } : mm, from: 'plan' };
  }
  const orders = course.orders
    .filter((o) => o.kind === 'motion-management')
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const o of orders) {
    const thresholds = orderThresholds(o.text);
    if (!hasThresholds(thresholds)) continue;
    const method = SURFACE.test(`${o.system ?? ''} ${o.text ?? ''}`) ? 'SGRT' : 'motion management';
    return {
      mm: { method, system: o.system ?? null, phase: 'intrafraction', beamHold: true, thresholds },
      from: `order ${o.id}`,
    };
  }
  return { mm: null, from: null };
}
