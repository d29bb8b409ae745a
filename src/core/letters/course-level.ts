import { deliveredModality } from '../coding/rules/code-013-delivered-beams.js';
import { deliveryDecision, type DeliveryDecision } from '../coding/select-codes.js';
import type { Course } from '../model/course.js';

/**
 * The delivery code as the coding rules decide it: routed first (SBRT 77373, SRS, protons…), else the
 * 2026 level. A letter about a line takes the session of its date of service as the audit coded it: the
 * modality its delivered beams show (CODE-013: an electron and a photon beam make mixed fields, 77412);
 * a letter about the course takes the plan.
 */
export function courseLevel(course: Course, dateOfService: string | null): DeliveryDecision {
  const session = dateOfService ? course.fractions.find((f) => f.date === dateOfService) : undefined;
  return deliveryDecision(
    {
      dateOfService: session?.date ?? course.fractions[0]?.date ?? '2026-01-01',
      placeOfService: course.facility.placeOfService,
      modality: session
        ? deliveredModality(course.plan.modality, session.beams, `course ${course.courseId}`).modality
        : course.plan.modality,
      technique: course.plan.technique,
      isocenters: course.plan.isocenters,
      motionManagement: course.plan.motionManagement,
      imageGuidance: null,
      sessionsToday: 1,
      hoursSincePreviousSession: null,
      fractionsPlanned: course.plan.fractionsPlanned,
      ...(course.plan.deliverySystem ? { deliverySystem: course.plan.deliverySystem } : {}),
    },
    `course ${course.courseId}`,
  );
}
