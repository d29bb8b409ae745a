import type { ResourceOf } from './fhir-schemas.js';
import type { DocumentSignature, FhirReference, FhirTime } from './fhir-types.js';
import { extensionItems } from './fhir-values.js';
import type { ResourceContext } from './resource-context.js';

/**
 * R5 DocumentReference.attester (mode, time, party) carried in R4 as a cross-version extension
 * (HL7 "Extensions for Using Data Elements from FHIR R5 in FHIR R4", xver-r5.r4).
 */
export const ATTESTER_EXTENSION =
  'http://hl7.org/fhir/5.0/StructureDefinition/extension-DocumentReference.attester';

/**
 * Provenance.agent.type codes (R4 provenance-participant-type) of an agent who signs off a document:
 * `verifier`, `attester`, `legal` (legal authenticator).
 */
const SIGNING_AGENTS = new Set(['verifier', 'attester', 'legal']);

/** A Provenance in the bundle that targets this document, with its own context for locations. */
export interface DocumentProvenance {
  provenance: ResourceOf<'Provenance'>;
  ctx: ResourceContext;
}

/**
 * When the document was signed, in this order (the first that gives a time wins):
 * 1. the R5 attester extension on the DocumentReference: its `time`, preferring the attester whose
 *    `party` is the authenticator;
 * 2. a Provenance targeting the document: a `signature[].when` (preferring one whose `who` is the
 *    authenticator), else `recorded` when an agent is a verifier, attester or legal authenticator;
 * 3. with `dateAsSigningTime`, DocumentReference.date when the document has an authenticator.
 * R4 DocumentReference has no signing time of its own; `date` alone is when the reference was created.
 */
export function documentSignature(
  doc: ResourceOf<'DocumentReference'>,
  ctx: ResourceContext,
  authenticator: FhirReference | null,
  provenances: DocumentProvenance[],
  /** DocumentReference.date, read; used only with `dateAsSigningTime`. */
  date: FhirTime | null,
  dateAsSigningTime: boolean,
): DocumentSignature | null {
  const attesters: DocumentSignature[] = [];
  for (const item of extensionItems(doc.extension)) {
    if (item.url !== ATTESTER_EXTENSION) continue;
    const at = `extension[${item.index}]`;
    const parts = extensionItems(Array.isArray(item.value.extension) ? item.value.extension : []);
    const time = parts.find((p) => p.url === 'time');
    const party = parts.find((p) => p.url === 'party');
    const timeText = time?.value.valueDateTime;
    const signedAt =
      typeof timeText === 'string'
        ? ctx.time(timeText, `${at}.extension[${time!.index}].valueDateTime`)
        : null;
    if (signedAt === null) {
      if (time !== undefined)
        ctx.warn(`${at}.extension[${time.index}]`, 'attester time is not a FHIR dateTime: not read');
      continue;
    }
    // Extensions are not validated by the schemas: only a string `reference` is taken from the party.
    const partyReference = (party?.value.valueReference as { reference?: unknown } | null | undefined)
      ?.reference;
    const by =
      typeof partyReference === 'string'
        ? ctx.ref({ reference: partyReference }, `${at}.extension[${party!.index}].valueReference`)
        : null;
    attesters.push({
      signedAt,
      by,
      from: 'attester-extension',
      evidence: ctx.at(`${at}.extension[${time!.index}].valueDateTime`),
    });
  }
  const attester = attesters.find((a) => sameTarget(a.by, authenticator)) ?? attesters[0];
  if (attester) return attester;

  for (const { provenance, ctx: pctx } of provenances) {
    const signatures = (provenance.signature ?? []).map((s, i) => ({
      by: pctx.ref(s.who, `signature[${i}].who`),
      when: s.when,
      at: `signature[${i}].when`,
    }));
    const signature = signatures.find((s) => sameTarget(s.by, authenticator)) ?? signatures[0];
    if (signature) {
      const signedAt = pctx.instant(signature.when, signature.at);
      if (signedAt)
        return { signedAt, by: signature.by, from: 'provenance-signature', evidence: pctx.at(signature.at) };
    }
  }
  for (const { provenance, ctx: pctx } of provenances) {
    const index = (provenance.agent ?? []).findIndex((a) =>
      a.type?.coding?.some((c) => c.code !== undefined && SIGNING_AGENTS.has(c.code)),
    );
    if (index === -1) continue;
    const signedAt = pctx.instant(provenance.recorded, 'recorded');
    if (signedAt) {
      const by = pctx.ref(provenance.agent![index]!.who, `agent[${index}].who`);
      return { signedAt, by, from: 'provenance-recorded', evidence: pctx.at('recorded') };
    }
  }
  if (dateAsSigningTime && authenticator !== null && date !== null) {
    return { signedAt: date, by: authenticator, from: 'document-date', evidence: ctx.at('date') };
  }
  return null;
}

/** Two references to the same resource: the same resolved entry, or the same reference text. */
function sameTarget(a: FhirReference | null, b: FhirReference | null): boolean {
  if (a === null || b === null) return false;
  if (a.resolved && b.resolved) {
    return (
      a.resolved.resourceType === b.resolved.resourceType &&
      a.resolved.entry === b.resolved.entry &&
      a.resolved.id === b.resolved.id
    );
  }
  return a.reference !== null && a.reference === b.reference;
}
