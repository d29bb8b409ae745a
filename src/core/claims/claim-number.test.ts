import { describe, expect, it } from 'vitest';
import { claimNumber, MAX_CLAIM_NUMBER_LENGTH } from './claim-number.js';

describe('claimNumber', () => {
  it.each([
    ['C-5001', 17, 'C-5001-17'],
    ['C-5001', 1, 'C-5001-1'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 123, 'ABCDEFGHIJKLMNOP-123'],
    ['A234567890123456', 9999, 'A23456789012345-9999'],
  ])('%s #%i → %s', (key, seq, expected) => {
    const n = claimNumber(key, seq);
    expect(n).toBe(expected);
    expect(n.length).toBeLessThanOrEqual(MAX_CLAIM_NUMBER_LENGTH);
  });
});
