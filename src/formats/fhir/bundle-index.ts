/**
 * The resources of a bundle by fullUrl and by `Type/id`, to resolve references inside it
 * (R4 §2.36.4.1 "Resolving references in Bundles"):
 * - an absolute reference (`urn:uuid:…`, `urn:oid:…`, `https://…/Patient/1`) matches an entry's fullUrl;
 * - a relative one (`Patient/1`) is made absolute against the referring entry's fullUrl when that is a
 *   RESTful URL, then matched; failing that, any entry whose resource is that type and id (transaction
 *   bundles often give ids with urn fullUrls, or no fullUrl at all);
 * - `#id` is a contained resource of the referring resource (§2.36.4.1, "contained"); `#` the resource
 *   itself.
 * A version (`/_history/2`) is ignored for matching.
 */
export interface IndexedResource {
  resourceType: string;
  id: string | null;
  /** Entry index (for a contained resource: of its container); null for a lone resource. */
  entry: number | null;
  fullUrl: string | null;
  resource: Record<string, unknown>;
  contained: boolean;
}

const HISTORY = /\/_history\/[^/]*$/;
const RELATIVE = /^([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})$/;
const RESTFUL = /^(.*\/)?([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})$/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The resource type a reference names, when it names one (`Patient/1`, `https://x/fhir/Patient/1`). */
export function referenceType(reference: string): string | null {
  const plain = reference.replace(HISTORY, '');
  if (RELATIVE.test(plain)) return RELATIVE.exec(plain)![1]!;
  if (/^https?:\/\//i.test(plain)) return RESTFUL.exec(plain)?.[2] ?? null;
  return null;
}

export class BundleIndex {
  private readonly byFullUrl = new Map<string, IndexedResource>();
  private readonly byTypeId = new Map<string, IndexedResource>();

  /** Adds a resource; returns the entry that already had this fullUrl, if one did (the first one wins). */
  add(resource: IndexedResource): IndexedResource | null {
    let earlier: IndexedResource | null = null;
    if (resource.fullUrl !== null) {
      earlier = this.byFullUrl.get(resource.fullUrl) ?? null;
      if (earlier === null) this.byFullUrl.set(resource.fullUrl, resource);
    }
    if (resource.id !== null) {
      const key = `${resource.resourceType}/${resource.id}`;
      if (!this.byTypeId.has(key)) this.byTypeId.set(key, resource);
    }
    return earlier;
  }

  /** The resource a literal reference points to, seen from the resource that holds the reference. */
  resolve(reference: string, from: IndexedResource): IndexedResource | null {
    if (reference.startsWith('#')) return reference === '#' ? from : contained(reference.slice(1), from);
    const plain = reference.replace(HISTORY, '');
    if (ABSOLUTE.test(plain)) return this.byFullUrl.get(plain) ?? null;
    if (!RELATIVE.test(plain)) return null; // conditional (`Patient?identifier=…`) or malformed
    const base = from.fullUrl === null ? undefined : RESTFUL.exec(from.fullUrl)?.[1];
    return (base && this.byFullUrl.get(`${base}${plain}`)) || this.byTypeId.get(plain) || null;
  }
}

function contained(id: string, from: IndexedResource): IndexedResource | null {
  const list = from.resource.contained;
  if (!Array.isArray(list)) return null;
  for (const item of list) {
    if (item && typeof item === 'object' && (item as { id?: unknown }).id === id) {
      const resourceType = (item as { resourceType?: unknown }).resourceType;
      if (typeof resourceType !== 'string') return null;
      return {
        resourceType,
        id,
        entry: from.entry,
        fullUrl: null,
        resource: item as Record<string, unknown>,
        contained: true,
      };
    }
  }
  return null;
}
