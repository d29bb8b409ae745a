/**
 * Writes a FHIR R4 JSON Bundle of a course's chart documents, in the shapes `read-fhir-bundle.ts` reads
 * (README.md): the Patient (identifier, name, birth date), Practitioners (a physician is qualified `MD`
 * and NUCC 2085R0001X), the motion-management order (ServiceRequest), documents (DocumentReference: the
 * medical-necessity note, SGRT records, IGRT reviews, text/plain content) with their `authenticator` and
 * the signing time in the R5 `DocumentReference.attester` cross-version extension, and delivered
 * fractions (Procedure with the CodeX fraction-number extension). fullUrls are name-based `urn:uuid:`s,
 * so the same input gives the same bytes. Used by the demo clinic generator (src/app/demo-data).
 */
import { createHash } from 'node:crypto';

export const ATTESTER_EXTENSION =
  'http://hl7.org/fhir/5.0/StructureDefinition/extension-DocumentReference.attester';
export const FRACTION_IN_PHASE_EXTENSION =
  'http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fraction-number-in-phase';

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirBundleInput {
  type: 'collection' | 'transaction';
  /** Namespace of the name-based UUIDs (e.g. the clinic and course). */
  namespace: string;
  patient: {
    id: string;
    identifier: { system: string; value: string };
    family?: string;
    given?: string;
    birthDate?: string;
    gender?: 'female' | 'male' | 'other' | 'unknown';
  };
  practitioners: {
    id: string;
    identifier: { system: string; value: string };
    family?: string;
    given?: string;
    physician: boolean;
  }[];
  serviceRequests: {
    id: string;
    status: 'draft' | 'active' | 'completed';
    code: { text: string; coding?: FhirCoding[] };
    /** An instant with its offset: when the physician signed the order; absent for a draft. */
    authoredOn?: string;
    requesterId: string;
    note?: string;
  }[];
  procedures: {
    id: string;
    code: { text: string; coding?: FhirCoding[] };
    /** Instants with their offset: first beam-on, last beam-off. */
    performedStart: string;
    performedEnd: string;
    fractionNumber: number;
    basedOnId?: string;
    performerId?: string;
  }[];
  documentReferences: {
    id: string;
    type: { text: string; coding?: FhirCoding[] };
    /** When the reference was created (an instant). */
    date: string;
    authorId?: string;
    /** The signer and the signing time (attester extension); both or neither. */
    authenticatorId?: string;
    signedAt?: string;
    text: string;
    title?: string;
    relatedProcedureId?: string;
  }[];
}

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1). */
export function nameUuid(namespace: string, name: string): string {
  const h = createHash('sha1').update(`${namespace}\u0000${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export function buildFhirBundle(input: FhirBundleInput): Record<string, unknown> {
  const url = (type: string, id: string) => `urn:uuid:${nameUuid(input.namespace, `${type}/${id}`)}`;
  const ref = (type: string, id: string) => ({ reference: url(type, id) });
  const patientRef = ref('Patient', input.patient.id);
  const entries: { type: string; id: string; resource: Record<string, unknown> }[] = [];
  const add = (type: string, id: string, body: Record<string, unknown>) =>
    entries.push({ type, id, resource: { resourceType: type, id, ...body } });

  const p = input.patient;
  add('Patient', p.id, {
    identifier: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        system: p.identifier.system,
        value: p.identifier.value,
      },
    ],
    ...(p.family || p.given ? { name: [{ family: p.family, given: p.given ? [p.given] : undefined }] } : {}),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  });
  for (const pr of input.practitioners) {
    add('Practitioner', pr.id, {
      identifier: [pr.identifier],
      ...(pr.family || pr.given
        ? { name: [{ family: pr.family, given: pr.given ? [pr.given] : undefined }] }
        : {}),
      qualification: pr.physician
        ? [
            { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0360', code: 'MD' }] } },
            { code: { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '2085R0001X' }] } },
          ]
        : [{ code: { text: 'RTT' } }],
    });
  }
  for (const sr of input.serviceRequests) {
    add('ServiceRequest', sr.id, {
      status: sr.status,
      intent: 'order',
      code: sr.code,
      subject: patientRef,
      ...(sr.authoredOn ? { authoredOn: sr.authoredOn } : {}),
      requester: ref('Practitioner', sr.requesterId),
      ...(sr.note ? { note: [{ text: sr.note }] } : {}),
    });
  }
  for (const d of input.documentReferences) {
    const signed = d.authenticatorId !== undefined && d.signedAt !== undefined;
    add('DocumentReference', d.id, {
      ...(signed
        ? {
            extension: [
              {
                url: ATTESTER_EXTENSION,
                extension: [
                  { url: 'mode', valueCodeableConcept: { coding: [{ code: 'legal' }] } },
                  { url: 'time', valueDateTime: d.signedAt },
                  { url: 'party', valueReference: ref('Practitioner', d.authenticatorId!) },
                ],
              },
            ],
          }
        : {}),
      status: 'current',
      docStatus: signed ? 'final' : 'preliminary',
      type: d.type,
      subject: patientRef,
      date: d.date,
      ...(d.authorId ? { author: [ref('Practitioner', d.authorId)] } : {}),
      ...(signed ? { authenticator: ref('Practitioner', d.authenticatorId!) } : {}),
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from(d.text, 'utf8').toString('base64'),
            ...(d.title ? { title: d.title } : {}),
          },
        },
      ],
      ...(d.relatedProcedureId ? { context: { related: [ref('Procedure', d.relatedProcedureId)] } } : {}),
    });
  }
  for (const pr of input.procedures) {
    add('Procedure', pr.id, {
      extension: [{ url: FRACTION_IN_PHASE_EXTENSION, valuePositiveInt: pr.fractionNumber }],
      ...(pr.basedOnId ? { basedOn: [ref('ServiceRequest', pr.basedOnId)] } : {}),
      status: 'completed',
      code: pr.code,
      subject: patientRef,
      performedPeriod: { start: pr.performedStart, end: pr.performedEnd },
      ...(pr.performerId ? { performer: [{ actor: ref('Practitioner', pr.performerId) }] } : {}),
    });
  }
  return {
    resourceType: 'Bundle',
    type: input.type,
    entry: entries.map((e) => ({
      fullUrl: url(e.type, e.id),
      resource: e.resource,
      ...(input.type === 'transaction' ? { request: { method: 'POST', url: e.type } } : {}),
    })),
  };
}

/** The bundle as JSON text (two-space indent, final newline). */
export function writeFhirBundle(input: FhirBundleInput): string {
  return `${JSON.stringify(buildFhirBundle(input), null, 2)}\n`;
}
