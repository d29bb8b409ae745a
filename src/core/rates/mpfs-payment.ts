/**
 * Expected Medicare Physician Fee Schedule payment for one line in one locality, from the CMS quarterly
 * files (domain.md §7): payment = (work RVU × work GPCI + PE RVU × PE GPCI + MP RVU × MP GPCI) × CF.
 *
 * Numbers are scaled integers read from the files' decimal strings (src/formats/cms): RVUs and GPCIs in
 * thousandths, the conversion factor in ten-thousandths. The sum of products is exact in BigInt and
 * rounded **once**, half up, to cents: no float ever touches an amount.
 */

/** A CMS reference-data release (e.g. `RVU26A`): its year, quarter and the dates of service it covers. */
export interface ReferenceRelease {
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First date of service covered, `YYYY-MM-DD`. */
  effectiveFrom: string;
  /** Last date of service covered (inclusive), or null while no later release replaces it. */
  effectiveTo: string | null;
  /** Where the data came from (file names, download page). */
  source: string;
}

/** One PPRRVU row: RVUs of a code with a modifier (`''` global, `26` professional, `TC` technical). */
export interface PfsRvu {
  hcpcs: string;
  modifier: string;
  /** Status code: A active, R restricted, T injections… are paid; B bundled, C carrier-priced, I, N… are not. */
  status: string;
  /** Thousandths of an RVU. */
  workRvu: number;
  nonFacilityPeRvu: number | null;
  facilityPeRvu: number | null;
  mpRvu: number;
  /** PC/TC indicator (0 no split, 1 diagnostic split, 3 technical only, …), when the file has it. */
  pctcIndicator: string | null;
  /** Ten-thousandths of a dollar (33.4009 → 334009), when the file has it. */
  conversionFactor: number | null;
  /** `file:line 12`. */
  location: string;
}

/** One GPCI row: the indices of a locality of a Medicare Administrative Contractor (carrier). */
export interface Gpci {
  carrier: string;
  locality: string;
  state: string | null;
  localityName: string | null;
  /** Thousandths (1.017 → 1017). */
  workGpci: number;
  peGpci: number;
  mpGpci: number;
  location: string;
}

/** One release's RVUs and GPCIs, indexed for look-up (`mpfsData`). */
export interface MpfsData {
  release: ReferenceRelease;
  rvus: ReadonlyMap<string, PfsRvu>;
  gpcis: ReadonlyMap<string, Gpci>;
  /** Used when neither the query nor the RVU row gives one (ten-thousandths). */
  conversionFactor: number | null;
}

export function mpfsData(
  release: ReferenceRelease,
  rvus: readonly PfsRvu[],
  gpcis: readonly Gpci[],
  conversionFactor: number | null = null,
): MpfsData {
  return {
    release,
    rvus: new Map(rvus.map((r) => [rvuKey(r.hcpcs, r.modifier), r])),
    gpcis: new Map(gpcis.map((g) => [gpciKey(g.carrier, g.locality), g])),
    conversionFactor,
  };
}

const rvuKey = (hcpcs: string, modifier: string) => `${hcpcs.toUpperCase()}|${modifier.toUpperCase()}`;
const gpciKey = (carrier: string, locality: string) =>
  `${carrier.trim()}|${locality.trim().padStart(2, '0')}`;

export interface MpfsQuery {
  code: string;
  modifiers: readonly string[];
  placeOfService: string;
  /** `YYYY-MM-DD`: picks the release in force. */
  dateOfService: string;
  carrier: string;
  locality: string;
  /** Overrides the file's CF (e.g. 335675 for qualifying APM participants in 2026). */
  conversionFactor?: number;
}

export type MpfsPayment =
  | {
      ok: true;
      cents: number;
      component: 'global' | 'professional' | 'technical';
      setting: 'facility' | 'non-facility';
      rvus: { work: number; pe: number; mp: number };
      gpci: { work: number; pe: number; mp: number };
      conversionFactor: number;
      release: string;
      source: string;
    }
  | {
      ok: false;
      reason: 'no-release' | 'no-rvu' | 'not-paid' | 'no-pe-rvu' | 'no-locality' | 'no-conversion-factor';
      message: string;
    };

/**
 * Places of service paid at the facility PE RVUs (Medicare Claims Processing Manual ch. 12 §20.4.2 [S]):
 * hospital outpatient 19/22, inpatient 21, ER 23, ASC 24, SNF 31, … ; everything else (office 11) is
 * non-facility.
 */
export const FACILITY_PLACES_OF_SERVICE: ReadonlySet<string> = new Set([
  '19', '21', '22', '23', '24', '26', '31', '34', '41', '42', '51', '52', '53', '56', '61',
]); // prettier-ignore

/** MPFS status codes with a payable fee schedule amount (A active, R restricted, T paid alone). */
const PAID_STATUSES = new Set(['A', 'R', 'T']);

export function expectedMpfsPayment(releases: readonly MpfsData[], q: MpfsQuery): MpfsPayment {
  const data = inForce(releases, q.dateOfService);
  if (!data) return fail('no-release', `no MPFS release covers ${q.dateOfService}`);
  const mods = q.modifiers.map((m) => m.toUpperCase());
  const modifier = mods.includes('26') ? '26' : mods.includes('TC') ? 'TC' : '';
  const component = modifier === '26' ? 'professional' : modifier === 'TC' ? 'technical' : 'global';
  const label = modifier ? `${q.code}-${modifier}` : q.code;
  const rvu = data.rvus.get(rvuKey(q.code, modifier));
  if (!rvu) return fail('no-rvu', `${label} has no RVU row in ${data.release.id}`);
  if (!PAID_STATUSES.has(rvu.status.toUpperCase())) {
    return fail('not-paid', `${label} has status ${rvu.status} in ${data.release.id}: no separate payment`);
  }
  const facility = FACILITY_PLACES_OF_SERVICE.has(q.placeOfService);
  const pe = facility ? rvu.facilityPeRvu : rvu.nonFacilityPeRvu;
  const setting = facility ? 'facility' : 'non-facility';
  if (pe === null) return fail('no-pe-rvu', `${label} has no ${setting} PE RVU in ${data.release.id}`);
  const gpci = data.gpcis.get(gpciKey(q.carrier, q.locality));
  if (!gpci) {
    return fail('no-locality', `carrier ${q.carrier} locality ${q.locality} is not in ${data.release.id}`);
  }
  const cf = q.conversionFactor ?? rvu.conversionFactor ?? data.conversionFactor;
  if (cf === null || cf <= 0) return fail('no-conversion-factor', `no conversion factor for ${label}`);
  const rvuSum =
    BigInt(rvu.workRvu) * BigInt(gpci.workGpci) +
    BigInt(pe) * BigInt(gpci.peGpci) +
    BigInt(rvu.mpRvu) * BigInt(gpci.mpGpci);
  // RVU (10^-3) × GPCI (10^-3) × CF (10^-4 dollars) = 10^-10 dollars = 10^-8 cents.
  const cents = roundHalfUp(rvuSum * BigInt(cf), 10n ** 8n);
  return {
    ok: true,
    cents,
    component,
    setting,
    rvus: { work: rvu.workRvu, pe, mp: rvu.mpRvu },
    gpci: { work: gpci.workGpci, pe: gpci.peGpci, mp: gpci.mpGpci },
    conversionFactor: cf,
    release: data.release.id,
    source: `${data.release.source}; ${rvu.location}; ${gpci.location}`,
  };
}

/**
 * The release whose dates cover `date`; when several do (a correction re-issued for a quarter), the one
 * that starts latest, then the last given.
 */
export function inForce<T extends { release: ReferenceRelease }>(
  items: readonly T[],
  date: string,
): T | null {
  let best: T | null = null;
  for (const item of items) {
    const r = item.release;
    if (r.effectiveFrom > date || (r.effectiveTo !== null && r.effectiveTo < date)) continue;
    if (!best || r.effectiveFrom >= best.release.effectiveFrom) best = item;
  }
  return best;
}

/** `n / d` rounded half up (away from zero for halves of positive amounts), as a safe integer. */
export function roundHalfUp(n: bigint, d: bigint): number {
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return Number(negative ? -q : q);
}

function fail(reason: Extract<MpfsPayment, { ok: false }>['reason'], message: string): MpfsPayment {
  return { ok: false, reason, message };
}
