import { z } from 'zod';

/** A calendar date, YYYY-MM-DD (date of service: no time, no zone). */
export const calendarDate = z.iso.date();

export const MODALITIES = ['photon', 'electron', 'mixed', 'proton', 'orthovoltage', 'superficial'] as const;
export const TECHNIQUES = ['2D', '3D', 'IMRT', 'VMAT', 'SRS', 'SBRT', 'TSET', 'brachytherapy'] as const;

export const thresholdsSchema = z
  .object({
    translationCm: z.number().positive().nullable().optional(),
    rotationDeg: z.number().positive().nullable().optional(),
  })
  .strict();

export const motionManagementSchema = z
  .object({
    method: z
      .string()
      .min(1)
      .describe('e.g. "SGRT", "DIBH", "gating", "fiducial tracking", "abdominal compression".'),
    system: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe('Named system, e.g. AlignRT, Catalyst, RPM, Calypso.'),
    phase: z.enum(['setup-only', 'intrafraction']),
    beamHold: z
      .boolean()
      .describe('The beam is held (manually or automatically) when the patient moves out of tolerance.'),
    thresholds: thresholdsSchema.nullable().optional(),
  })
  .strict();

export const imageGuidanceSchema = z
  .object({
    performed: z.boolean(),
    physicianReviewed: z.boolean(),
  })
  .strict();

export const siteSchema = z
  .object({
    region: z.string().min(1).describe('Anatomic site, lower case: breast, prostate, lung, …'),
    laterality: z.enum(['left', 'right', 'bilateral', 'none']).optional(),
    internalMammaryNodes: z
      .boolean()
      .optional()
      .describe('Breast: the internal mammary nodes are treated (eviCore right-breast criterion).'),
    extent: z
      .enum(['whole-breast', 'post-mastectomy', 'partial-breast', 'other'])
      .optional()
      .describe('Breast: whole breast or post-mastectomy chest wall.'),
  })
  .strict();

export const placeOfService = z.enum(['11', '19', '22']);

/** The facts of one delivery session: the input of code selection (`sgrt-billing code`). */
export const sessionFactsSchema = z
  .object({
    dateOfService: calendarDate,
    /** 11 freestanding office (MPFS); 19/22 hospital outpatient (OPPS). */
    placeOfService,
    payer: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe('Payer profile id; the default profile follows the CPT criteria.'),
    modality: z.enum(MODALITIES),
    technique: z.enum(TECHNIQUES),
    isocenters: z.number().int().min(1).max(20),
    motionManagement: motionManagementSchema.nullable(),
    imageGuidance: imageGuidanceSchema.nullable(),
    sessionsToday: z
      .number()
      .int()
      .min(1)
      .max(4)
      .default(1)
      .describe('Delivery sessions this patient has on this date (1 or 2 for twice-daily).'),
    hoursSincePreviousSession: z
      .number()
      .min(0)
      .max(24)
      .nullable()
      .default(null)
      .describe(
        "Hours from the previous session's end to this session's start the same day; null for the first.",
      ),
    deliverySystem: z
      .enum(['linac', 'cobalt', 'robotic'])
      .optional()
      .describe(
        'For routing: which machine delivers SRS/SBRT (linac 77372/77373, cobalt 77371, robotic G0339/G0340).',
      ),
    fractionNumber: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'Fraction number within the course (payer fraction limits, robotic first/subsequent fraction).',
      ),
    fractionsPlanned: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "Fractions the course's plan prescribes: SRS in 2–5 fractions is 77373, and a course past a code's limit is named.",
      ),
    sessionsInCourse: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'Distinct sessions of the course delivered so far: SRS delivered in more than one session is 77373 per session, whatever the plan prescribed.',
      ),
    site: siteSchema.optional(),
    postedCodes: z
      .array(z.string().regex(/^[0-9A-Z]{5}$/))
      .optional()
      .describe(
        'Codes the charge-capture system posted for this session, checked against the 2026 code set.',
      ),
  })
  .strict();

export type SessionFacts = z.infer<typeof sessionFactsSchema>;
export type SessionFactsInput = z.input<typeof sessionFactsSchema>;
export type MotionManagement = z.infer<typeof motionManagementSchema>;
export type Site = z.infer<typeof siteSchema>;
