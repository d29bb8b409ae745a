import type { Course } from '../../core/model/course.js';

/** One of the patient's other payers (courses.json `patient.otherCoverage`). */
export type Coverage = NonNullable<Course['patient']['otherCoverage']>[number];

const ORDER = ['primary', 'secondary', 'tertiary'] as const;
type Order = (typeof ORDER)[number];

/** CLP02 processed as secondary (2, 20 forwarded) or tertiary (3, 21) (X12 835 005010X221A1). */
const STATUS_ORDER: Readonly<Record<string, Order>> = {
  '2': 'secondary',
  '20': 'secondary',
  '3': 'tertiary',
  '21': 'tertiary',
};

const same = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

/**
 * Whether the patient has coverage after the payer that sent this answer (domain.md §6.1 coordination
 * of benefits): the payer's place is what CLP02 says (2/20 secondary, 3/21 tertiary), else the place of
 * the patient's other coverage it matches (by payer id or name), else primary; a later coverage is one
 * of a later order in the patient's `otherCoverage`.
 */
export function hasLaterCoverage(
  coverage: readonly Coverage[],
  claimStatus: string,
  payer: { name: string | null; id: string | null },
): boolean {
  const matched = coverage.find((c) => same(c.payerId, payer.id) || same(c.payerName, payer.name));
  const place: Order = STATUS_ORDER[claimStatus] ?? matched?.order ?? 'primary';
  return coverage.some((c) => ORDER.indexOf(c.order) > ORDER.indexOf(place));
}
