import { type BundleIndex, type IndexedResource, referenceType } from './bundle-index.js';
import { parseFhirDateTime } from './fhir-datetime.js';
import type { PeriodInput, ReferenceInput } from './fhir-schemas.js';
import type { FhirReference, FhirTime, Period } from './fhir-types.js';
import { R4_RESOURCE_TYPES } from './r4-resource-types.js';
import { identifier } from './fhir-values.js';

/** Collects warnings for the file (a cap is applied when the result is built). */
export type Warn = (location: string, message: string) => void;

/**
 * One resource being mapped: where it is (`entry[3].resource`), how to resolve its references and how to
 * report what was tolerated. Locations are JSON paths; messages never quote values.
 */
export class ResourceContext {
  constructor(
    readonly self: IndexedResource,
    /** JSON path of the resource: `entry[3].resource`, or '' for a lone resource. */
    readonly path: string,
    readonly file: string,
    readonly index: BundleIndex,
    private readonly report: Warn,
  ) {}

  /** `file.json:entry[3].resource.subject.reference`. */
  at(sub: string): string {
    const path =
      this.path === '' ? sub : sub === '' ? this.path : `${this.path}${sub.startsWith('[') ? '' : '.'}${sub}`;
    return `${this.file}:${path === '' ? '(document)' : path}`;
  }

  /** `file.json:entry[3]` (or `file.json` for a lone resource): the record's `source`. */
  get source(): string {
    return this.path === '' ? this.file : `${this.file}:${this.path.replace(/\.resource$/, '')}`;
  }

  warn(sub: string, message: string): void {
    this.report(this.at(sub), message);
  }

  /**
   * A Reference, resolved in the bundle. An unresolved literal reference is a warning; so is one that
   * resolves to a type other than those expected. Logical references (identifier only) are kept as they are.
   */
  ref(
    input: ReferenceInput | undefined,
    sub: string,
    expected: readonly string[] = [],
  ): FhirReference | null {
    if (input === undefined) return null;
    const reference = input.reference ?? null;
    const target = reference === null ? null : this.index.resolve(reference, this.self);
    const named = input.type ?? (reference === null ? null : referenceType(reference));
    const type = named ?? target?.resourceType ?? null;
    if (reference !== null && target === null) {
      const what = isTypeName(type) ? `${type} reference` : 'reference';
      this.warn(`${sub}.reference`, `the ${what} does not resolve to a resource in this file`);
    } else if (target !== null && expected.length > 0 && !expected.includes(target.resourceType)) {
      const found = isTypeName(target.resourceType) ? `a ${target.resourceType}` : 'another resource type';
      this.warn(`${sub}.reference`, `expected a reference to ${expected.join(' or ')}, found ${found}`);
    }
    return {
      reference,
      type,
      identifier: input.identifier ? identifier(input.identifier) : null,
      resolved:
        target === null
          ? null
          : {
              resourceType: target.resourceType,
              id: target.id,
              entry: target.entry,
              fullUrl: target.fullUrl,
              contained: target.contained,
            },
    };
  }

  refs(list: ReferenceInput[] | undefined, sub: string, expected: readonly string[] = []): FhirReference[] {
    return (list ?? []).map((r, i) => this.ref(r, `${sub}[${i}]`, expected)!);
  }

  /** A dateTime/instant already checked by the schema; a time without an offset is a warning (R4 requires one). */
  time(text: string | undefined, sub: string): FhirTime | null {
    if (text === undefined) return null;
    const time = parseFhirDateTime(text);
    if (time === null) return null;
    if (time.localDateTime !== null && time.utcOffset === null) {
      this.warn(sub, 'a time without a UTC offset (R4 requires one): kept as a local reading with no offset');
    }
    return time;
  }

  /** An R4 instant (DocumentReference.date, Provenance.recorded, Signature.when): a date alone is a warning. */
  instant(text: string | undefined, sub: string): FhirTime | null {
    const time = this.time(text, sub);
    if (time !== null && time.localDateTime === null) {
      this.warn(sub, 'an instant without a time (R4 instant: YYYY-MM-DDThh:mm:ss±hh:mm): kept as a date');
    }
    return time;
  }

  period(input: PeriodInput | undefined, sub: string): Period | null {
    if (input === undefined) return null;
    return { start: this.time(input.start, `${sub}.start`), end: this.time(input.end, `${sub}.end`) };
  }
}

/** R4 resource type names are safe to show; anything else found where one belongs is not repeated. */
function isTypeName(type: string | null): type is string {
  return type !== null && R4_RESOURCE_TYPES.has(type);
}
