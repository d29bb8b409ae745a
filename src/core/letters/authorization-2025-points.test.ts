import { describe, expect, it } from 'vitest';
import { letterInput } from '../../../test/support/letter-input.js';
import { assembleLetter } from './assemble-letter.js';

/*
 * The 2025-authorization appeal gives the decisive facts of the authorization: its number, dates, codes
 * and fraction count. ASTRO's "77385, 77386 and the delivery G-codes were deleted" bears on the denial
 * only when the 2025 authorization named a deleted code; an authorization that already names 77412 or
 * 77407 (codes revised in 2026, not introduced) is not argued by it.
 */
const REPLACED = /77385, 77386 and the delivery G-codes were deleted/;

describe('2025-authorization appeal: the authorization, and the code change only where it bears', () => {
  it.each<[string, string[], boolean]>([
    ['the authorization names 77412 (revised, not deleted)', ['77412'], false],
    ['the authorization names 77386', ['77386', 'G6002'], true],
    ['the authorization names a delivery G-code', ['G6011'], true],
  ])('%s', (_, codes, replaced) => {
    const draft = assembleLetter(
      letterInput('appeal-authorization-2025', (c) => (c.authorizations![0]!.codes = codes)),
    );
    expect(draft.body).toMatch(
      new RegExp(
        `delivered under authorization AUTH-2025-1 \\(obtained 2025-12-10, valid 2025-12-15 to 2026-03-31, codes ${codes.join(', ')}; 15 fractions\\)`,
      ),
    );
    if (replaced) expect(draft.body).toMatch(REPLACED);
    else expect(draft.body).not.toMatch(REPLACED);
  });
});
