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
