import { attachmentContent } from './attachment-text.js';
import { type DocumentProvenance, documentSignature } from './document-signature.js';
import type { ResourceOf } from './fhir-schemas.js';
import type { DocumentReferenceRecord } from './fhir-types.js';
import { concept, concepts } from './fhir-values.js';
import { ACTORS } from './map-order-and-procedure.js';
import type { ResourceContext } from './resource-context.js';

/** DocumentReference: an SGRT record or a medical-necessity note, with its authenticator and signing time. */
export function mapDocumentReference(
  r: ResourceOf<'DocumentReference'>,
  ctx: ResourceContext,
  provenances: DocumentProvenance[],
  dateAsSigningTime: boolean,
): DocumentReferenceRecord {
  // R4 DocumentReference.authenticator: Reference(Practitioner | PractitionerRole | Organization).
  const authenticator = ctx.ref(r.authenticator, 'authenticator', [
    'Practitioner',
    'PractitionerRole',
    'Organization',
  ]);
  const date = ctx.instant(r.date, 'date');
  const signature = documentSignature(r, ctx, authenticator, provenances, date, dateAsSigningTime);
  if (authenticator !== null && signature === null) {
    ctx.warn(
      'authenticator',
      'an authenticator but no signing time (no attester extension, no Provenance signature): when it was signed is unknown',
    );
  }
  return {
    source: ctx.source,
    id: r.id ?? null,
    fullUrl: ctx.self.fullUrl,
    status: r.status,
    docStatus: r.docStatus ?? null,
    type: concept(r.type),
    categories: concepts(r.category),
    subject: ctx.ref(r.subject, 'subject', ['Patient', 'Practitioner', 'Group', 'Device']),
    date,
    authors: ctx.refs(r.author, 'author', ACTORS),
    authenticator,
    signature,
    description: r.description ?? null,
    contents: r.content.map((c, i) => attachmentContent(c.attachment, ctx, `content[${i}].attachment`)),
    related: ctx.refs(r.context?.related, 'context.related'),
    encounters: ctx.refs(r.context?.encounter, 'context.encounter', ['Encounter', 'EpisodeOfCare']),
    period: ctx.period(r.context?.period, 'context.period'),
  };
}
