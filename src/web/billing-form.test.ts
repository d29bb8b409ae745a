import { describe, expect, it } from 'vitest';
import type { BillingSettings } from '../app/views.js';
import { formOf, settingsOf } from './billing-form.js';

/** Synthetic settings as the API returns them (every default filled in). */
const settings: BillingSettings = {
  provider: {
    name: 'DEMO RADIATION ONCOLOGY',
    npi: '1999999984',
    taxId: '999999999',
    taxonomy: '261QX0203X',
    address: { line1: '1 SYNTHETIC PLAZA', city: 'TESTVILLE', state: 'NY', postalCode: '100010000' },
  },
  submitter: {
    qualifier: 'ZZ',
    id: 'DEMOPRACTICE',
    name: 'DEMO RADIATION ONCOLOGY',
    contact: { name: 'DEMO BILLING OFFICE', phone: '5555550100' },
  },
  receiver: { qualifier: 'ZZ', id: 'SYNCLEARING', name: 'SYNTHETIC CLEARINGHOUSE' },
  physicians: {
    'DR-SYN-01': {
      lastName: 'DOCTORFAKE',
      firstName: 'RITA',
      npi: '1999000015',
      taxonomy: '2085R0001X',
      credentials: 'MD',
    },
  },
  requireSupervising: true,
  requireReferring: false,
  defaultPeriod: 'week',
  usage: 'P',
  chargePercent: 150,
  chargeCents: { '77373': 150_000 },
  payers: { uhc: { name: 'UNITEDHEALTHCARE SYNTHETIC', id: 'SYNUHC01', filingIndicator: 'CI' } },
};

describe('billing settings form', () => {
  it('gives back the settings it was filled from, with a row per payer profile of the courses', () => {
    const form = formOf({
      settings,
      missing: [],
      payerProfiles: [{ profile: 'self-pay-plan', courses: 2, configured: false }],
      physicians: [{ id: 'DR-NEW', courses: 1, configured: false }],
      guidelines: [],
    });
    expect(form.payers['self-pay-plan']).toEqual({ name: '', id: '', filingIndicator: '' });
    // A course physician not in the settings gets an empty row with the radiation oncologist taxonomy.
    expect(form.physicians['DR-NEW']).toEqual({
      lastName: '',
      firstName: '',
      npi: '',
      taxonomy: '2085R0001X',
      credentials: '',
    });
    expect(form.charges).toEqual([{ code: '77373', dollars: '1500.00' }]);
    // The empty payer row is left out; everything else comes back as it was.
    expect(settingsOf(form)).toEqual(settings);
  });

  it.each([
    ['an empty form', null],
    [
      'settings without the optional fields',
      { ...settings, provider: { ...settings.provider, taxonomy: undefined } },
    ],
  ])('leaves out empty optional fields (%s)', (_name, start) => {
    const out = settingsOf(
      formOf({
        settings: start as typeof settings | null,
        missing: [],
        payerProfiles: [],
        physicians: [],
        guidelines: [],
      }),
    );
    expect('taxonomy' in out.provider).toBe(false);
    expect('line2' in out.provider.address).toBe(false);
  });

  it.each([
    ['', 'chargePercent'],
    ['12.5%', 'chargePercent'],
  ])('sends a charge percent that does not parse (%j) as null, for the server to name', (text) => {
    const form = formOf({ settings, missing: [], payerProfiles: [], physicians: [], guidelines: [] });
    const json = JSON.parse(JSON.stringify(settingsOf({ ...form, chargePercent: text }))) as {
      chargePercent: unknown;
    };
    expect(json.chargePercent).toBeNull();
  });

  it('sends a charge that is not an amount as null, keyed by its code in capitals', () => {
    const form = formOf({ settings, missing: [], payerProfiles: [], physicians: [], guidelines: [] });
    const out = settingsOf({
      ...form,
      charges: [
        { code: ' 77412x', dollars: 'ten' },
        { code: '', dollars: '5' },
      ],
    });
    expect(JSON.parse(JSON.stringify(out.chargeCents))).toEqual({ '77412X': null });
  });

  it('sends a physician without a taxonomy with the radiation oncologist one, trimmed, and no empty credentials', () => {
    const form = formOf({ settings, missing: [], payerProfiles: [], physicians: [], guidelines: [] });
    const out = settingsOf({
      ...form,
      physicians: {
        'DR-2': { lastName: ' HALE ', firstName: 'JO', npi: '1999000023', taxonomy: '', credentials: ' ' },
      },
    });
    expect(out.physicians).toEqual({
      'DR-2': { lastName: 'HALE', firstName: 'JO', npi: '1999000023', taxonomy: '2085R0001X' },
    });
  });

  // The guideline versions letters cite (site-references.json): a row per guideline, blank when unset.
  const GUIDELINES = [
    { id: 'nccn-prostate', title: 'NCCN Guidelines: Prostate Cancer' },
    { id: 'nccn-breast', title: 'NCCN Guidelines: Invasive Breast Cancer' },
  ];
  it.each<[string, Record<string, string> | undefined, Record<string, string>, object]>([
    ['none stored, none typed', undefined, {}, {}],
    [
      'one typed',
      undefined,
      { 'nccn-breast': ' 2.2026 ' },
      { guidelineVersions: { 'nccn-breast': '2.2026' } },
    ],
    [
      'one stored, one typed',
      { 'nccn-prostate': '5.2026' },
      { 'nccn-breast': '2.2026' },
      { guidelineVersions: { 'nccn-prostate': '5.2026', 'nccn-breast': '2.2026' } },
    ],
    ['one stored, cleared', { 'nccn-prostate': '5.2026' }, { 'nccn-prostate': '' }, {}],
    // The seed's placeholder is sent as typed: the server refuses it at its field.
    [
      'the placeholder',
      undefined,
      { 'nccn-breast': 'XX.2026' },
      { guidelineVersions: { 'nccn-breast': 'XX.2026' } },
    ],
  ])('guideline versions: %s', (_name, stored, typed, sent) => {
    const form = formOf({
      settings: { ...settings, ...(stored ? { guidelineVersions: stored } : {}) },
      missing: [],
      payerProfiles: [],
      physicians: [],
      guidelines: GUIDELINES,
    });
    expect(Object.keys(form.guidelineVersions)).toEqual(['nccn-prostate', 'nccn-breast']);
    const out = settingsOf({ ...form, guidelineVersions: { ...form.guidelineVersions, ...typed } });
    expect({ guidelineVersions: out.guidelineVersions }).toEqual(
      'guidelineVersions' in sent ? sent : { guidelineVersions: undefined },
    );
  });
});
