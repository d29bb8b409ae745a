import { expect, it } from 'vitest';
import { PAYER_004, unknownProfileFinding } from './payer-004-known-profile.js';

it.each([['acme-health'], ['UHC']])('unknown profile %s → warning naming it', (requested) => {
  expect(unknownProfileFinding(requested, 'course c1')).toMatchObject({
    ruleId: PAYER_004.id,
    severity: 'warning',
    subject: 'course c1',
    evidence: { profile: requested },
  });
});
