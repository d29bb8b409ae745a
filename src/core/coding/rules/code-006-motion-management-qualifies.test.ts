import { describe, expect, it } from 'vitest';
import { ammShortfall, CODE_006 } from './code-006-motion-management-qualifies.js';

describe('ammShortfall (CODE-006)', () => {
  // prettier-ignore
  const SHORTFALLS = [
    ['none', null, /image guidance alone does not qualify/],
    ['set-up only', { method: 'SGRT', phase: 'setup-only', beamHold: false }, /SGRT was used for set-up only/],
    ['set-up only with beam hold', { method: 'abdominal compression', phase: 'setup-only', beamHold: true }, /abdominal compression was used for set-up only/],
    ['intrafraction, no hold', { method: 'DIBH', phase: 'intrafraction', beamHold: false }, /DIBH monitored during delivery but could not hold/],
    ['intrafraction with hold', { method: 'SGRT', phase: 'intrafraction', beamHold: true }, null],
  ] as const;
  it.each(SHORTFALLS)('%s', (_name, mm, expected) => {
    const r = ammShortfall(mm);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });
});

it('CODE-006 meta cites the AMA/ASTRO definitions', () => {
  expect(CODE_006).toMatchObject({ id: 'CODE-006', severity: 'warning' });
  expect(CODE_006.source).toMatch(/\[seed\]/);
});
