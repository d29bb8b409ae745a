import { describe, expect, it } from 'vitest';
import { authorizationKey, sameAuthorization } from './authorization-number.js';

describe('authorization numbers: trimmed, case-insensitive', () => {
  // prettier-ignore
  const CASES = [
    ['UA-2026-5', 'UA-2026-5', true], ['ua-2026-5b', 'UA-2026-5B', true], [' UA-7 ', 'ua-7', true],
    ['UA-7', 'UA-8', false], ['UA-7', null, false], [null, null, false], ['', '  ', false],
  ] as [string | null, string | null, boolean][];
  it.each(CASES)('%j vs %j → %s', (a, b, same) => {
    expect(sameAuthorization(a, b)).toBe(same);
    expect(sameAuthorization(b, a)).toBe(same);
  });
  it('keys a number as the payer echoes it', () => expect(authorizationKey(' ua-7b ')).toBe('UA-7B'));
});
