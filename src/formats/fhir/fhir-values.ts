import type { ConceptInput, IdentifierInput } from './fhir-schemas.js';
import type { Concept, Identifier } from './fhir-types.js';

/** FHIR data types → the reader's records (pure; no resolution, no warnings). */

export function concept(c: ConceptInput | undefined): Concept | null {
  if (c === undefined) return null;
  return {
    text: c.text ?? null,
    codings: (c.coding ?? []).map((x) => ({
      system: x.system ?? null,
      code: x.code ?? null,
      display: x.display ?? null,
    })),
  };
}

export function concepts(list: ConceptInput[] | undefined): Concept[] {
  return (list ?? []).map((c) => concept(c)!);
}

export function identifier(i: IdentifierInput): Identifier {
  return {
    system: i.system ?? null,
    value: i.value ?? null,
    typeCode: i.type?.coding?.find((c) => c.code !== undefined)?.code ?? null,
  };
}

export function identifiers(list: IdentifierInput[] | undefined): Identifier[] {
  return (list ?? []).map(identifier);
}

/** The codes of a concept whose system is one of `systems` (compared without a trailing slash, any case). */
export function codesIn(c: Concept | null, systems: readonly string[]): string[] {
  const wanted = new Set(systems.map(normalSystem));
  return (c?.codings ?? [])
    .filter((x) => x.code !== null && x.system !== null && wanted.has(normalSystem(x.system)))
    .map((x) => x.code!);
}

const normalSystem = (s: string) => s.trim().toLowerCase().replace(/\/+$/, '');

/** A JSON number (R4 decimal) as integer cents, without trusting binary fractions; null beyond 2 places. */
export function numberToCents(value: number | undefined): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}

/** An extension array item, checked by hand (extensions are not validated by the schemas). */
export interface ExtensionItem {
  url: string;
  /** Position in the array, for locations. */
  index: number;
  value: Record<string, unknown>;
}

/** The items of an `extension` array that are objects with a string url. */
export function extensionItems(list: unknown[] | undefined): ExtensionItem[] {
  const out: ExtensionItem[] = [];
  (list ?? []).forEach((item, index) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const url = (item as { url?: unknown }).url;
      if (typeof url === 'string') out.push({ url, index, value: item as Record<string, unknown> });
    }
  });
  return out;
}
