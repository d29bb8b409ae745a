import { AMM_KINDS, hasMedigap } from './clinic-model.js';
import { kindPlan, photon } from './course-plans.js';
import { type FractionFlags, NO_FLAGS } from './build-fraction.js';
import type { Draft } from './course-draft.js';
import { isNightSession, nightCourseStartDay } from './dst-night.js';
import { chooseSome, rngFor } from './prng.js';

/**
 * Course-level choices: where each course's evidence is (DICOM or CSV records, CSV or FHIR documents),
 * the course-level defects of motion-managed courses, and plan variety the audit must see through.
 */
export function chooseCourseLevel(seed: number, drafts: Draft[], days: readonly string[]): void {
  const r = (label: string) => rngFor(seed, 'course-level', label);
  const amm = drafts.filter((d) => AMM_KINDS.has(d.kind));
  // Sources: a quarter of the courses' treatment records as the R&V CSV, the rest DICOM; the chart
  // documents of about one course in ten with documents as FHIR (a motion-managed one first).
  for (const d of chooseSome(r('csv'), drafts, 0.25, drafts.length >= 2 ? 1 : 0))
    d.choices.recordSource = 'csv';
  if (drafts.length >= 2 && drafts.every((d) => d.choices.recordSource === 'csv'))
    drafts[0]!.choices.recordSource = 'dicom';
  const withDocs = drafts.filter((d) => AMM_KINDS.has(d.kind) || d.kp.plan.imageGuidance?.performed);
  const fhirFirst = amm.length >= 2 ? [r('fhir-amm').pick(amm)] : [];
  const fhir = [
    ...fhirFirst,
    ...chooseSome(
      r('fhir'),
      withDocs.filter((d) => !fhirFirst.includes(d)),
      0.08,
      withDocs.length >= 3 && !fhirFirst.length ? 1 : 0,
    ),
  ];
  for (const d of fhir) d.choices.documentSource = 'fhir';
  // Course-level defects of motion-managed courses.
  for (const d of chooseSome(r('no-thresholds'), amm, 0.06, amm.length >= 2 ? 1 : 0))
    d.choices.noThresholds = true;
  const csvAmm = amm.filter((d) => d.choices.documentSource === 'csv');
  for (const d of chooseSome(r('dibh-only'), csvAmm, 0.08)) d.choices.dibhOnly = true;
  const orderCandidates = csvAmm.filter((d) => !d.choices.dibhOnly);
  for (const d of chooseSome(r('unsigned-order'), orderCandidates, 0.05, csvAmm.length >= 2 ? 1 : 0))
    d.choices.unsignedOrder = true;
  // Plan variety that the audit must see through: set-up-only SGRT (prostate), a right breast without
  // internal mammary nodes under eviCore.
  const prostate = drafts.filter((d) => d.kind === 'prostate-vmat');
  if (prostate.length && !prostate.some((d) => d.kp.plan.motionManagement?.phase === 'setup-only')) {
    const d = r('setup-only').pick(prostate);
    d.kp.plan.motionManagement = {
      method: 'surface guidance',
      system: 'AlignRT',
      phase: 'setup-only',
      beamHold: false,
    };
    d.kp.protocol = 'Pelvis Setup';
  }
  const right = drafts.filter((d) => d.kind === 'breast-right-dibh');
  const criteria = (d: Draft) => d.kp.payer === 'evicore' && d.kp.site.internalMammaryNodes === false;
  if (right.length >= 1 && !right.some(criteria)) {
    const d = r('evicore-right').pick(right);
    d.kp.payer = 'evicore';
    d.kp.site.internalMammaryNodes = false;
  }
  const authorized = drafts.filter((d) => d.kp.payer !== 'medicare');
  for (const d of chooseSome(r('grandfathered'), authorized, 0.1)) d.choices.grandfathered = true;
  chooseShapes(seed, drafts, days);
  choosePayerCases(seed, drafts, days);
}

/**
 * Two payer situations a billing team meets, on courses billed early in the period (image-guided
 * workhorse courses without a special shape), drawn from streams of their own so every other choice
 * stays as it was: two Medicare patients enrolled in a Medicare Advantage plan instead (a private plan
 * that asks for prior authorization, unlike traditional Medicare: CMS, "Prior Authorization and Pre-Claim
 * Review Initiatives"; 42 CFR 422.138), none with a Medigap policy (`claimDemographics`), and one
 * commercial course whose authorization never reached the practice's records (no authorization on file).
 */
function choosePayerCases(seed: number, drafts: readonly Draft[], days: readonly string[]): void {
  const r = (label: string) => rngFor(seed, 'payer-case', label);
  const early = (d: Draft) =>
    (d.kind === 'prostate-vmat' || d.kind === 'head-neck-vmat') &&
    d.choices.shape === null &&
    d.startDay < days.length / 2;
  const medicare = drafts.filter((d) => early(d) && d.kp.payer === 'medicare' && !hasMedigap(d.patient.id));
  for (const d of chooseSome(r('medicare-advantage'), medicare, 0, 2)) d.kp.payer = 'medicareAdvantage';
  const commercial = drafts.filter(
    (d) => early(d) && (d.kp.payer === 'uhc' || d.kp.payer === 'default') && !d.choices.grandfathered,
  );
  for (const d of chooseSome(r('no-authorization'), commercial, 0, 1)) d.choices.noAuthorization = true;
}

/**
 * One course of each shape real practices bring (`CourseShape`), made from a course of a kind that is
 * always present with nine patients or more: an AlignRT course whose practice keeps the PDF reports only,
 * an electron course with a photon field in every session, an SBRT course prescribed in eight fractions
 * (central lung, 60 Gy / 8), a palliative course replanned as cranial SRS in three fractions, and, when
 * the period holds the 2026-03-08 spring-forward change, another palliative course started as an
 * emergency in that night (`dst-night.ts`).
 */
function chooseShapes(seed: number, drafts: Draft[], days: readonly string[]): void {
  const r = (label: string) => rngFor(seed, 'course-shape', label);
  const one = (label: string, eligible: (d: Draft) => boolean): Draft | null => {
    const candidates = drafts.filter((d) => d.choices.shape === null && eligible(d));
    return candidates.length ? r(label).pick(candidates) : null;
  };
  const reportOnly = one(
    'report-only',
    (d) =>
      AMM_KINDS.has(d.kind) &&
      !d.choices.noThresholds &&
      drafts.filter((x) => AMM_KINDS.has(x.kind)).length >= 2,
  );
  if (reportOnly) reportOnly.choices.shape = 'alignrt-report-only';

  // Not a course with a grandfathered authorization: that one stays the 2025-authorization example.
  const mixed = one('mixed', (d) => d.kind === 'electrons' && !d.choices.grandfathered);
  if (mixed) {
    mixed.choices.shape = 'mixed-beams';
    mixed.kp.beams = [
      { name: 'TANG 6X', radiationType: 'PHOTON', energy: '6X', seconds: [20, 35], mu: [100, 160] },
      ...mixed.kp.beams,
    ];
    // The OIS posts what the delivered beams support: electron and photon fields are 77412.
    mixed.kp.charges = [{ code: '77412', modifiers: [] }];
  }

  const sbrt = one('sbrt', (d) => d.kind === 'lung-sbrt');
  if (sbrt) {
    sbrt.choices.shape = 'sbrt-past-five';
    sbrt.kp.plan.fractionsPlanned = 8;
    sbrt.startDay = 0; // its sixth fraction is delivered within any period of eleven days or more
  }

  const srs = one('srs', (d) => d.kind === 'palliative-2d');
  if (srs) {
    srs.choices.shape = 'srs-fractionated';
    const linac = kindPlan('lung-sbrt', r('srs-plan'), 5001 + srs.index);
    srs.kp = {
      ...linac,
      site: { region: 'brain', laterality: 'none' },
      diagnosis: 'C79.31',
      plan: { ...linac.plan, id: `BRAIN-SRS-${5001 + srs.index}`, technique: 'SRS', fractionsPlanned: 3 },
      payer: srs.kp.payer,
    };
  }

  // A palliative course, else a workhorse course (prostate or head and neck, two or more in the clinic)
  // replanned as palliative, without the plan features or chart documents other defects rest on.
  const nightStart = nightCourseStartDay(days);
  const replannable = (d: Draft) =>
    (d.kind === 'prostate-vmat' || d.kind === 'head-neck-vmat') &&
    !d.kp.plan.motionManagement &&
    d.choices.documentSource === 'csv' &&
    !d.choices.grandfathered &&
    drafts.filter((x) => x.kind === d.kind).length >= 2;
  const night =
    nightStart === null
      ? null
      : (one('dst-night', (d) => d.kind === 'palliative-2d') ?? one('dst-night-replanned', replannable));
  if (night) {
    night.choices.shape = 'dst-night-emergency';
    night.choices.recordSource = 'dicom';
    night.startDay = nightStart!;
    const palliative = kindPlan('palliative-2d', r('dst-night-plan'), 5001 + night.index);
    night.kind = 'palliative-2d';
    night.kp = {
      ...palliative,
      site: { region: 'spine', laterality: 'none' },
      beams: [photon('AP', '10X', [25, 45], [140, 220]), photon('PA', '10X', [25, 45], [140, 220])],
      payer: night.kp.payer,
    };
  }
}

/** Timeline events: two AlignRT sessions, a beam hold, an interrupted beam, one short twice-daily break. */
export function chooseFlags(seed: number, drafts: Draft[], periodDays: number): void {
  const surely = (day: number) => day < periodDays - 1; // delivered whatever the export time on the last day
  for (const d of drafts) {
    const gated = AMM_KINDS.has(d.kind) && !d.choices.noThresholds;
    for (const f of d.plan) {
      if (isNightSession(d, f.number)) {
        d.flags.set(f.number, NO_FLAGS);
        continue;
      }
      const rng = rngFor(seed, 'flags', d.index, f.number);
      const roll = rng.float();
      const flags: FractionFlags = {
        ...NO_FLAGS,
        twoSessions: gated && roll < 0.04,
        heldExcursion: gated && roll >= 0.04 && roll < 0.1,
      };
      if (!flags.twoSessions && !flags.heldExcursion && rng.chance(0.008)) flags.interrupted = true;
      d.flags.set(f.number, flags);
    }
    if (d.kp.twiceDaily) {
      const days = [...new Set(d.plan.map((f) => f.day))].filter(surely);
      const later = days.length > 1 ? days.slice(1) : days;
      if (later.length) {
        const day = rngFor(seed, 'short-break', d.index).pick(later);
        const f = d.plan.find((x) => x.day === day && x.session === 1)!;
        d.flags.set(f.number, { ...NO_FLAGS, shortBreak: true });
      }
    }
  }
  const ensure = (label: string, flag: keyof FractionFlags, eligible: (d: Draft) => boolean) => {
    const all = drafts.flatMap((d) => d.plan.map((f) => ({ d, f })));
    if (all.some(({ d, f }) => d.flags.get(f.number)![flag])) return;
    const flagged = (flags: FractionFlags) => Object.values(flags).some(Boolean);
    const candidates = all.filter(
      ({ d, f }) =>
        eligible(d) &&
        surely(f.day) &&
        f.session === 0 &&
        !isNightSession(d, f.number) &&
        !flagged(d.flags.get(f.number)!),
    );
    if (!candidates.length) return;
    const { d, f } = rngFor(seed, 'ensure', label).pick(candidates);
    d.flags.set(f.number, { ...NO_FLAGS, [flag]: true });
  };
  const gated = (d: Draft) => AMM_KINDS.has(d.kind) && !d.choices.noThresholds;
  ensure('held', 'heldExcursion', gated);
  ensure('two-sessions', 'twoSessions', gated);
  const dicom = drafts.some((d) => d.choices.recordSource === 'dicom' && d.kp.beams.length >= 2);
  ensure('interrupted', 'interrupted', (d) =>
    dicom ? d.choices.recordSource === 'dicom' && d.kp.beams.length >= 2 : true,
  );
}
