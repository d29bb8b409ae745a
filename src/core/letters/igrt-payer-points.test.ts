import { describe, expect, it } from 'vitest';
import { letterInput } from '../../../test/support/letter-input.js';
import type { PayerKind } from '../remit/appeal-deadline.js';
import { assembleLetter } from './assemble-letter.js';
import { editTables } from '../edits/edit-tables.js';
import { mpfsData, type ReferenceRelease } from '../rates/mpfs-payment.js';

const RELEASE: Omit<ReferenceRelease, 'id'> = {
  year: 2026,
  quarter: 1,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  source: 'SYNTH.csv',
};
const LOADED = {
  mpfs: [mpfsData({ ...RELEASE, id: 'RVU26A' }, [], [])],
  ncci: [editTables({ ...RELEASE, id: 'PTP26Q1' }, [], [])],
};

/*
 * The 77387-26 appeal's payer-specific point: UnitedHealthcare's denials are, in ASTRO's words, "due to an
 * incorrect edit in the United Healthcare system" (ASTRO, "ASTRO continues prior authorization advocacy",
 * 21 January 2026); a private payer that denies over the modifier (CO-4) is answered by a corrected claim
 * without it (ASTRO payer resource centre, "I Got Denied or Downcoded"), not by an appeal.
 */
const UHC_EDIT =
  /ASTRO reports that members "are also being denied the professional component of image guidance 77387 due to an incorrect edit in the United Healthcare system" and that it is working with UHC to correct this problem \[\d+\]\./;

const appeal = (profile: string, payerKind: PayerKind, carcs: string[]) => {
  const base = letterInput('appeal-igrt-denial', undefined, profile);
  return assembleLetter({
    ...base,
    claim: { ...base.claim!, carcs },
    appeal: {
      payerClaimNumber: '26071000001',
      payerKind,
      appealBy: '2026-07-10',
      memberId: null,
      enclosures: [],
    },
    // The CMS files a commercial CO-97 appeal rests on (igrt-reference.ts), loaded.
    igrtReference: LOADED,
  });
};

describe('77387-26 appeal: the point that fits the payer', () => {
  it.each<[string, string, PayerKind, string[], boolean, string | null]>([
    ['UHC, CO-97: ASTRO on the UHC edit', 'uhc', 'other', ['CO-97'], true, null],
    ['UHC, CO-4: ASTRO on the UHC edit (UHC requires the modifier)', 'uhc', 'other', ['CO-4'], true, null],
    ['commercial, CO-97: no UHC point', 'default', 'other', ['CO-97'], false, null],
    [
      'commercial, CO-4: corrected claim without 26',
      'default',
      'other',
      ['CO-4'],
      false,
      'IGRT-MODIFIER-DENIED',
    ],
    [
      'eviCore plan, CO-4: corrected claim without 26',
      'evicore',
      'other',
      ['CO-4'],
      false,
      'IGRT-MODIFIER-DENIED',
    ],
    [
      'Medicare Advantage, CO-4: not a private payer',
      'medicare-advantage',
      'medicare-advantage',
      ['CO-4'],
      false,
      null,
    ],
    [
      'traditional Medicare, CO-4: a reopening for the clerical error first',
      'medicare',
      'medicare',
      ['CO-4'],
      false,
      'IGRT-MODIFIER-REOPENING',
    ],
    ['traditional Medicare, CO-97: no modifier warning', 'medicare', 'medicare', ['CO-97'], false, null],
  ])('%s', (_, profile, kind, carcs, uhcPoint, warning) => {
    const draft = appeal(profile, kind, carcs);
    if (uhcPoint) {
      expect(draft.body).toMatch(UHC_EDIT);
      expect(draft.references.map((r) => r.id)).toContain('astro-pa-advocacy-2026');
    } else expect(draft.body).not.toMatch(/United Healthcare system/);
    const codes = draft.warnings.map((w) => w.code);
    if (warning) expect(codes).toContain(warning);
    else expect(codes).not.toContain('IGRT-MODIFIER-DENIED');
    if (warning !== 'IGRT-MODIFIER-REOPENING') expect(codes).not.toContain('IGRT-MODIFIER-REOPENING');
  });

  // 42 CFR 405.980(a)(3): the contractor processes clerical errors as reopenings, not redeterminations;
  // CMS IOM 100-04 ch. 34 §10.4 "Reopenings Based on Clerical or Minor Errors and Omissions".
  it('traditional Medicare CO-4: the warning names the reopening, then the redetermination', () => {
    const w = appeal('medicare', 'medicare', ['CO-4']).warnings.find(
      (x) => x.code === 'IGRT-MODIFIER-REOPENING',
    );
    expect(w?.message).toMatch(/reopening .*42 CFR 405\.980\(a\)\(3\); CMS IOM 100-04 ch\. 34 §10\.4/);
    expect(w?.message).toMatch(/only if the claim was right.*redetermination/);
  });

  it('the CO-4 warning names the route: a corrected claim without the modifier, not an appeal', () => {
    const w = appeal('default', 'other', ['CO-4']).warnings.find((x) => x.code === 'IGRT-MODIFIER-DENIED');
    expect(w?.message).toMatch(/corrected claim \(frequency code 7\) without modifier 26.*not an appeal/);
    expect(w?.message).toMatch(/ASTRO suggests resubmitting claims without it/);
  });
});
