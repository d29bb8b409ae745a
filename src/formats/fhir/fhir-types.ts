import type { FhirTime } from './fhir-datetime.js';

/**
 * What the FHIR reader returns: the records the audit links to a course (src/core/model/course.ts) —
 * the motion-management order (`orders[]`), the medical-necessity note and SGRT records with their
 * physician signatures (`necessity`, `fractions[].sgrtRecord`), delivered fractions, the payer and the
 * claim lines. Raw codes are kept; derived values say where they came from. Patient names and birth
 * dates are never read.
 */
export type { FhirTime } from './fhir-datetime.js';

export interface Coding {
  system: string | null;
  code: string | null;
  display: string | null;
}

/** A CodeableConcept. */
export interface Concept {
  text: string | null;
  codings: Coding[];
}

export interface Identifier {
  system: string | null;
  value: string | null;
  /** Identifier.type coding code (e.g. `MR`, `NPI`), when given. */
  typeCode: string | null;
}

/** A Reference, resolved inside the bundle when it can be. */
export interface FhirReference {
  /** Reference.reference as written (`Patient/p1`, `urn:uuid:…`, `#c1`); null for a logical reference. */
  reference: string | null;
  /** The target's resource type: Reference.type, else read from the reference, else the resolved target's. */
  type: string | null;
  /** Reference.identifier (a logical reference), when given. */
  identifier: Identifier | null;
  /** The target found in this bundle (or among the resource's contained resources). */
  resolved: {
    resourceType: string;
    id: string | null;
    /** Index of the target's entry (of the containing entry for a contained resource); null for a lone resource. */
    entry: number | null;
    fullUrl: string | null;
    contained: boolean;
  } | null;
}

export interface Period {
  start: FhirTime | null;
  end: FhirTime | null;
}

/** Fields every record has: where it is and who it is. */
export interface FhirRecord {
  /** `file.json:entry[3]` (or `file.json` for a lone resource). */
  source: string;
  id: string | null;
  fullUrl: string | null;
}

export interface ServiceRequestRecord extends FhirRecord {
  status: string;
  intent: string;
  code: Concept | null;
  categories: Concept[];
  subject: FhirReference;
  authoredOn: FhirTime | null;
  requester: FhirReference | null;
  performers: FhirReference[];
  basedOn: FhirReference[];
  reasons: Concept[];
  bodySites: Concept[];
  /** Annotation texts (ServiceRequest.note[].text). */
  notes: string[];
  occurrence: { dateTime: FhirTime | null; period: Period | null; timing: boolean };
}

export interface DocumentContent {
  contentType: string | null;
  title: string | null;
  /** Attachment.url, unless it was an inline `data:` URL. */
  url: string | null;
  size: number | null;
  /** Decoded text for `text/*` data (base64 `data`, a `data:` URL or a Binary in the bundle); else null. */
  text: string | null;
}

export type SignatureSource =
  'attester-extension' | 'provenance-signature' | 'provenance-recorded' | 'document-date';

/** When the document was signed and by whom, and where that came from. */
export interface DocumentSignature {
  signedAt: FhirTime;
  by: FhirReference | null;
  from: SignatureSource;
  /** Location of the element the time was read from (`file.json:entry[9].resource.signature[0].when`). */
  evidence: string;
}

export interface DocumentReferenceRecord extends FhirRecord {
  status: string;
  docStatus: string | null;
  type: Concept | null;
  categories: Concept[];
  subject: FhirReference | null;
  /** DocumentReference.date (R4 instant): when the reference was created, not a signing time. */
  date: FhirTime | null;
  authors: FhirReference[];
  authenticator: FhirReference | null;
  signature: DocumentSignature | null;
  description: string | null;
  contents: DocumentContent[];
  /** context.related: e.g. the Procedure (fraction) an SGRT record documents. */
  related: FhirReference[];
  encounters: FhirReference[];
  period: Period | null;
}

export interface ProcedureRecord extends FhirRecord {
  status: string;
  code: Concept | null;
  categories: Concept[];
  subject: FhirReference;
  performed: { dateTime: FhirTime | null; period: Period | null };
  partOf: FhirReference[];
  basedOn: FhirReference[];
  bodySites: Concept[];
  performers: FhirReference[];
  /** The fraction number: the first fraction-number extension found, in the order of the options. */
  fractionNumber: number | null;
  /** Every fraction-number extension found, by URL. */
  fractionNumbers: { url: string; value: number }[];
  notes: string[];
}

export interface PractitionerRecord extends FhirRecord {
  identifiers: Identifier[];
  qualifications: Concept[];
  /** True when a qualification says MD/DO or a NUCC physician taxonomy; null when there is no qualification. */
  isPhysician: boolean | null;
}

export interface PractitionerRoleRecord extends FhirRecord {
  practitioner: FhirReference | null;
  organization: FhirReference | null;
  codes: Concept[];
  specialties: Concept[];
  /** From the role's codes and specialties, else from the referenced Practitioner; null when unknown. */
  isPhysician: boolean | null;
}

/** A patient by identifier only: names, birth date, address and telecom are never read. */
export interface PatientRecord extends FhirRecord {
  identifiers: Identifier[];
}

export interface Payor {
  reference: FhirReference;
  /** Reference.display, else the resolved Organization's name. */
  name: string | null;
  /** The resolved Organization's identifiers (e.g. payer ID). */
  identifiers: Identifier[];
}

export interface CoverageRecord extends FhirRecord {
  status: string;
  beneficiary: FhirReference;
  payors: Payor[];
  type: Concept | null;
  period: Period | null;
  /** Coverage.class: group, plan, … (type code, value, name). */
  classes: { type: string | null; value: string; name: string | null }[];
}

export interface ClaimItem {
  sequence: number;
  productOrService: Concept;
  /** The CPT/HCPCS code of productOrService (a coding whose system is CPT or HCPCS), else null. */
  code: string | null;
  modifiers: string[];
  servicedDate: FhirTime | null;
  servicedPeriod: Period | null;
  quantity: number | null;
  unitPriceCents: number | null;
  netCents: number | null;
  /** locationCodeableConcept's code: the place of service. */
  placeOfService: string | null;
}

export interface ClaimRecord extends FhirRecord {
  status: string;
  use: string;
  patient: FhirReference;
  created: FhirTime | null;
  provider: FhirReference | null;
  billablePeriod: Period | null;
  coverages: FhirReference[];
  /** insurance[].preAuthRef: prior authorization numbers. */
  preAuthRefs: string[];
  items: ClaimItem[];
}

export interface FhirBundleRead {
  /** Bundle.type; null for a lone resource. */
  bundleType: string | null;
  serviceRequests: ServiceRequestRecord[];
  documentReferences: DocumentReferenceRecord[];
  procedures: ProcedureRecord[];
  practitioners: PractitionerRecord[];
  practitionerRoles: PractitionerRoleRecord[];
  patients: PatientRecord[];
  coverages: CoverageRecord[];
  claims: ClaimRecord[];
}

export interface ReadFhirOptions {
  /**
   * What a resource that cannot be read does to the file: `fail` (default) makes the file `ok: false`
   * with every problem listed; `skip` drops that resource and reports its problems as warnings.
   */
  onBadResource?: 'fail' | 'skip';
  /**
   * Use DocumentReference.date as the signing time when nothing else gives one and the document has an
   * authenticator (for senders known to set `date` at authentication). Off by default: `date` is when the
   * reference was created, and taking it for a signature could make a late signature look timely.
   */
  dateAsSigningTime?: boolean;
  /** Extension URLs that carry a fraction number on Procedure, in order of preference (added to the defaults). */
  fractionNumberExtensions?: string[];
}
