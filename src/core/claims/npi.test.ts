import { describe, expect, it } from 'vitest';
import { isValidNpi } from './npi.js';

describe('isValidNpi', () => {
  it.each([
    ['1234567893', true], // the CMS example
    ['1234567890', false],
    ['1999999984', true],
    ['123456789', false],
    ['12345678AB', false],
  ])('%s → %s', (npi, ok) => expect(isValidNpi(npi)).toBe(ok));
});
