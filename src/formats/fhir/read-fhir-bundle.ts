import { TextDecoder } from 'node:util';
import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import { parseJsonText } from '../json/parse-json-text.js';
import { BundleIndex, type IndexedResource } from './bundle-index.js';
import type { DocumentProvenance } from './document-signature.js';
import {
  bundleEntrySchema,
  bundleSchema,
  RESOURCE_SCHEMAS,
  type ReadType,
  type ResourceOf,
} from './fhir-schemas.js';
import type { FhirBundleRead, ReadFhirOptions } from './fhir-types.js';
import { mapClaim, mapCoverage } from './map-coverage-and-claim.js';
import { mapDocumentReference } from './map-document-reference.js';
import { FRACTION_NUMBER_EXTENSIONS, mapProcedure, mapServiceRequest } from './map-order-and-procedure.js';
import { mapPatient, mapPractitioner, mapPractitionerRole } from './map-people.js';
import { Reports } from './reports.js';
import { ResourceContext } from './resource-context.js';
import { issueProblems } from './zod-issues.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A resource of the file: an entry's resource, or the file itself when it is a lone resource. */
interface Item {
  self: IndexedResource;
  /** `entry[3].resource`, or '' for a lone resource. */
  path: string;
}

interface Valid<T extends ReadType = ReadType> {
  type: T;
  data: ResourceOf<T>;
  ctx: ResourceContext;
}

/**
 * A FHIR R4 JSON Bundle (any type) or a single resource → the orders, documents, fractions, people,
 * coverage and claims it holds, with references resolved inside the bundle. Atomic by default: a
 * resource that does not match the R4 subset read makes the file `ok: false` with every problem listed;
 * `{ onBadResource: 'skip' }` drops it with its problems as warnings. Never throws.
 */
export function readFhirBundle(
  input: Uint8Array | string,
  source: string,
  options: ReadFhirOptions = {},
): ReadResult<FhirBundleRead> {
  try {
    return read(input, source, options ?? {});
  } catch {
    // A bug, not an input problem: reported without any text from the file.
    return { ok: false, problems: [{ location: source, message: 'internal error while reading the file' }] };
  }
}

function read(
  input: Uint8Array | string,
  source: string,
  options: ReadFhirOptions,
): ReadResult<FhirBundleRead> {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = utf8.decode(input);
    } catch {
      // R4 §2.6.2 (JSON): the character encoding is always UTF-8.
      return { ok: false, problems: [{ location: source, message: 'not UTF-8: FHIR JSON must be UTF-8' }] };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const json = parseJsonText(text, source);
  if (!json.ok) return json;
  const root = json.value;
  if (!isObject(root) || typeof root.resourceType !== 'string') {
    return {
      ok: false,
      problems: [
        {
          location: `${source}:${isObject(root) ? 'resourceType' : '(document)'}`,
          message: 'expected a FHIR resource or Bundle: a JSON object with a "resourceType"',
        },
      ],
    };
  }

  const warnings = new Reports();
  const warn = (location: string, message: string) => warnings.add(location, message);
  /** Problems per bad item (entry index, or -1 for the file itself). */
  const bad = new Map<number, InputProblem[]>();
  const fail = (entry: number, problems: InputProblem[]) =>
    bad.set(entry, [...(bad.get(entry) ?? []), ...problems]);

  let bundleType: string | null = null;
  const items: Item[] = [];
  if (root.resourceType === 'Bundle') {
    const shell = bundleSchema.safeParse(root);
    if (!shell.success) fail(-1, issueProblems(shell.error.issues, source, ''));
    bundleType = typeof root.type === 'string' ? root.type : null;
    // R4 Bundle.type is 1..1.
    if (root.type === undefined) warn(`${source}:type`, 'Bundle.type is missing');
    const entries = Array.isArray(root.entry) ? root.entry : [];
    entries.forEach((raw, i) => {
      const entry = bundleEntrySchema.safeParse(raw);
      const path = `entry[${i}]`;
      if (!entry.success) return fail(i, issueProblems(entry.error.issues, source, path));
      const resource = entry.data.resource;
      if (resource === undefined) {
        // A transaction's DELETE, or a response entry, has no resource.
        if (entry.data.request?.method !== 'DELETE')
          warn(`${source}:${path}`, 'an entry without a resource: ignored');
        return;
      }
      if (!isObject(resource) || typeof resource.resourceType !== 'string') {
        return fail(i, [
          {
            location: `${source}:${path}.resource.resourceType`,
            message: 'expected a resource with a "resourceType"',
          },
        ]);
      }
      if (resource.resourceType === 'Bundle') {
        warn(`${source}:${path}.resource`, 'a Bundle inside a Bundle is not read');
        return;
      }
      items.push({ self: indexed(resource, i, entry.data.fullUrl ?? null), path: `${path}.resource` });
    });
  } else {
    items.push({ self: indexed(root, null, null), path: '' });
  }

  const index = new BundleIndex();
  for (const { self, path } of items) {
    const earlier = index.add(self);
    if (earlier !== null) {
      warn(
        `${source}:${path.replace(/\.resource$/, '')}.fullUrl`,
        `the fullUrl repeats that of entry[${earlier.entry}]: references resolve to that entry`,
      );
    }
  }

  const valid: Valid[] = [];
  for (const { self, path } of items) {
    const type = self.resourceType;
    if (!Object.hasOwn(RESOURCE_SCHEMAS, type)) continue;
    const result = RESOURCE_SCHEMAS[type as ReadType].safeParse(self.resource);
    if (!result.success) {
      fail(self.entry ?? -1, issueProblems(result.error.issues, source, path));
      continue;
    }
    const ctx = new ResourceContext(self, path, source, index, warn);
    valid.push({ type: type as ReadType, data: result.data, ctx });
  }

  const onBad = options.onBadResource === 'skip' ? 'skip' : 'fail';
  if (bad.has(-1) || (onBad === 'fail' && bad.size > 0)) {
    const problems = new Reports();
    for (const [, list] of byEntry(bad)) for (const p of list) problems.add(p.location, p.message);
    return { ok: false, problems: problems.list(source) };
  }
  for (const [entry, list] of byEntry(bad)) {
    for (const p of list) warn(p.location, p.message);
    warn(`${source}:entry[${entry}]`, 'resource skipped (onBadResource: skip)');
  }

  const value = mapAll(valid, options);
  const found = Object.values(value).some((v) => Array.isArray(v) && v.length > 0);
  if (!found) {
    warn(
      source,
      'no ServiceRequest, DocumentReference, Procedure, Practitioner, PractitionerRole, Patient, Coverage or Claim found',
    );
  }
  return { ok: true, value: { ...value, bundleType }, warnings: warnings.list(source) };
}

function mapAll(valid: Valid[], options: ReadFhirOptions): Omit<FhirBundleRead, 'bundleType'> {
  const of = <T extends ReadType>(type: T) => valid.filter((v): v is Valid<T> => v.type === type);

  // Provenance → the DocumentReferences it targets (for signing times).
  const provenances = new Map<IndexedResource, DocumentProvenance[]>();
  for (const { data, ctx } of of('Provenance')) {
    ctx.refs(data.target, 'target'); // reports targets that are not in the bundle
    for (const { reference } of data.target) {
      const target = reference === undefined ? null : ctx.index.resolve(reference, ctx.self);
      if (target?.resourceType === 'DocumentReference' && !target.contained) {
        provenances.set(target, [...(provenances.get(target) ?? []), { provenance: data, ctx }]);
      }
    }
  }

  const practitioners = of('Practitioner').map(({ data, ctx }) => ({
    entry: ctx.self,
    record: mapPractitioner(data, ctx),
  }));
  const physicians = new Map(
    practitioners.map((p) => [`${p.entry.entry}/${p.entry.id}`, p.record.isPhysician]),
  );
  const physicianByEntry = (entry: number | null, id: string | null) =>
    physicians.get(`${entry}/${id}`) ?? null;
  const fractionUrls = [...(options.fractionNumberExtensions ?? []), ...FRACTION_NUMBER_EXTENSIONS];

  return {
    serviceRequests: of('ServiceRequest').map(({ data, ctx }) => mapServiceRequest(data, ctx)),
    documentReferences: of('DocumentReference').map(({ data, ctx }) =>
      mapDocumentReference(data, ctx, provenances.get(ctx.self) ?? [], options.dateAsSigningTime === true),
    ),
    procedures: of('Procedure').map(({ data, ctx }) => mapProcedure(data, ctx, fractionUrls)),
    practitioners: practitioners.map((p) => p.record),
    practitionerRoles: of('PractitionerRole').map(({ data, ctx }) =>
      mapPractitionerRole(data, ctx, physicianByEntry),
    ),
    patients: of('Patient').map(({ data, ctx }) => mapPatient(data, ctx)),
    coverages: of('Coverage').map(({ data, ctx }) => mapCoverage(data, ctx)),
    claims: of('Claim').map(({ data, ctx }) => mapClaim(data, ctx)),
  };
}

/** Problems in entry order (the file's own, -1, first). */
function byEntry(bad: Map<number, InputProblem[]>): [number, InputProblem[]][] {
  return [...bad].sort(([a], [b]) => a - b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function indexed(
  resource: Record<string, unknown>,
  entry: number | null,
  fullUrl: string | null,
): IndexedResource {
  return {
    resourceType: resource.resourceType as string,
    id: typeof resource.id === 'string' ? resource.id : null,
    entry,
    fullUrl,
    resource,
    contained: false,
  };
}

/**
 * Content sniff for `sgrt-billing import`: the first bytes are a JSON object (after a BOM and blanks)
 * with a `"resourceType"` naming a FHIR type.
 */
export function looksFhirBundle(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 64 * 1024)).replace(/^\ufeff/, '');
  if (!/^\s*\{/.test(text)) return false;
  return /"resourceType"\s*:\s*"[A-Z][A-Za-z]{1,63}"/.test(text);
}
