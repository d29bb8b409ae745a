import type { ResourceOf } from './fhir-schemas.js';
import type { Concept, PatientRecord, PractitionerRecord, PractitionerRoleRecord } from './fhir-types.js';
import { concept, concepts, identifiers } from './fhir-values.js';
import type { ResourceContext } from './resource-context.js';

/**
 * What marks a physician (as opposed to a physicist, therapist or nurse):
 * - HL7 v2 table 0360 degree `MD` or `DO` (system `http://terminology.hl7.org/CodeSystem/v2-0360`);
 * - a NUCC provider taxonomy code of the "Allopathic & Osteopathic Physicians" group (`20…`, e.g.
 *   `2085R0001X` radiation oncology; system `http://nucc.org/provider-taxonomy`);
 * - practitioner-role `doctor` (`http://terminology.hl7.org/CodeSystem/practitioner-role`);
 * - SNOMED CT 309343006 "Physician" or 158965000 "Medical practitioner";
 * - a concept text that is the degree `MD`, `M.D.`, `DO` or `D.O.`.
 */
export function showsPhysician(c: Concept): boolean {
  if (c.text !== null && /^\s*(M\.?D|D\.?O)\.?\s*$/.test(c.text)) return true;
  return c.codings.some(({ system, code }) => {
    if (system === null || code === null) return false;
    const s = system.replace(/\|.*$/, '').replace(/\/+$/, '').toLowerCase();
    if (s === 'http://terminology.hl7.org/codesystem/v2-0360') return code === 'MD' || code === 'DO';
    if (s === 'http://nucc.org/provider-taxonomy') return /^20[0-9A-Z]{8}$/.test(code);
    if (s === 'http://terminology.hl7.org/codesystem/practitioner-role') return code === 'doctor';
    if (s === 'http://snomed.info/sct') return code === '309343006' || code === '158965000';
    return false;
  });
}

export function mapPractitioner(r: ResourceOf<'Practitioner'>, ctx: ResourceContext): PractitionerRecord {
  const qualifications = (r.qualification ?? []).map((q) => concept(q.code)!);
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    identifiers: identifiers(r.identifier),
    qualifications,
    isPhysician: qualifications.length === 0 ? null : qualifications.some(showsPhysician),
  };
}

/** `practitionerIsPhysician` looks up the referenced Practitioner's own answer (by entry). */
export function mapPractitionerRole(
  r: ResourceOf<'PractitionerRole'>,
  ctx: ResourceContext,
  practitionerIsPhysician: (entry: number | null, id: string | null) => boolean | null,
): PractitionerRoleRecord {
  const codes = concepts(r.code);
  const specialties = concepts(r.specialty);
  const practitioner = ctx.ref(r.practitioner, 'practitioner', ['Practitioner']);
  const fromRole = [...codes, ...specialties].some(showsPhysician);
  const fromPractitioner =
    practitioner?.resolved?.resourceType === 'Practitioner'
      ? practitionerIsPhysician(practitioner.resolved.entry, practitioner.resolved.id)
      : null;
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    practitioner,
    organization: ctx.ref(r.organization, 'organization', ['Organization']),
    codes,
    specialties,
    isPhysician:
      fromRole || fromPractitioner === true
        ? true
        : (fromPractitioner ?? (codes.length + specialties.length > 0 ? false : null)),
  };
}

/** Patient: identifiers only. Name, birth date, address and telecom are PHI the audit does not need. */
export function mapPatient(r: ResourceOf<'Patient'>, ctx: ResourceContext): PatientRecord {
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    identifiers: identifiers(r.identifier),
  };
}
