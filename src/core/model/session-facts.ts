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
    /** e.g. "SGRT", "DIBH", "gating", "fiducial tracking", "abdominal compression". */
    method: z.string().min(1),
    /** Named system, e.g. AlignRT, Catalyst, RPM, Calypso. */
    system: z.string().min(1).nullable().optional(),
    phase: z.enum(['setup-only', 'intrafraction']),
    /** The beam is held (manually or automatically) when the patient moves out of tolerance. */
    beamHold: z.boolean(),
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
    /** Anatomic site, lower case: breast, prostate, lung, … */
    region: z.string().min(1),
    laterality: z.enum(['left', 'right', 'bilateral', 'none']).optional(),
    /** Breast: the internal mammary nodes are treated (eviCore right-breast criterion). */
    internalMammaryNodes: z.boolean().optional(),
    /** Breast: whole breast or post-mastectomy chest wall. */
    extent: z.enum(['whole-breast', 'post-mastectomy', 'partial-breast', 'other']).optional(),
  })
  .strict();

export const placeOfService = z.enum(['11', '19', '22']);

/** The facts of one delivery session: the input of code selection (`sgrt-billing code`). */
export const sessionFactsSchema = z
  .object({
    dateOfService: calendarDate,
    /** 11 freestanding office (MPFS); 19/22 hospital outpatient (OPPS). */
    placeOfService,
    /** Payer profile id; the default profile follows the CPT criteria. */
    payer: z.string().min(1).nullable().optional(),
    modality: z.enum(MODALITIES),
    technique: z.enum(TECHNIQUES),
    isocenters: z.number().int().min(1).max(20),
    motionManagement: motionManagementSchema.nullable(),
    imageGuidance: imageGuidanceSchema.nullable(),
    /** Delivery sessions this patient has on this date (1 or 2 for twice-daily). */
    sessionsToday: z.number().int().min(1).max(4).default(1),
    /** Hours from the previous session's end to this session's start the same day; null for the first. */
    hoursSincePreviousSession: z.number().min(0).max(24).nullable().default(null),
    /** For routing: which machine delivers SRS/SBRT (linac 77372/77373, cobalt 77371, robotic G0339/G0340). */
    deliverySystem: z.enum(['linac', 'cobalt', 'robotic']).optional(),
    /** Fraction number within the course (payer fraction limits, robotic first/subsequent fraction). */
    fractionNumber: z.number().int().min(1).optional(),
    site: siteSchema.optional(),
    /** Codes the charge-capture system posted for this session, checked against the 2026 code set. */
    postedCodes: z.array(z.string().regex(/^[0-9A-Z]{5}$/)).optional(),
  })
  .strict();

export type SessionFacts = z.infer<typeof sessionFactsSchema>;
export type SessionFactsInput = z.input<typeof sessionFactsSchema>;
export type MotionManagement = z.infer<typeof motionManagementSchema>;
export type Site = z.infer<typeof siteSchema>;
