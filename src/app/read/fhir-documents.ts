import type { ImagingModality } from '../../core/model/course.js';
import type { ChartDocumentRecord, CsvSignature } from '../../formats/csv/csv-types.js';
import type { FhirBundleRead, FhirReference, FhirTime, Identifier } from '../../formats/fhir/fhir-types.js';

/** A chart document found in a FHIR bundle, in the same shape as a row of the orders/signatures CSV. */
export interface FhirDocument {
  source: string;
  document: ChartDocumentRecord | null;
  /** Why the resource could not be used, when `document` is null. */
  reason?: string;
  /** An SGRT record's `context.period` (start and end with a time): the monitoring it documents. */
  monitored?: { start: FhirTime; end: FhirTime };
}

const MOTION = /motion|surface|sgrt|align ?rt|gating|breath|dibh/i;
const IMAGING = /image|igrt|kv|cbct|cone.?beam/i;
/** The imaging a review names; a cone-beam CT taken with kV ("kV CBCT") is a CBCT. */
const REVIEWED: readonly [ImagingModality, RegExp][] = [
  ['CBCT', /\bcbct\b|cone.?beam/i],
  ['kV', /\bkv\b(?!.{0,3}(cbct|cone))/i],
  ['MV', /\bmv\b|\bepid\b|\bportal (image|film)/i],
  ['surface', /\bsgrt\b|\bsurface (imag|guid)/i],
];

type DocumentKind = 'necessity-note' | 'igrt-review' | 'sgrt-record';

/**
 * A DocumentReference's kind, from its type first (type.text and codings: what the document is), its
 * description last (free text that may mention a "review" of anything). Within one text an SGRT record's
 * words win over "review": the seed's SGRT record is the motion-monitoring documentation of 77412, never
 * the physician's image review of 77387-26, even when it was reviewed.
 */
export function documentKind(typeWords: string, description: string): DocumentKind | null {
  for (const words of [typeWords, description]) {
    if (/necessity/i.test(words)) return 'necessity-note';
    if (MOTION.test(words)) return 'sgrt-record';
    if (/review|igrt|image guid/i.test(words)) return 'igrt-review';
  }
  return null;
}

/**
 * The id a signer is known by in the practice. A Practitioner's identifier without a `system` is a local
 * identifier (FHIR R4 Identifier.system: "the namespace for the identifier value"; absent, the value is
 * local to the sender), which is how practices key their physicians (e.g. "DR-HALE"): it is used, as is
 * any identifier whose value is one of the practice's physician ids; else the resource id.
 */
function signerKey(
  resourceId: string,
  identifiers: readonly Identifier[],
  known: ReadonlySet<string>,
): string {
  const values = identifiers.flatMap((i) => (i.value ? [i] : []));
  return (
    values.find((i) => known.has(i.value!))?.value ??
    values.find((i) => i.system === null)?.value ??
    resourceId
  );
}

/** The modality an image review's type, description or text names: exactly one, else unknown. */
export function reviewedModality(text: string): ImagingModality | undefined {
  const named = REVIEWED.filter(([, re]) => re.test(text)).map(([m]) => m);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * ServiceRequests (orders: authored by the requester, which counts as its signature) and
 * DocumentReferences (necessity notes, SGRT records, IGRT reviews, classified by their type) of a bundle,
 * as chart documents; Procedures are not used (the treatment records make the fractions).
 */
export function fhirDocuments(
  bundle: FhirBundleRead,
  physicianIds: ReadonlySet<string> = new Set(),
): FhirDocument[] {
  const patientId = (ref: FhirReference | null): string | null => {
    const target = ref?.resolved;
    const patient = target && bundle.patients.find((p) => p.id === target.id);
    const ids = patient?.identifiers ?? (ref?.identifier ? [ref.identifier] : []);
    return (ids.find((i) => i.typeCode === 'MR') ?? ids[0])?.value ?? null;
  };
  const signature = (by: FhirReference | null, at: FhirTime | null | undefined): CsvSignature | null => {
    if (!by?.resolved || !at?.instant || !at.localDateTime || !at.utcOffset) return null;
    const practitioner = bundle.practitioners.find((p) => p.id === by.resolved!.id);
    const id = signerKey(
      by.resolved.id ?? by.reference ?? 'unknown',
      practitioner?.identifiers ?? [],
      physicianIds,
    );
    const physician =
      practitioner?.isPhysician ??
      bundle.practitionerRoles.find((p) => p.id === by.resolved!.id)?.isPhysician;
    return {
      signerId: id,
      role: physician ? 'physician' : 'other',
      signedAt: { local: at.localDateTime, utcOffset: at.utcOffset, instant: at.instant },
    };
  };
  const orders = bundle.serviceRequests.map((sr): FhirDocument => {
    const words = [sr.code?.text, ...(sr.code?.codings ?? []).map((c) => c.display), ...sr.notes].join(' ');
    const kind = MOTION.test(words)
      ? 'motion-management-order'
      : IMAGING.test(words)
        ? 'image-guidance-order'
        : null;
    const id = patientId(sr.subject);
    if (!kind || !id)
      return {
        source: sr.source,
        document: null,
        reason: kind ? 'no patient identifier' : 'order type not recognised',
      };
    return {
      source: sr.source,
      document: {
        line: 0,
        patientId: id,
        kind,
        documentId: sr.id ?? sr.source,
        text: sr.notes.join('\n') || sr.code?.text || '',
        signature: signature(sr.requester, sr.authoredOn),
      },
    };
  });
  const documents = bundle.documentReferences.map((d): FhirDocument => {
    const type = [d.type?.text, ...(d.type?.codings ?? []).map((c) => c.display)].join(' ');
    const words = `${type} ${d.description ?? ''}`;
    const kind = documentKind(type, d.description ?? '');
    const id = patientId(d.subject);
    if (!kind || !id)
      return {
        source: d.source,
        document: null,
        reason: kind ? 'no patient identifier' : 'document type not recognised',
      };
    const related = d.related.map((r) => bundle.procedures.find((p) => r.resolved && p.id === r.resolved.id));
    const fractionNumber = related.find((p) => p?.fractionNumber != null)?.fractionNumber ?? undefined;
    const date =
      d.period?.start?.date ??
      related.find((p) => p)?.performed.period?.start?.date ??
      d.date?.date ??
      undefined;
    const { start, end } = d.period ?? {};
    const text = d.contents.map((c) => c.text ?? '').join('\n');
    const modality = kind === 'igrt-review' ? reviewedModality(`${words}\n${text}`) : undefined;
    const monitored =
      kind === 'sgrt-record' && start?.localDateTime && end?.localDateTime ? { start, end } : null;
    return {
      source: d.source,
      ...(monitored ? { monitored } : {}),
      document: {
        line: 0,
        patientId: id,
        kind,
        documentId: d.id ?? d.source,
        ...(fractionNumber !== undefined ? { fractionNumber } : {}),
        ...(date ? { date } : {}),
        ...(modality ? { modality } : {}),
        text,
        signature: d.signature ? signature(d.signature.by ?? d.authenticator, d.signature.signedAt) : null,
      },
    };
  });
  return [...orders, ...documents];
}
