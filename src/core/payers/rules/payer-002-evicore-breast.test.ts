import { describe, expect, it } from 'vitest';
import type { Site } from '../../model/session-facts.js';
import { BUNDLED_PROFILES } from '../bundled-profiles.js';
import { evicoreBreastFinding, PAYER_002 } from './payer-002-evicore-breast.js';

const profile = (id: string) => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('evicoreBreastFinding (PAYER-002)', () => {
  // prettier-ignore
  const SITES = [
    // name, site, warned
    ['left whole breast', { region: 'breast', laterality: 'left', extent: 'whole-breast' }, false],
    ['left post-mastectomy', { region: 'breast', laterality: 'left', extent: 'post-mastectomy' }, false],
    ['left, extent not given (whole breast assumed)', { region: 'breast', laterality: 'left' }, false],
    ['left partial breast', { region: 'breast', laterality: 'left', extent: 'partial-breast' }, true],
    ['left other', { region: 'breast', laterality: 'left', extent: 'other' }, true],
    ['right, IMN not given', { region: 'breast', laterality: 'right' }, true],
    ['right, IMN false', { region: 'breast', laterality: 'right', internalMammaryNodes: false }, true],
    ['right with IMN', { region: 'breast', laterality: 'right', internalMammaryNodes: true }, false],
    ['right chest wall with IMN', { region: 'breast', laterality: 'right', extent: 'post-mastectomy', internalMammaryNodes: true }, false],
    ['bilateral', { region: 'breast', laterality: 'bilateral' }, false],
    ['bilateral partial', { region: 'breast', laterality: 'bilateral', extent: 'partial-breast' }, false],
    ['laterality none', { region: 'breast', laterality: 'none' }, true],
    ['laterality not given', { region: 'breast' }, true],
    ['prostate', { region: 'prostate' }, false],
    ['left lung', { region: 'lung', laterality: 'left' }, false],
    ['no site', undefined, false],
  ] as [string, Site | undefined, boolean][];
  it.each(SITES)('evicore: %s', (_name, site, warned) => {
    const f = evicoreBreastFinding(profile('evicore'), site, 'f1');
    if (!warned) return expect(f).toBeNull();
    expect(f).toMatchObject({ ruleId: PAYER_002.id, severity: 'warning', subject: 'f1' });
    expect(f?.fix).toMatch(/77407/);
  });

  it.each(BUNDLED_PROFILES.filter((p) => p.amm77412Criteria === 'cpt').map((p) => [p.id]))(
    '%s does not apply the eviCore criteria',
    (id) => {
      expect(evicoreBreastFinding(profile(id), { region: 'breast', laterality: 'right' }, 'f1')).toBeNull();
    },
  );

  it('evidence and message describe the course', () => {
    const f = evicoreBreastFinding(
      profile('evicore'),
      { region: 'breast', laterality: 'right', extent: 'whole-breast' },
      'f1',
    );
    expect(f?.evidence).toEqual({ laterality: 'right', extent: 'whole-breast', internalMammaryNodes: false });
    expect(f?.message).toContain('right whole-breast without internal mammary nodes');
  });
});

describe('evicoreBreastFinding region matching', () => {
  it('matches the breast region whatever its case', () => {
    const evicore = BUNDLED_PROFILES.find((p) => p.id === 'evicore')!;
    const finding = evicoreBreastFinding(evicore, { region: 'Breast', laterality: 'right' }, 'f1');
    expect(finding?.ruleId).toBe('PAYER-002');
  });
});
