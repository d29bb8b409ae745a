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
 * The imaging an image-guidance review covers, as the record names it: kV planar images, kV cone-beam CT,
 * MV portal images (EPID), or surface imaging (SGRT). Absent when the record does not say: never guessed.
 */
export const IMAGING_MODALITIES = ['kV', 'CBCT', 'MV', 'surface'] as const;
export type ImagingModality = (typeof IMAGING_MODALITIES)[number];

/**
 * The course document: what the chart holds for one course of treatment, the input of the audit
 * (`sgrt-billing audit`). Three kinds of time are kept apart (architecture.md, "Time"):
 * - `localDateTime`: a facility wall-clock reading with no offset, read in `facility.timeZone`;
 *   beam-on and monitoring times (`facilityDateTime`) are one, or the same reading with the UTC offset
 *   its record states (DICOM (0008,0201), PS3.3 C.12.1.1.8; a FHIR dateTime), an exact instant;
 * - `instant`: an absolute time with an offset (signatures);
 * - `calendarDate`: the date of service.
 */
export const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/,
    'local date-time YYYY-MM-DDTHH:mm:ss[.sss], no offset',
  );
export const facilityDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2})?$/,
    'date-time YYYY-MM-DDTHH:mm:ss[.sss], with or without a ±HH:MM offset',
  )
  .describe(
    'A facility wall-clock reading (`2026-03-02T08:16:40`, read in `facility.timeZone`; one in the hour a daylight-saving change repeats or skips is a finding), or the same reading with the UTC offset its record states (`2026-11-01T01:40:10-04:00`): an exact instant, shown in facility time.',
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
    beamOn: facilityDateTime,
    beamOff: facilityDateTime,
    radiationType: z.enum(['PHOTON', 'ELECTRON', 'PROTON', 'OTHER']).optional(),
  })
  .strict();

const intervalSchema = z.object({ start: facilityDateTime, end: facilityDateTime }).strict();

export const sampleSchema = z
  .object({
    t: z.number().min(0).describe("Seconds since the monitoring session's start."),
    valid: z.boolean().describe('False for an invalid delta (999), an occluded camera or a missing value.'),
    outOfTolerance: z.boolean().optional(),
    xrayOn: z.boolean().optional(),
  })
  .strict();

/**
 * Where a monitoring session was read from (shown in evidence: which record stated a value). Only a
 * record that states thresholds and gating (an AlignRT real-time-delta log: "N/A" thresholds, gating
 * flag) can count against beam hold; a treatment report (the seed's sample AlignRT PDF), a FHIR document
 * or a note does not state them (domain.md §3.4).
 */
export const MONITORING_SOURCE_KINDS = [
  'realtime-log',
  'treatment-report',
  'fhir-document',
  'note',
  'other',
] as const;
export const monitoringSourceSchema = z
  .object({
    kind: z.enum(MONITORING_SOURCE_KINDS),
    location: z
      .string()
      .min(1)
      .optional()
      .describe('File and position the session was read from (no patient data).'),
  })
  .strict();

/** "unknown": the session's source does not state the value (taken from the plan, thresholds also from an order). */
export const UNKNOWN = 'unknown' as const;

export const monitoringSessionSchema = z
  .object({
    id: z.string().min(1),
    system: z.string().min(1).describe('Named system: AlignRT, Catalyst, RPM, Calypso, …'),
    start: facilityDateTime,
    end: facilityDateTime,
    thresholds: z
      .union([thresholdsSchema, z.null(), z.literal(UNKNOWN)])
      .default(UNKNOWN)
      .describe(
        'Thresholds the record states; null when it states none (AlignRT "N/A"); "unknown" (the default) when the source does not state them (a PDF report, a FHIR document, a note): the audit then uses the plan\'s motion management, else the thresholds a motion-management order\'s text states.',
      ),
    gatingActive: z
      .union([z.boolean(), z.literal(UNKNOWN)])
      .default(UNKNOWN)
      .describe(
        'Beam hold as the record states it: true when gating is active (or a documented manual hold workflow), false when the record states it off (AlignRT real-time-delta log); "unknown" (the default) when the source does not state it: the audit then uses the plan\'s motion management.',
      ),
    source: monitoringSourceSchema
      .optional()
      .describe('The kind of record the session was read from, shown in the evidence.'),
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
      .object({
        performed: z.boolean(),
        review: signatureSchema.nullable(),
        modality: z
          .enum(IMAGING_MODALITIES)
          .optional()
          .describe('The imaging reviewed, when the record states it (absent: unknown).'),
      })
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
    status: z
      .enum(['approved', 'pending', 'denied', 'expired', 'cancelled', 'carried-forward'])
      .optional()
      .describe(
        "carried-forward: the payer's notice that the authorization carries into the next year is on file.",
      ),
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
      .describe(
        'The holder of the primary policy when it is not the patient (837 2000C/2010CA: a dependent).',
      ),
    claimFilingIndicator: claimFilingIndicator
      .optional()
      .describe(
        "SBR09 of the primary coverage (e.g. MB Medicare Part B, CI commercial); else the payer's setting.",
      ),
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
      .array(z.object({ date: calendarDate, beamOn: facilityDateTime }).strict())
      .default([])
      .describe('Scheduled fractions not yet delivered (their first beam-on is the signature deadline).'),
  })
  .strict();

export type Course = z.infer<typeof courseSchema>;
export type CourseInput = z.input<typeof courseSchema>;
export type Fraction = z.infer<typeof fractionSchema>;
export type MonitoringSession = z.infer<typeof monitoringSessionSchema>;
export type MonitoringSource = z.infer<typeof monitoringSourceSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** The thresholds a session's record states; null when it states none or does not state them. */
export const statedThresholds = (t: MonitoringSession['thresholds']): Thresholds | null =>
  t === UNKNOWN ? null : t;
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
