import { describe, expect, it } from 'vitest';
import { DEMO_BILLING } from '../setup/demo-billing.js';
import { billingSettingsSchema, guidelineVersionsOf } from './billing-settings.js';

// The letters' guideline versions as the practice gives them, never the seed's placeholder "Version XX.2026".
describe('billing settings: guideline versions', () => {
  it.each<[string, unknown, string | null]>([
    ['a version the practice follows', { 'nccn-prostate': '5.2026' }, null],
    ['none set', undefined, null],
    ['the seed placeholder', { 'nccn-breast': 'XX.2026' }, 'guidelineVersions.nccn-breast'],
    ['a reference that is not a versioned guideline', { 'darby-2013': '1.2013' }, 'guidelineVersions'],
  ])('%s', (_, guidelineVersions, refused) => {
    const r = billingSettingsSchema.safeParse({ ...DEMO_BILLING, guidelineVersions });
    if (refused === null) expect(r.success).toBe(true);
    else expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(refused);
  });

  it.each<[string, unknown, Record<string, string>]>([
    [
      'read from stored settings, whatever else they lack',
      { guidelineVersions: { 'nccn-breast': '2.2026' } },
      { 'nccn-breast': '2.2026' },
    ],
    ['no settings', null, {}],
    ['invalid versions are none', { guidelineVersions: { 'nccn-breast': 'XX.2026' } }, {}],
  ])('guidelineVersionsOf: %s', (_, stored, expected) => {
    expect(guidelineVersionsOf(stored)).toEqual(expected);
  });
});

// X12 5010 delimiters (ISA: element `*`, component `:`, repetition `^`, segment `~`) and control characters
// cannot be written in an element: the settings refuse them at save, naming the field, never the value.
describe('billing settings: X12 delimiters and control characters', () => {
  const provider = DEMO_BILLING.provider;
  const physician = Object.entries(DEMO_BILLING.physicians ?? {})[0]!;
  const payer = Object.entries(DEMO_BILLING.payers)[0]!;
  it.each<[string, unknown, string]>([
    ['a * in the provider name', { provider: { ...provider, name: 'SGRT*ONCOLOGY' } }, 'provider.name'],
    ['a ~ in the provider name', { provider: { ...provider, name: 'SGRT~ONCOLOGY' } }, 'provider.name'],
    [
      'a : in the address',
      { provider: { ...provider, address: { ...provider.address, line1: '1 A:B ST' } } },
      'provider.address.line1',
    ],
    [
      'the repetition separator ^',
      { receiver: { ...DEMO_BILLING.receiver, name: 'CLEARING^HOUSE' } },
      'receiver.name',
    ],
    [
      'a control character',
      { submitter: { ...DEMO_BILLING.submitter, name: 'SUB\u0007MITTER' } },
      'submitter.name',
    ],
    [
      'a line break in a payer name',
      { payers: { [payer[0]]: { ...payer[1], name: 'PLAN\nTWO' } } },
      `payers.${payer[0]}.name`,
    ],
    [
      "a * in a physician's last name",
      { physicians: { [physician[0]]: { ...physician[1], lastName: 'DOE*' } } },
      `physicians.${physician[0]}.lastName`,
    ],
  ])('%s is refused at its field', (_, patch, field) => {
    const r = billingSettingsSchema.safeParse({ ...DEMO_BILLING, ...(patch as object) });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === field);
    expect(issue?.message).toMatch(/X12 delimiters/);
    expect(JSON.stringify(r.error!.issues)).not.toMatch(/ONCOLOGY|MITTER|DOE/);
  });

  it('the demo settings pass', () => {
    expect(billingSettingsSchema.safeParse(DEMO_BILLING).success).toBe(true);
  });
});
