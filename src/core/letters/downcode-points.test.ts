import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_2026_77412, letterInput } from '../../../test/support/letter-input.js';
import type { CourseInput } from '../model/course.js';
import type { PayerKind } from '../remit/appeal-deadline.js';
import { assembleLetter } from './assemble-letter.js';

/*
 * The downcode appeal argues the point at issue. ASTRO's report of payers reading 77412 as "multiple
 * anatomical sites rather than multiple isocenters for a single site" (a page on early 2026
 * prior-authorization denials) bears only on a course with several isocenters, and never on traditional
 * Medicare, which has no prior authorization for radiation therapy; a single-isocenter 77412 rests on
 * active motion management (CPT 2026), argued by its criteria and the date's record. An authorization on
 * file that approved 77412 for the date is the decisive fact against a downcode: the letter says so.
 */
const MISREADING = /rather than multiple isocenters for a single site/;
const AUTH_2026 = (c: CourseInput) => {
  c.authorizations = [{ ...AUTHORIZATION_2026_77412 }];
};
const isocenters = (n: number) => (c: CourseInput) => {
  c.plan.isocenters = n;
};

const downcode = (payerKind: PayerKind, ...edits: ((c: CourseInput) => void)[]) =>
  assembleLetter({
    ...letterInput('appeal-downcode', (c) => edits.forEach((e) => e(c))),
    appeal: {
      payerClaimNumber: '26071000001',
      payerKind,
      appealBy: '2026-07-10',
      memberId: 'M1',
      enclosures: [],
    },
  });

describe('the downcode appeal argues the point at issue', () => {
  it.each<[string, PayerKind, ((c: CourseInput) => void)[], boolean]>([
    ['single isocenter with motion management: no multiple-sites point', 'other', [isocenters(1)], false],
    ['several isocenters, a commercial plan: the multiple-sites point', 'other', [isocenters(2)], true],
    [
      'several isocenters, traditional Medicare: no prior-authorization page',
      'medicare',
      [isocenters(2)],
      false,
    ],
  ])('%s', (_, kind, edits, misreading) => {
    const draft = downcode(kind, ...edits);
    expect(draft.body).toMatch(/CPT 77412 \(2026\) is reported for any one of/);
    if (misreading) expect(draft.body).toMatch(MISREADING);
    else {
      expect(draft.body).not.toMatch(MISREADING);
      expect(draft.references.map((r) => r.id)).not.toContain('astro-denial-trends-2026');
    }
  });

  it('an authorization on file that approved 77412 for the date is stated: number, codes, dates', () => {
    const draft = downcode('other', AUTH_2026);
    expect(draft.body).toMatch(
      /The payer's authorization EV-26-000001 \(valid 2026-02-20 to 2026-05-31, codes 77412, 77387-26; 16 fractions\) approved 77412 for this date of service \(2026-03-03\)\./,
    );
  });

  it('an authorization on file for 77407 only is not claimed to approve 77412', () => {
    const draft = downcode('other', (c) => {
      AUTH_2026(c);
      c.authorizations![0]!.codes = ['77407'];
    });
    expect(draft.body).not.toMatch(/approved 77412/);
  });
});
