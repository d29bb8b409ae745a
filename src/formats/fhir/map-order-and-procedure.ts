import type { ResourceOf } from './fhir-schemas.js';
import type { ProcedureRecord, ServiceRequestRecord } from './fhir-types.js';
import { concept, concepts, extensionItems } from './fhir-values.js';
import type { ResourceContext } from './resource-context.js';

/** Reference target types allowed by R4, used to warn about references to something else. */
export const ACTORS = [
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Patient',
  'RelatedPerson',
  'Device',
];

/**
 * Fraction-number extensions read by default (CodeX Radiation Therapy IG, STU 2, on Procedure,
 * positiveInt): `RadiotherapyFractionNumberInPhase`, then `RadiotherapyFractionNumberInPlan`.
 */
export const FRACTION_NUMBER_EXTENSIONS = [
  'http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fraction-number-in-phase',
  'http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fraction-number-in-plan',
];

/** ServiceRequest: the motion-management (AMM) order. */
export function mapServiceRequest(
  r: ResourceOf<'ServiceRequest'>,
  ctx: ResourceContext,
): ServiceRequestRecord {
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    status: r.status,
    intent: r.intent,
    code: concept(r.code),
    categories: concepts(r.category),
    subject: ctx.ref(r.subject, 'subject', ['Patient', 'Group', 'Location', 'Device'])!,
    authoredOn: ctx.time(r.authoredOn, 'authoredOn'),
    requester: ctx.ref(r.requester, 'requester', ACTORS),
    performers: ctx.refs(r.performer, 'performer'),
    basedOn: ctx.refs(r.basedOn, 'basedOn'),
    reasons: concepts(r.reasonCode),
    bodySites: concepts(r.bodySite),
    notes: (r.note ?? []).map((n) => n.text),
    occurrence: {
      dateTime: ctx.time(r.occurrenceDateTime, 'occurrenceDateTime'),
      period: ctx.period(r.occurrencePeriod, 'occurrencePeriod'),
      timing: r.occurrenceTiming !== undefined,
    },
  };
}

/** Procedure: a delivered fraction. */
export function mapProcedure(
  r: ResourceOf<'Procedure'>,
  ctx: ResourceContext,
  fractionUrls: readonly string[],
): ProcedureRecord {
  // R4 Procedure.performed[x]: dateTime | Period | string | Age | Range. Only the first two give a time.
  for (const other of ['performedString', 'performedAge', 'performedRange'] as const) {
    if (r[other] !== undefined)
      ctx.warn(other, `${other} is not read (only performedDateTime or performedPeriod)`);
  }
  if (r.performedDateTime !== undefined && r.performedPeriod !== undefined) {
    ctx.warn(
      'performedPeriod',
      'both performedDateTime and performedPeriod are given (performed[x] is a choice)',
    );
  }
  const fractionNumbers: ProcedureRecord['fractionNumbers'] = [];
  for (const item of extensionItems(r.extension)) {
    if (!fractionUrls.includes(item.url)) continue;
    const value = item.value.valuePositiveInt ?? item.value.valueUnsignedInt ?? item.value.valueInteger;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) {
      fractionNumbers.push({ url: item.url, value });
    } else {
      ctx.warn(
        `extension[${item.index}]`,
        'a fraction-number extension without a positive integer value: not read',
      );
    }
  }
  const preferred = fractionUrls.map((url) => fractionNumbers.find((f) => f.url === url)).find(Boolean);
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    status: r.status,
    code: concept(r.code),
    categories: r.category ? [concept(r.category)!] : [],
    subject: ctx.ref(r.subject, 'subject', ['Patient', 'Group'])!,
    performed: {
      dateTime: ctx.time(r.performedDateTime, 'performedDateTime'),
      period: ctx.period(r.performedPeriod, 'performedPeriod'),
    },
    partOf: ctx.refs(r.partOf, 'partOf', ['Procedure', 'Observation', 'MedicationAdministration']),
    basedOn: ctx.refs(r.basedOn, 'basedOn', ['CarePlan', 'ServiceRequest']),
    bodySites: concepts(r.bodySite),
    performers: (r.performer ?? []).map((p, i) => ctx.ref(p.actor, `performer[${i}].actor`, ACTORS)!),
    fractionNumber: preferred?.value ?? null,
    fractionNumbers,
    notes: (r.note ?? []).map((n) => n.text),
  };
}
