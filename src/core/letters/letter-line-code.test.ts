/**
 * Letters about a remittance line argue the code the audit billed on its date (the delivered beams), a
 * request asks for the course's own code, and an authorization on file that covers the date is the
 * answer to an authorization denial (no new or retro-authorization). Synthetic data only.
 */
import { describe, expect, it } from 'vitest';
import { type CourseInput, fx } from '../../../test/support/course-builder.js';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { assembleLetter } from './assemble-letter.js';
import { letterRefusal } from './letter-refusal.js';

/** An electron plan whose fraction of 2026-03-03 delivered an electron and a photon beam. */
const mixedOnDate = (c: CourseInput) => {
  c.plan.modality = 'electron';
  c.plan.motionManagement = null;
  c.orders = [];
  c.necessity = null;
  c.fractions.forEach((f) => (f.monitoring = []));
  fx(c, 2).beams[1]!.radiationType = 'ELECTRON';
};

/** A 77407 plan (no motion management) with a 2026 authorization on file for March. */
const plan77407 = (c: CourseInput) => {
  c.plan.motionManagement = null;
  c.orders = [];
  c.fractions.forEach((f) => (f.monitoring = []));
  c.plan.fractionsPlanned = 15;
  c.authorizations = [
    {
      number: 'PPO-26-000123',
      codes: ['77407', '77387-26'],
      fractionsAuthorized: 15,
      validFrom: '2026-03-01',
      validTo: '2026-06-30',
      obtainedOn: '2026-02-20',
      status: 'approved',
    },
  ];
};

describe('an appeal argues the code the audit billed on the date of service', () => {
  it('a zero payment of a mixed electron/photon 77412 is ready and argues the mixed fields', () => {
    const draft = assembleLetter({
      ...letterInput('appeal-zero-payment', mixedOnDate),
      claim: letterClaim({ carcs: ['CO-45'], paidCents: 0, category: 'zero-paid-no-denial-code' }),
    });
    expect(draft.missing).toEqual([]);
    expect(draft.ready).toBe(true);
    expect(draft.cover.rows.find((r) => r.label === 'Delivery level (date of service)')?.value).toBe(
      '77412: mixed electron/photon fields',
    );
    expect(draft.body).not.toMatch(/77402|motion-management record|Medical necessity, in/);
  });
});

describe('a prior-authorization request asks for the codes of the course', () => {
  it('a 77407 course is requested as 77407, ready', () => {
    const draft = assembleLetter(
      letterInput('prior-authorization', (c) => {
        plan77407(c);
        c.authorizations = [];
      }),
    );
    expect(draft.missing).toEqual([]);
    expect(draft.title).toBe('Prior authorization request: radiation treatment delivery, CPT 77407');
    expect(draft.body).toContain(
      'With each fraction, image guidance by the treating physician, CPT 77387-26',
    );
    expect(draft.body).not.toMatch(/77412/);
  });

  it.each<[string, (c: CourseInput) => void, string[]]>([
    [
      'an authorization on file covers the letter date: request only what it does not cover',
      plan77407,
      ['AUTHORIZATION-ON-FILE'],
    ],
    [
      'a 2025 authorization on a 2026 date is no authorization for 2026 codes: the delivered need a retro-authorization',
      (c) => {
        plan77407(c);
        c.authorizations![0]!.obtainedOn = '2025-12-10';
      },
      ['RETRO-AUTHORIZATION-NEEDED'],
    ],
  ])('%s', (_, edit, codes) => {
    const draft = assembleLetter(letterInput('prior-authorization', edit));
    expect(draft.warnings.map((w) => w.code)).toEqual(codes);
  });

  it.each<[string, string | undefined, RegExp | null]>([
    [
      'an authorization on file covers the date: the wrong letter, reprocess quoting it',
      '2026-03-03',
      /authorization PPO-26-000123 \(valid 2026-03-01 to 2026-06-30, codes 77407, 77387-26; 15 fractions\) on file covers 2026-03-03.*reprocess/,
    ],
    ['a date outside it: the request may be drafted', '2026-07-06', null],
    ['no line: the request for the course', undefined, null],
  ])('%s', (_, dateOfService, refusal) => {
    const { course } = letterInput('prior-authorization', (c) => {
      plan77407(c);
      c.plan.fractionsPlanned = 30;
    });
    const why = letterRefusal('prior-authorization', course, false, dateOfService);
    if (refusal) expect(why).toMatch(refusal);
    else expect(why).toBeNull();
  });
});

it('a 2025 authorization covering a 2026 date does not turn a request away (its line has the 2025 appeal)', () => {
  const { course } = letterInput('prior-authorization', (c) => {
    plan77407(c);
    c.plan.fractionsPlanned = 30;
    c.authorizations![0]!.obtainedOn = '2025-12-10';
  });
  expect(letterRefusal('prior-authorization', course, false, '2026-03-03')).toBeNull();
});

describe('peer-to-peer talking points', () => {
  it('an authorization denial with an authorization on file covering the date asks for reprocessing', () => {
    const draft = assembleLetter({
      ...letterInput('peer-to-peer', plan77407),
      claim: letterClaim({
        code: '77407',
        submittedCode: '77407',
        carcs: ['CO-197'],
        paidCents: 0,
        category: 'authorization-denial',
      }),
    });
    expect(draft.body).toMatch(
      /Authorization PPO-26-000123 \(obtained 2026-02-20, valid 2026-03-01 to 2026-06-30, codes 77407, 77387-26; 15 fractions\) covers the date of service 2026-03-03/,
    );
    expect(draft.body).toMatch(/reprocess/);
    expect(draft.body).not.toMatch(/accepts a retro-authorization/);
  });

  it("a course's sheet has the talking points of each denial type on the course's lines", () => {
    const draft = assembleLetter({
      ...letterInput('peer-to-peer'),
      denials: [
        letterClaim({
          code: '77387',
          submittedCode: '77387',
          modifiers: ['26'],
          carcs: ['CO-97'],
          paidCents: 0,
          category: 'igrt-professional-denied',
        }),
        letterClaim({
          carcs: ['CO-16'],
          paidCents: 0,
          category: 'missing-information',
          nextAction: 'Send a replacement claim.',
        }),
      ],
    });
    expect(draft.body).toMatch(/Talking points/);
    expect(draft.body).toMatch(/77387 as a professional code only/);
    expect(draft.body).toMatch(/The correction comes first: Send a replacement claim\./);
    expect(draft.body).toMatch(/CO-97/);
    expect(draft.body).toMatch(/CO-16/);
  });
});
