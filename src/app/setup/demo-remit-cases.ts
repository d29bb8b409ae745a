import { DELIVERY_CODES } from '../../core/model/billing-line.js';
import type { Course } from '../../core/model/course.js';

/** A charge of the demo practice on a claim it sent (837P), as the demo payers answer it. */
export interface DemoCharge {
  chargeId: string;
  /** The claim number it was sent under (CLM01). */
  claim: string;
  courseKey: string;
  document: Course;
  date: string;
  /** Fraction number: orders two sessions of one day. */
  fraction: number;
  code: string;
  modifiers: string[];
  units: number;
}

/**
 * What the payer did with one line, besides paying it as expected: the 2026 payer problems (domain.md
 * §4) and the everyday outcomes of a remittance (§6.1): patient responsibility (PR-1 deductible, PR-2
 * coinsurance, PR-3 copay), frequency, missing-information, authorization and medical-necessity
 * denials.
 */
export type LineCase =
  | 'authorization-2025'
  | 'downcoded'
  | 'zero-paid'
  | 'igrt-denied'
  | 'underpaid'
  | 'missing-information'
  | 'deductible'
  | 'coinsurance'
  | 'copay'
  | 'frequency'
  | 'authorization-denial'
  | 'medical-necessity';

/**
 * What the payer did with a whole claim: processed as primary and forwarded to the patient's secondary
 * payer (CLP02 19, then the secondary's CLP02 2), paid then reversed and corrected in a later payment
 * (CLP02 22), or denied with only a contractual adjustment (CLP02 4, CO-45: a hidden zero payment).
 */
export type ClaimCase = 'forwarded' | 'reversed' | 'denied';

export interface DemoCases {
  lines: Map<DemoCharge, LineCase>;
  claims: Map<string, ClaimCase>;
}

const isDelivery = (c: DemoCharge) => (DELIVERY_CODES as readonly string[]).includes(c.code);
const grandfathered = (c: DemoCharge) => c.document.authorizations.some((a) => a.obtainedOn < '2026');
const payer = (c: DemoCharge) => c.document.payer.profile ?? 'default';
/** Medicare's beneficiaries: traditional Medicare (Part B) or a Medicare Advantage plan. */
const medicareAged = (c: DemoCharge) => payer(c) === 'medicare' || payer(c) === 'medicare-advantage';
const commercial = (c: DemoCharge) => !medicareAged(c);

/**
 * The lines and claims each case falls on, deterministic (charges in course, date, code, fraction
 * order; the first that fits a preference, else its fallback). The 2026 problems are picked first, as
 * before the other cases existed, so the demo's appeal letters keep their lines: the downcode on a
 * breast 77412 earned by motion management (the eviCore criteria), the zero payment on a prostate
 * course's where there is one. `paidEarly` says whether a claim is paid before its payer's last
 * payment (a reversal and a secondary payment follow in a later one).
 */
export function pickDemoCases(
  charges: readonly DemoCharge[],
  paidEarly: (claim: string) => boolean,
): DemoCases {
  const lines = new Map<DemoCharge, LineCase>();
  const claims = new Map<string, ClaimCase>();
  const free = (c: DemoCharge) => !lines.has(c) && !claims.has(c.claim);
  /** The first test that finds a free charge decides (a preference, then fallbacks). */
  const pick = (kind: LineCase, ...tests: ((c: DemoCharge) => boolean)[]): DemoCharge | undefined => {
    for (const test of tests) {
      const c = charges.find((x) => free(x) && test(x));
      if (c) {
        lines.set(c, kind);
        return c;
      }
    }
    return undefined;
  };
  pick('authorization-2025', (c) => grandfathered(c) && c.code === '77412');
  pick('authorization-2025', (c) => grandfathered(c) && isDelivery(c));
  // 77412 earned by active motion management (one isocentre): the appeals then carry the patient's own
  // motion evidence.
  const byMotion = (c: DemoCharge, region: string) =>
    c.code === '77412' &&
    !grandfathered(c) &&
    c.document.plan.motionManagement !== null &&
    c.document.plan.isocenters === 1 &&
    c.document.site.region === region;
  const any77412 = (c: DemoCharge) => c.code === '77412' && !grandfathered(c);
  pick('downcoded', (c) => byMotion(c, 'breast'), any77412);
  pick('zero-paid', (c) => byMotion(c, 'prostate'), any77412);
  pick('igrt-denied', (c) => c.code === '77387' && !grandfathered(c));
  pick('underpaid', (c) => c.code === '77407' && !grandfathered(c));
  pick('missing-information', (c) => c.code === '77407' && !grandfathered(c));

  const byClaim = new Map<string, DemoCharge[]>();
  for (const c of charges) byClaim.set(c.claim, [...(byClaim.get(c.claim) ?? []), c]);
  const pickClaim = (kind: ClaimCase, ...tests: ((claim: DemoCharge[]) => boolean)[]) => {
    for (const test of tests) {
      const found = [...byClaim].find(([, cs]) => cs.every(free) && test(cs))?.[0];
      if (found !== undefined) return void claims.set(found, kind);
    }
  };
  // Denied outright in a freestanding setting (domain.md §4): a commercial payer's delivery-only claim.
  pickClaim(
    'denied',
    (cs) => cs.every((c) => isDelivery(c) && commercial(c) && !grandfathered(c)),
    (cs) => cs.every((c) => isDelivery(c) && !grandfathered(c)),
  );
  const supplemental = (cs: DemoCharge[]) =>
    medicareAged(cs[0]!) && (cs[0]!.document.patient.otherCoverage ?? []).length > 0;
  pickClaim('forwarded', (cs) => supplemental(cs) && paidEarly(cs[0]!.claim), supplemental);
  const early = (cs: DemoCharge[]) => paidEarly(cs[0]!.claim) && !cs.some(grandfathered);
  pickClaim('reversed', (cs) => payer(cs[0]!) === 'uhc' && early(cs), early);

  const of = (profile: string) => (c: DemoCharge) => payer(c) === profile && !grandfathered(c);
  // Early in the year the deductible takes a commercial patient's first services whole.
  const deductible = pick(
    'deductible',
    (c) => of('uhc')(c) && c.code === '77412',
    (c) => commercial(c) && c.code === '77412',
    any77412,
  );
  pick(
    'deductible',
    (c) => c.claim === deductible?.claim && c.date === deductible.date && c.code === '77387',
    (c) => commercial(c) && c.code === '77387' && !grandfathered(c),
  );
  pick(
    'coinsurance',
    (c) => of('evicore')(c) && isDelivery(c),
    (c) => commercial(c) && isDelivery(c),
  );
  pick(
    'copay',
    (c) => of('default')(c) && c.code === '77407',
    (c) => commercial(c) && isDelivery(c),
  );
  // The second session of a twice-daily day (a course with two fractions on one date).
  const secondSession = (c: DemoCharge) =>
    isDelivery(c) &&
    charges.some(
      (o) => o.courseKey === c.courseKey && o.date === c.date && isDelivery(o) && o.fraction < c.fraction,
    );
  pick('frequency', secondSession);
  // No authorization on file at all: a commercial course whose authorization never reached the
  // practice's records (a retro-authorization to request), and a traditional Medicare course, preferably
  // on a 77412 the course's motion management earns (Medicare has no prior authorization for radiation
  // therapy: the remark says what went wrong).
  const unauthorized = (c: DemoCharge) => isDelivery(c) && c.document.authorizations.length === 0;
  pick('authorization-denial', (c) => unauthorized(c) && commercial(c));
  pick(
    'authorization-denial',
    (c) => unauthorized(c) && payer(c) === 'medicare' && byMotion(c, c.document.site.region),
    (c) => unauthorized(c) && payer(c) === 'medicare',
  );
  pick(
    'medical-necessity',
    (c) => commercial(c) && c.code === '77407' && !grandfathered(c),
    (c) => isDelivery(c) && !grandfathered(c),
  );
  // A Medicare Advantage plan's medical-necessity denial: its reconsideration window is 60 days.
  pick('medical-necessity', (c) => payer(c) === 'medicare-advantage' && isDelivery(c));
  // CO-197 on a 2026 date although a 2026 authorization covering it is on file (domain.md §6.1: an
  // authorization denial whether or not one is on file), preferably from a commercial payer.
  const authorized2026 = (c: DemoCharge) =>
    isDelivery(c) &&
    !grandfathered(c) &&
    c.document.authorizations.some(
      (a) => a.obtainedOn >= '2026' && a.validFrom <= c.date && c.date <= a.validTo,
    );
  pick('authorization-denial', (c) => commercial(c) && authorized2026(c), authorized2026);
  return { lines, claims };
}
