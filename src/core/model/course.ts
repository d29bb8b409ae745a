import { z } from 'zod';
import { isValidTimeZone } from '../time/local-clock.js';
import {
  calendarDate,
  imageGuidanceSchema,
  MODALITIES,
  motionManagementSchema,
  placeOfService,
  siteSchema,
  TECHNIQUES,
  thresholdsSchema,
} from './session-facts.js';

/**
 * The course document: what the chart holds for one course of treatment, the input of the audit
 * (`sgrt-billing audit`). Three kinds of time are kept apart (architecture.md, "Time"):
 * - `localDateTime`: a facility wall-clock reading with no offset (beam-on, monitoring), read in
 *   `facility.timeZone`;
 * - `instant`: an absolute time with an offset (signatures);
 * - `calendarDate`: the date of service.
 */
export const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/,
    'local date-time YYYY-MM-DDTHH:mm:ss[.sss], no offset',
  );
export const instant = z.iso.datetime({ offset: true });

export const SIGNER_ROLES = ['physician', 'physicist', 'therapist', 'other'] as const;
export const signatureSchema = z
  .object({
    signerId: z.string().min(1),
    role: z.enum(SIGNER_ROLES),
    signedAt: instant,
  })
  .strict();

export const orderSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['motion-management', 'image-guidance']),
    text: z.string().optional(),
    system: z.string().optional(),
    signature: signatureSchema.nullable(),
  })
  .strict();

export const necessitySchema = z
  .object({
    documentId: z.string().min(1),
    text: z.string(),
    signature: signatureSchema.nullable(),
  })
  .strict();

export const beamSchema = z
  .object({
    name: z.string().min(1),
    beamOn: localDateTime,
    beamOff: localDateTime,
    radiationType: z.enum(['PHOTON', 'ELECTRON', 'PROTON', 'OTHER']).optional(),
  })
  .strict();

const intervalSchema = z.object({ start: localDateTime, end: localDateTime }).strict();

export const sampleSchema = z
  .object({
    t: z.number().min(0).describe("Seconds since the monitoring session's start."),
    valid: z.boolean().describe('False for an invalid delta (999), an occluded camera or a missing value.'),
    outOfTolerance: z.boolean().optional(),
    xrayOn: z.boolean().optional(),
  })
  .strict();

export const monitoringSessionSchema = z
  .object({
    id: z.string().min(1),
    system: z.string().min(1).describe('Named system: AlignRT, Catalyst, RPM, Calypso, …'),
    start: localDateTime,
    end: localDateTime,
    thresholds: thresholdsSchema
      .nullable()
      .describe('Null when the record shows no thresholds (AlignRT "N/A").'),
    gatingActive: z
      .boolean()
      .describe('The system could hold the beam (gating active, or a documented manual hold workflow).'),
    gaps: z
      .array(intervalSchema)
      .default([])
      .describe('Periods without valid monitoring data (occlusion, invalid deltas), when summarised.'),
    samples: z
      .array(sampleSchema)
      .optional()
      .describe('Raw samples, when present; coverage is then derived from them.'),
    excursions: z
      .array(intervalSchema.extend({ beamHeld: z.boolean() }).strict())
      .default([])
      .describe('Periods out of tolerance and whether the beam was held during them.'),
  })
  .strict();

export const fractionSchema = z
  .object({
    id: z.string().min(1),
    number: z.number().int().min(1),
    date: calendarDate,
    beams: z.array(beamSchema),
    monitoring: z.array(monitoringSessionSchema).default([]),
    sgrtRecord: z
      .object({ documentId: z.string().min(1), signature: signatureSchema.nullable() })
      .strict()
      .nullable()
      .describe("The fraction's SGRT record (document) and its physician signature."),
    imageGuidance: z
      .object({ performed: z.boolean(), review: signatureSchema.nullable() })
      .strict()
      .nullable()
      .describe('Image guidance done at this fraction and its physician review (77387-26).'),
    postedCodes: z.array(z.string().regex(/^[0-9A-Z]{5}$/)).optional(),
  })
  .strict();

export const authorizationSchema = z
  .object({
    number: z.string().min(1),
    payer: z.string().optional(),
    codes: z
      .array(z.string().regex(/^[0-9A-Z]{5}(-[0-9A-Z]{2})*$/))
      .describe('Authorized codes with modifiers, e.g. 77412, 77387-26.'),
    fractionsAuthorized: z.number().int().min(0),
    validFrom: calendarDate,
    validTo: calendarDate,
    obtainedOn: calendarDate,
    status: z.enum(['approved', 'pending', 'denied', 'expired', 'cancelled']).optional(),
  })
  .strict();

export const planSchema = z
  .object({
    id: z.string().min(1),
    modality: z.enum(MODALITIES),
    technique: z.enum(TECHNIQUES),
    isocenters: z.number().int().min(1).max(20),
    fractionsPlanned: z.number().int().min(1),
    deliverySystem: z.enum(['linac', 'cobalt', 'robotic']).optional(),
    motionManagement: motionManagementSchema.nullable(),
    imageGuidance: imageGuidanceSchema.pick({ performed: true }).strict().nullable().optional(),
  })
  .strict();

/** A postal address as a claim carries it (837 N3/N4). */
export const postalAddressSchema = z
  .object({
    line1: z.string().min(1),
    line2: z.string().min(1).optional(),
    city: z.string().min(1),
    state: z.string().regex(/^[A-Z]{2}$/, 'two-letter state code'),
    postalCode: z.string().regex(/^\d{5}(\d{4})?$/, '5 or 9 digits'),
  })
  .strict();

/** SBR09 claim filing indicator code (X12 1032): `MB`, `MA`, `CI`, `BL`, `HM`, `16`… */
const claimFilingIndicator = z.string().regex(/^[0-9A-Z]{1,2}$/, 'an SBR09 claim filing indicator code');

/** A policy holder who is not the patient (837 2010BA subscriber, with SBR02 / PAT01 relationship). */
export const subscriberSchema = z
  .object({
    relationship: z
      .enum(['spouse', 'child', 'other'])
      .describe('The patient’s relationship to the subscriber (PAT01 01 spouse, 19 child, G8 other).'),
    name: z.string().min(1).describe('`Last, First`.'),
    birthDate: calendarDate.optional(),
    sex: z.enum(['F', 'M', 'U']).optional(),
    memberId: z.string().min(1).optional().describe("The subscriber's member id (NM1*IL09)."),
    address: postalAddressSchema.optional(),
  })
  .strict();

/** Another payer of the patient (837 2320/2330 on the claim to it; the secondary claim's payer). */
export const coverageSchema = z
  .object({
    order: z.enum(['secondary', 'tertiary']),
    payerName: z.string().min(1),
    payerId: z.string().min(1).optional().describe("The payer's id (NM1*PR09)."),
    payerProfile: z.string().min(1).optional(),
    memberId: z.string().min(1),
    groupNumber: z.string().min(1).optional(),
    claimFilingIndicator: claimFilingIndicator.optional(),
    subscriber: subscriberSchema.optional(),
  })
  .strict();

/**
 * The patient as the billing system knows them. `name` is `Last, First`; sex, member id, group number
 * and address are what a claim needs (837 2010BA subscriber: the patient is the subscriber), optional
 * so that exports without them still import.
 */
export const patientSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional().describe('`Last, First` (the claim splits it at the comma).'),
    birthDate: calendarDate.optional(),
    sex: z.enum(['F', 'M', 'U']).optional(),
    memberId: z.string().min(1).optional().describe("The payer's member id (837 NM1*IL09)."),
    groupNumber: z.string().min(1).optional().describe('Group or policy number (837 SBR03).'),
    address: postalAddressSchema.optional(),
    subscriber: subscriberSchema
      .optional()
      .describe('The holder of the primary policy when it is not the patient (837 2000C/2010CA: a dependent).'),
    claimFilingIndicator: claimFilingIndicator
      .optional()
      .describe("SBR09 of the primary coverage (e.g. MB Medicare Part B, CI commercial); else the payer's setting."),
    otherCoverage: z
      .array(coverageSchema)
      .optional()
      .describe('Secondary and tertiary coverage: a secondary 837 follows the primary payer’s 835.'),
  })
  .strict();

export const courseSchema = z
  .object({
    schemaVersion: z.literal(1),
    courseId: z.string().min(1),
    patient: patientSchema,
    facility: z
      .object({
        timeZone: z
          .string()
          .min(1)
          .refine(isValidTimeZone, 'not an IANA time zone (e.g. America/New_York)')
          .describe("IANA zone in which the facility's wall-clock readings are taken."),
        placeOfService,
      })
      .strict(),
    payer: z.object({ profile: z.string().min(1).optional(), name: z.string().optional() }).strict(),
    physicianId: z.string().min(1),
    site: siteSchema,
    diagnosis: z.string().optional(),
    plan: planSchema,
    orders: z.array(orderSchema).default([]),
    necessity: necessitySchema.nullable(),
    authorizations: z
      .array(authorizationSchema)
      .default([])
      .describe("The patient's prior authorizations for this course's payer (from the practice's export)."),
    fractions: z.array(fractionSchema),
    schedule: z
      .array(z.object({ date: calendarDate, beamOn: localDateTime }).strict())
      .default([])
      .describe('Scheduled fractions not yet delivered (their first beam-on is the signature deadline).'),
  })
  .strict();

export type Course = z.infer<typeof courseSchema>;
export type CourseInput = z.input<typeof courseSchema>;
export type Fraction = z.infer<typeof fractionSchema>;
export type MonitoringSession = z.infer<typeof monitoringSessionSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Authorization = z.infer<typeof authorizationSchema>;

/**
 * What the billing system knows about a course before any export is read (`courses.json` of an import
 * folder): patient, payer, plan and schedule. Fractions, orders, signatures and the necessity note come
 * from the clinic's exports and are linked in by `sgrt-billing import`.
 */
export const courseHeaderSchema = courseSchema.omit({
  fractions: true,
  orders: true,
  necessity: true,
  authorizations: true,
});
export const courseHeadersDocumentSchema = z.array(courseHeaderSchema);
export type CourseHeader = z.infer<typeof courseHeaderSchema>;
