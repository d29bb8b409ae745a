import { type ResourceOf, organizationSchema } from './fhir-schemas.js';
import type { ClaimRecord, CoverageRecord, Payor } from './fhir-types.js';
import { codesIn, concept, concepts, identifiers, numberToCents } from './fhir-values.js';
import type { ResourceContext } from './resource-context.js';

/** Code systems of CPT and HCPCS as FHIR names them (terminology.hl7.org: CPT, HCPCS; and their OIDs). */
export const CPT_HCPCS_SYSTEMS = [
  'http://www.ama-assn.org/go/cpt',
  'urn:oid:2.16.840.1.113883.6.12',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'urn:oid:2.16.840.1.113883.6.285',
  'urn:oid:2.16.840.1.113883.6.14',
];

/** Coverage: the payer(s) and the period. Member and subscriber IDs are not read. */
export function mapCoverage(r: ResourceOf<'Coverage'>, ctx: ResourceContext): CoverageRecord {
  const payors: Payor[] = r.payor.map((p, i) => {
    // R4 Coverage.payor: Reference(Organization | Patient | RelatedPerson).
    const reference = ctx.ref(p, `payor[${i}]`, ['Organization', 'Patient', 'RelatedPerson'])!;
    const target = reference.resolved ? ctx.index.resolve(p.reference!, ctx.self) : null;
    const organization =
      target?.resourceType === 'Organization' ? organizationSchema.safeParse(target.resource) : null;
    const org = organization?.success ? organization.data : null;
    return {
      reference,
      name: p.display ?? org?.name ?? null,
      identifiers: org ? identifiers(org.identifier) : [],
    };
  });
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    status: r.status,
    beneficiary: ctx.ref(r.beneficiary, 'beneficiary', ['Patient'])!,
    payors,
    type: concept(r.type),
    period: ctx.period(r.period, 'period'),
    classes: (r.class ?? []).map((c) => ({
      type: c.type.coding?.find((x) => x.code !== undefined)?.code ?? null,
      value: c.value,
      name: c.name ?? null,
    })),
  };
}

/** Claim: its service lines (CPT/HCPCS, modifiers, date of service, units, amounts) and authorizations. */
export function mapClaim(r: ResourceOf<'Claim'>, ctx: ResourceContext): ClaimRecord {
  const money = (value: number | undefined, at: string) => {
    const cents = numberToCents(value);
    if (value !== undefined && cents === null) ctx.warn(at, 'an amount with more than 2 decimals: not read');
    return cents;
  };
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    status: r.status,
    use: r.use,
    patient: ctx.ref(r.patient, 'patient', ['Patient'])!,
    created: ctx.time(r.created, 'created'),
    provider: ctx.ref(r.provider, 'provider', ['Practitioner', 'PractitionerRole', 'Organization']),
    billablePeriod: ctx.period(r.billablePeriod, 'billablePeriod'),
    coverages: (r.insurance ?? []).map((x, i) =>
      ctx.ref(x.coverage, `insurance[${i}].coverage`, ['Coverage'])!,
    ),
    preAuthRefs: (r.insurance ?? []).flatMap((x) => x.preAuthRef ?? []),
    items: (r.item ?? []).map((item, i) => {
      const at = `item[${i}]`;
      const productOrService = concept(item.productOrService)!;
      return {
        sequence: item.sequence,
        productOrService,
        code: codesIn(productOrService, CPT_HCPCS_SYSTEMS)[0] ?? null,
        modifiers: concepts(item.modifier)
          .map((m) => m.codings.find((c) => c.code !== null)?.code ?? m.text)
          .filter((m) => m !== null),
        servicedDate: ctx.time(item.servicedDate, `${at}.servicedDate`),
        servicedPeriod: ctx.period(item.servicedPeriod, `${at}.servicedPeriod`),
        quantity: item.quantity?.value ?? null,
        unitPriceCents: money(item.unitPrice?.value, `${at}.unitPrice.value`),
        netCents: money(item.net?.value, `${at}.net.value`),
        placeOfService:
          concept(item.locationCodeableConcept)?.codings.find((c) => c.code !== null)?.code ?? null,
      };
    }),
  };
}
