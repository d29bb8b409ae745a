import { describe, expect, it } from 'vitest';
import { fixerOf, HOLD_FIXERS, holdReason } from './hold-fixers.js';
import { RULE_CATALOGUE } from './catalogue.js';

describe('fixerOf', () => {
  it.each([
    ['DOC-001', 'physician'],
    ['DOC-002', 'physician'],
    ['DOC-008', 'physician'],
    ['DOC-009', 'physician'],
    ['DOC-011', 'physician'],
    ['DOC-004', 'therapist'],
    ['DOC-010', 'therapist'],
    ['AUTH-001', 'front-desk'],
    ['AUTH-004', 'front-desk'],
    ['CODE-008', 'coder'],
    ['EDIT-001', 'coder'],
  ])('%s is fixed by the %s', (ruleId, fixer) => {
    expect(fixerOf(ruleId)).toBe(fixer);
  });

  it('names only rules of the catalogue', () => {
    const ids = new Set(RULE_CATALOGUE.map((r) => r.id));
    expect(Object.keys(HOLD_FIXERS).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('holdReason', () => {
  it.each(RULE_CATALOGUE.map((r) => [r.id]))("%s has a reason on the coder's Today", (ruleId) => {
    expect(holdReason(ruleId).length).toBeGreaterThan(10);
  });

  it.each([
    ['DOC-001', 'The motion-management order is written and signed by the physician.'],
    [
      'CODE-006',
      "The coder's decision, by the rule: Only intrafraction motion management with beam hold qualifies for 77412.",
    ],
    ['DOC-005', expect.stringMatching(/^The coder's decision, by the rule: Monitoring covers/)],
  ])('%s: %s', (ruleId, reason) => {
    expect(holdReason(ruleId)).toEqual(reason);
  });
});
