import { type CsvMapping, csvMappingSchema } from '../column-mapping.js';
import type { CsvKind } from '../csv-fields.js';
import { ariaLikeMapping } from './aria-like.js';
import { authorizationsMapping } from './authorizations.js';
import { mosaiqLikeMapping } from './mosaiq-like.js';
import { ordersSignaturesMapping } from './orders-signatures.js';

/** The mappings shipped with the product, validated like a site's (their tests keep them valid). */
export const BUNDLED_MAPPINGS: readonly CsvMapping[] = [
  ariaLikeMapping,
  mosaiqLikeMapping,
  ordersSignaturesMapping,
  authorizationsMapping,
].map((m) => csvMappingSchema.parse(m));

export function bundledMappings(kind: CsvKind): CsvMapping[] {
  return BUNDLED_MAPPINGS.filter((m) => m.kind === kind);
}

export function bundledMapping(id: string): CsvMapping | undefined {
  return BUNDLED_MAPPINGS.find((m) => m.id === id);
}
