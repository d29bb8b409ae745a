import { z } from 'zod';
import { parseFhirDateTime } from './fhir-datetime.js';

/**
 * zod schemas for the subset of FHIR R4 that the reader uses. Objects are loose (unknown fields pass
 * through untouched: FHIR resources carry many more), fields are checked only where they are read, and
 * cardinalities and required bindings follow R4 where the reader depends on them. Messages name what was
 * expected, never the value found.
 */

const str = z.string();

/** R4 dateTime (and date, instant): checked here, an offset-less time is a warning in the mapping. */
export const dateTime = z
  .string()
  .refine(
    (s) => parseFhirDateTime(s) !== null,
    'expected a FHIR date/dateTime: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.sss]±hh:mm',
  );
/** R4 date: no time. */
export const date = z.string().refine((s) => {
  const time = parseFhirDateTime(s);
  return time !== null && time.precision !== 'second';
}, 'expected a FHIR date: YYYY, YYYY-MM or YYYY-MM-DD');

export const codingSchema = z.looseObject({
  system: str.optional(),
  code: str.optional(),
  display: str.optional(),
});
export const conceptSchema = z.looseObject({
  coding: z.array(codingSchema).optional(),
  text: str.optional(),
});
export const identifierSchema = z.looseObject({
  system: str.optional(),
  value: str.optional(),
  type: conceptSchema.optional(),
});
export const referenceSchema = z.looseObject({
  reference: str.optional(),
  type: str.optional(),
  identifier: identifierSchema.optional(),
  display: str.optional(),
});
export const periodSchema = z.looseObject({ start: dateTime.optional(), end: dateTime.optional() });
/** Annotation.text is markdown, 1..1. */
const annotationSchema = z.looseObject({ text: str });
export const attachmentSchema = z.looseObject({
  contentType: str.optional(),
  data: str.optional(),
  url: str.optional(),
  size: z.number().optional(),
  title: str.optional(),
});
/** Money: value is a JSON number (R4 decimal). */
const moneySchema = z.looseObject({ value: z.number().optional(), currency: str.optional() });
/** Extensions are read by hand (extension.ts): only their presence as an array is checked here. */
const extensions = z.array(z.unknown()).optional();

const concepts = z.array(conceptSchema).optional();
const references = z.array(referenceSchema).optional();

export const serviceRequestSchema = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  id: str.optional(),
  extension: extensions,
  // R4 ServiceRequest.status / .intent: required bindings (request-status, request-intent).
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
  intent: z.enum([
    'proposal',
    'plan',
    'directive',
    'order',
    'original-order',
    'reflex-order',
    'filler-order',
    'instance-order',
    'option',
  ]),
  category: concepts,
  code: conceptSchema.optional(),
  subject: referenceSchema,
  basedOn: references,
  occurrenceDateTime: dateTime.optional(),
  occurrencePeriod: periodSchema.optional(),
  authoredOn: dateTime.optional(),
  requester: referenceSchema.optional(),
  performer: references,
  reasonCode: concepts,
  bodySite: concepts,
  note: z.array(annotationSchema).optional(),
});

export const documentReferenceSchema = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  id: str.optional(),
  extension: extensions,
  // R4 DocumentReference.status: document-reference-status; docStatus: composition-status.
  status: z.enum(['current', 'superseded', 'entered-in-error']),
  docStatus: z.enum(['preliminary', 'final', 'amended', 'entered-in-error']).optional(),
  type: conceptSchema.optional(),
  category: concepts,
  subject: referenceSchema.optional(),
  date: dateTime.optional(),
  author: references,
  authenticator: referenceSchema.optional(),
  description: str.optional(),
  content: z.array(z.looseObject({ attachment: attachmentSchema })).min(1),
  context: z
    .looseObject({
      encounter: references,
      period: periodSchema.optional(),
      related: references,
    })
    .optional(),
});

export const procedureSchema = z.looseObject({
  resourceType: z.literal('Procedure'),
  id: str.optional(),
  extension: extensions,
  // R4 Procedure.status: event-status.
  status: z.enum([
    'preparation',
    'in-progress',
    'not-done',
    'on-hold',
    'stopped',
    'completed',
    'entered-in-error',
    'unknown',
  ]),
  basedOn: references,
  partOf: references,
  category: conceptSchema.optional(),
  code: conceptSchema.optional(),
  subject: referenceSchema,
  performedDateTime: dateTime.optional(),
  performedPeriod: periodSchema.optional(),
  performer: z
    .array(z.looseObject({ actor: referenceSchema, function: conceptSchema.optional() }))
    .optional(),
  bodySite: concepts,
  note: z.array(annotationSchema).optional(),
});

export const practitionerSchema = z.looseObject({
  resourceType: z.literal('Practitioner'),
  id: str.optional(),
  identifier: z.array(identifierSchema).optional(),
  qualification: z.array(z.looseObject({ code: conceptSchema })).optional(),
});

export const practitionerRoleSchema = z.looseObject({
  resourceType: z.literal('PractitionerRole'),
  id: str.optional(),
  practitioner: referenceSchema.optional(),
  organization: referenceSchema.optional(),
  code: concepts,
  specialty: concepts,
});

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: str.optional(),
  identifier: z.array(identifierSchema).optional(),
});

export const organizationSchema = z.looseObject({
  resourceType: z.literal('Organization'),
  id: str.optional(),
  identifier: z.array(identifierSchema).optional(),
  name: str.optional(),
});

// R4 Coverage.status and Claim.status: fm-status.
const financialStatus = z.enum(['active', 'cancelled', 'draft', 'entered-in-error']);

export const coverageSchema = z.looseObject({
  resourceType: z.literal('Coverage'),
  id: str.optional(),
  status: financialStatus,
  type: conceptSchema.optional(),
  beneficiary: referenceSchema,
  period: periodSchema.optional(),
  payor: z.array(referenceSchema).min(1),
  class: z.array(z.looseObject({ type: conceptSchema, value: str, name: str.optional() })).optional(),
});

export const claimSchema = z.looseObject({
  resourceType: z.literal('Claim'),
  id: str.optional(),
  status: financialStatus,
  // R4 Claim.use: claim-use.
  use: z.enum(['claim', 'preauthorization', 'predetermination']),
  patient: referenceSchema,
  billablePeriod: periodSchema.optional(),
  created: dateTime.optional(),
  provider: referenceSchema.optional(),
  insurance: z
    .array(z.looseObject({ coverage: referenceSchema, preAuthRef: z.array(str).optional() }))
    .optional(),
  item: z
    .array(
      z.looseObject({
        sequence: z.number().int().positive(),
        productOrService: conceptSchema,
        modifier: concepts,
        servicedDate: date.optional(),
        servicedPeriod: periodSchema.optional(),
        locationCodeableConcept: conceptSchema.optional(),
        quantity: z.looseObject({ value: z.number().optional() }).optional(),
        unitPrice: moneySchema.optional(),
        net: moneySchema.optional(),
      }),
    )
    .optional(),
});

export const provenanceSchema = z.looseObject({
  resourceType: z.literal('Provenance'),
  id: str.optional(),
  target: z.array(referenceSchema).min(1),
  recorded: dateTime,
  agent: z.array(z.looseObject({ type: conceptSchema.optional(), who: referenceSchema })).optional(),
  signature: z
    .array(z.looseObject({ type: z.array(codingSchema).optional(), when: dateTime, who: referenceSchema }))
    .optional(),
});

export const binarySchema = z.looseObject({
  resourceType: z.literal('Binary'),
  id: str.optional(),
  contentType: str,
  data: str.optional(),
});

/** The resource types read, with their schemas. Others are ignored. */
export const RESOURCE_SCHEMAS = {
  ServiceRequest: serviceRequestSchema,
  DocumentReference: documentReferenceSchema,
  Procedure: procedureSchema,
  Practitioner: practitionerSchema,
  PractitionerRole: practitionerRoleSchema,
  Patient: patientSchema,
  Organization: organizationSchema,
  Coverage: coverageSchema,
  Claim: claimSchema,
  Provenance: provenanceSchema,
  Binary: binarySchema,
} as const;

export type ReadType = keyof typeof RESOURCE_SCHEMAS;
export type ResourceOf<T extends ReadType> = z.output<(typeof RESOURCE_SCHEMAS)[T]>;
export type ReferenceInput = z.output<typeof referenceSchema>;
export type ConceptInput = z.output<typeof conceptSchema>;
export type IdentifierInput = z.output<typeof identifierSchema>;
export type PeriodInput = z.output<typeof periodSchema>;
export type AttachmentInput = z.output<typeof attachmentSchema>;

/** A Bundle entry: its resource is validated afterwards, by its resource type. */
export const bundleEntrySchema = z.looseObject({
  fullUrl: str.optional(),
  resource: z.unknown().optional(),
  request: z.looseObject({ method: str.optional() }).optional(),
});

/** The bundle's shell (entries are checked one by one, so that one bad entry can be skipped). */
export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: str.optional(),
  entry: z.array(z.unknown()).optional(),
});
