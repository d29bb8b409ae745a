import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../../test/support/course-builder.js';
import { letterRefusal, lineLetterRefusal, type RefusalLine } from './letter-refusal.js';
import type { LetterType } from './letter-types.js';

describe('letterRefusal: a prior-authorization request only to a payer that has one, for treatment to come', () => {
  const inProgress = buildCourse({ profile: 'evicore' });
  const finished = buildCourse({
    profile: 'evicore',
    edit: (c) => (c.plan.fractionsPlanned = c.fractions.length),
  });
  it.each<[string, LetterType, boolean, boolean, RegExp | null]>([
    ['a commercial plan, course in progress', 'prior-authorization', false, false, null],
    [
      'traditional Medicare',
      'prior-authorization',
      true,
      false,
      /traditional Medicare has no prior authorization for radiation therapy/,
    ],
    ['a finished course', 'prior-authorization', false, true, /is finished \(5 of 5 fractions delivered\)/],
    ['an appeal to traditional Medicare', 'appeal-downcode', true, true, null],
    ['a peer-to-peer sheet of a finished course', 'peer-to-peer', false, true, null],
    // A retro-authorization asks for treatment already delivered: a finished course is its case.
    ['a retro-authorization for a finished course', 'retro-authorization', false, true, null],
    [
      'a peer-to-peer sheet for traditional Medicare',
      'peer-to-peer',
      true,
      false,
      /hold no peer-to-peer review \(its first level of appeal is the redetermination, 42 CFR 405\.940\)$/,
    ],
  ])('%s', (_, type, medicare, done, refused) => {
    const result = letterRefusal(type, done ? finished : inProgress, medicare);
    if (refused) expect(result).toMatch(refused);
    else expect(result).toBeNull();
  });
});

// Seed: 77402–77412 "not to be used for proton therapy, stereotactic, or brachytherapy".
describe('letterRefusal: no 77412 downcode appeal for a course billed with codes of its own', () => {
  it.each<[string, 'SBRT' | 'SRS' | '3D', 'photon' | 'proton', RegExp | null]>([
    ['SBRT', 'SBRT', 'photon', /SBRT \(stereotactic codes\).*does not apply/],
    ['linac SRS', 'SRS', 'photon', /SRS \(stereotactic codes\)/],
    ['protons', '3D', 'proton', /proton delivery/],
    ['3D photons', '3D', 'photon', null],
  ])('%s', (_name, technique, modality, refused) => {
    const course = buildCourse({
      edit: (c) => {
        c.plan.technique = technique;
        c.plan.modality = modality;
      },
    });
    const result = letterRefusal('appeal-downcode', course, false);
    if (refused) expect(result).toMatch(refused);
    else expect(result).toBeNull();
  });
});

// One answer for the list, a batch and a single draft: a line whose next action is a new or corrected
// claim has no letter (CMS IOM 100-04 ch. 1 §80.3; 837 CLM05-3 7), nor one the letter itself refuses.
describe('lineLetterRefusal: whether a remittance line can have its letter', () => {
  const course = buildCourse({
    profile: 'evicore',
    edit: (c) => {
      c.authorizations = [
        {
          number: 'PPO-26-000123',
          codes: ['77412'],
          fractionsAuthorized: 15,
          validFrom: '2026-03-01',
          validTo: '2026-06-30',
          obtainedOn: '2026-02-20',
          status: 'approved',
        },
      ];
    },
  });
  const line: RefusalLine = {
    category: 'authorization-denial',
    queue: 'appeal',
    carcs: ['CO-197'],
    remarks: [],
    claimFilingIndicator: 'CI',
    dateOfService: '2026-03-02',
    nextAction: 'An authorization is on file: send it to the payer for reprocessing.',
    code: '77412',
    modifiers: [],
    payerProfile: 'evicore',
  };
  /** A commercial PPO's (CLP06 12) CO-4 denial of 77387-26. */
  const modifierDenied: Partial<RefusalLine> = {
    category: 'igrt-professional-denied',
    queue: 'appeal',
    carcs: ['CO-4'],
    code: '77387',
    modifiers: ['26'],
    claimFilingIndicator: '12',
    nextAction: null,
  };
  it.each<[string, LetterType, Partial<RefusalLine>, boolean, RegExp | null]>([
    [
      'CO-197 with an authorization on file covering the date',
      'prior-authorization',
      {},
      false,
      /authorization PPO-26-000123 .* on file covers 2026-03-02: .* reprocess/,
    ],
    [
      'CO-197 with no authorization covering the date',
      'prior-authorization',
      { dateOfService: '2026-02-27', queue: 'retro-authorization' },
      false,
      null,
    ],
    [
      'traditional Medicare CO-197',
      'prior-authorization',
      { claimFilingIndicator: 'MB', queue: 'corrected-claim', dateOfService: '2026-02-27' },
      true,
      /traditional Medicare has no prior authorization/,
    ],
    [
      // Asked for a peer-to-peer sheet, the refusal names the line's letter, the redetermination request.
      'traditional Medicare CO-151 asked for a peer-to-peer sheet',
      'peer-to-peer',
      {
        category: 'frequency-denial',
        carcs: ['CO-151'],
        claimFilingIndicator: 'MB',
        queue: 'appeal',
        nextAction: 'Request a redetermination with the twice-daily documentation.',
      },
      true,
      /^traditional Medicare contractors hold no peer-to-peer review \(.*\): draft the redetermination request \(with the elements 42 CFR 405\.944\(b\) requires, within 120 days of receipt of the notice, 42 CFR 405\.942\) to the Medicare Administrative Contractor, ask it for a reopening when the denial rests on a clerical error \(42 CFR 405\.980\), or send a corrected claim when the claim was wrong\. The remittance analysis's next action: Request a redetermination with the twice-daily documentation\.$/,
    ],
    [
      'traditional Medicare CO-197 MA01: no request, and the route named',
      'prior-authorization',
      { claimFilingIndicator: 'MB', remarks: ['MA01'], dateOfService: '2026-02-27', nextAction: null },
      true,
      /^traditional Medicare has no prior authorization .*\): draft the redetermination request .*elements 42 CFR 405\.944\(b\) requires.*42 CFR 405\.980.*corrected claim when the claim was wrong$/,
    ],
    [
      'a retro-authorization while an authorization on file covers the date: reprocess instead',
      'retro-authorization',
      {},
      false,
      /authorization PPO-26-000123 .* on file covers 2026-03-02: a retro-authorization request is the wrong letter; .* reprocess/,
    ],
    [
      'a retro-authorization for a date no authorization covers, commercial plan',
      'retro-authorization',
      { dateOfService: '2026-02-27', queue: 'retro-authorization' },
      false,
      null,
    ],
    [
      // CMS, "Prior Authorization and Pre-Claim Review Initiatives": no radiation therapy on the lists.
      'a retro-authorization to traditional Medicare',
      'retro-authorization',
      { claimFilingIndicator: 'MB', queue: 'corrected-claim', dateOfService: '2026-02-27' },
      true,
      /traditional Medicare has no prior authorization for radiation therapy, so no retro-authorization: .*corrected claim or a reopening/,
    ],
    [
      'a coding denial answered by a corrected claim',
      'peer-to-peer',
      {
        category: 'other-denial',
        queue: 'corrected-claim',
        carcs: ['CO-4'],
        nextAction: 'Correct the modifier and send a corrected claim.',
      },
      false,
      /^a corrected claim answers this line, not a letter: Correct the modifier/,
    ],
    [
      'MA130 on a denial',
      'peer-to-peer',
      { category: 'other-denial', carcs: ['CO-50'], remarks: ['MA130'] },
      false,
      /^a new claim answers this line/,
    ],
    [
      'N517 on a zero payment',
      'appeal-zero-payment',
      { category: 'zero-paid-no-denial-code', queue: 'payer-reprocess', carcs: ['CO-45'], remarks: ['N517'] },
      false,
      /^a new claim answers this line/,
    ],
    [
      // ASTRO ("I Got Denied or Downcoded"): "For private payers still denying 77387 due to the modifier,
      // ASTRO suggests resubmitting claims without it".
      'a commercial CO-4 denial of 77387-26',
      'appeal-igrt-denial',
      modifierDenied,
      false,
      /^a corrected claim answers this line, not an appeal: .*CO-4.*send a corrected claim \(frequency code 7\) without modifier 26$/,
    ],
    // UHC requires the modifier (its own edit, argued in the appeal).
    [
      'a UHC CO-4 denial of 77387-26',
      'appeal-igrt-denial',
      { ...modifierDenied, payerProfile: 'uhc' },
      false,
      null,
    ],
    // CLP06 HM does not tell a commercial HMO from a Medicare Advantage plan.
    [
      'an HMO CO-4 denial of 77387-26',
      'appeal-igrt-denial',
      { ...modifierDenied, claimFilingIndicator: 'HM' },
      false,
      null,
    ],
    [
      'a commercial CO-4 denial of 77387 without 26',
      'appeal-igrt-denial',
      { ...modifierDenied, modifiers: [] },
      false,
      null,
    ],
    [
      'a downcode appeal',
      'appeal-downcode',
      { category: 'downcoded', carcs: ['CO-150'], queue: 'appeal' },
      false,
      null,
    ],
    [
      'a medical-necessity denial',
      'peer-to-peer',
      { category: 'other-denial', carcs: ['CO-50'], queue: 'appeal' },
      false,
      null,
    ],
  ])('%s', (_, type, change, medicare, refused) => {
    const result = lineLetterRefusal(type, course, medicare, { ...line, ...change });
    if (refused) expect(result).toMatch(refused);
    else expect(result).toBeNull();
  });
});

/** Approved for `fractions` of 77412 from `validFrom` to `validTo`. */
const approved = (fractions: number, validFrom: string, validTo: string, codes = ['77412']) => ({
  number: 'PPO-26-000777',
  codes,
  fractionsAuthorized: fractions,
  validFrom,
  validTo,
  obtainedOn: '2026-02-25',
  status: 'approved' as const,
});

// An authorization is asked before the treatment it covers (domain.md §6.1): one on file that covers
// every fraction still to be delivered (their count, their scheduled dates and the course's code) leaves
// nothing to ask; the course builder delivers fractions 1-5 on 2026-03-02..06 of 15 planned (77412).
describe('letterRefusal: no prior-authorization request while an authorization on file covers the rest of the course', () => {
  /** The 10 undelivered fractions scheduled 2026-03-09 to 2026-03-20 (weekdays). */
  const schedule = [9, 10, 11, 12, 13, 16, 17, 18, 19, 20].map((d) => ({
    date: `2026-03-${String(d).padStart(2, '0')}`,
    beamOn: `2026-03-${String(d).padStart(2, '0')}T09:00:00`,
  }));
  it.each<[string, ReturnType<typeof approved>[], typeof schedule, RegExp | null]>([
    [
      'all 15 fractions authorized through the last scheduled date',
      [approved(15, '2026-03-01', '2026-04-30')],
      schedule,
      /^authorization PPO-26-000777 \(obtained 2026-02-25, valid 2026-03-01 to 2026-04-30, codes 77412; 15 fractions\) on file covers the 10 fractions still to be delivered \(scheduled 2026-03-09 to 2026-03-20\): no prior-authorization request is needed/,
    ],
    [
      '10 fractions authorized from the first undelivered date: exactly the rest',
      [approved(10, '2026-03-09', '2026-03-31')],
      schedule,
      /on file covers the 10 fractions still to be delivered/,
    ],
    [
      'too few fractions left on it (5 used, 9 left)',
      [approved(14, '2026-03-01', '2026-04-30')],
      schedule,
      null,
    ],
    [
      'its validity ends before the last scheduled date',
      [approved(15, '2026-03-01', '2026-03-19')],
      schedule,
      null,
    ],
    [
      'another code only (77387-26)',
      [approved(15, '2026-03-01', '2026-04-30', ['77387-26'])],
      schedule,
      null,
    ],
    [
      'the undelivered fractions have no scheduled dates',
      [approved(15, '2026-03-01', '2026-04-30')],
      [],
      null,
    ],
    [
      'only some of them are scheduled',
      [approved(15, '2026-03-01', '2026-04-30')],
      schedule.slice(0, 9),
      null,
    ],
    [
      'a denied authorization',
      [{ ...approved(15, '2026-03-01', '2026-04-30'), status: 'denied' as never }],
      schedule,
      null,
    ],
  ])('%s', (_, authorizations, scheduled, refused) => {
    const course = buildCourse({
      profile: 'evicore',
      edit: (c) => {
        c.authorizations = authorizations;
        c.schedule = scheduled;
      },
    });
    const result = letterRefusal('prior-authorization', course, false);
    if (refused) expect(result).toMatch(refused);
    else expect(result).toBeNull();
  });
});

// An authorization covers a date only for the codes it lists (none listed: any), modifier stripped, as
// for the rest of the course: a 77412 date is not covered by one for 77407 only (domain.md §6.1).
describe('letterRefusal: an authorization on file covers the date only for its codes', () => {
  it.each<[string, string[], RegExp | null]>([
    [
      'it lists the delivery code (77412)',
      ['77412', '77387-26'],
      /PPO-26-000777 .* on file covers 2026-03-02/,
    ],
    ['it lists no codes', [], /on file covers 2026-03-02/],
    ['it lists another delivery code only (77407)', ['77407'], null],
    ['it lists 77387-26 only', ['77387-26'], null],
  ])('%s', (_, codes, refused) => {
    const course = buildCourse({
      profile: 'evicore',
      edit: (c) => (c.authorizations = [approved(15, '2026-03-01', '2026-04-30', codes)]),
    });
    const result = letterRefusal('retro-authorization', course, false, '2026-03-02');
    if (refused) expect(result).toMatch(refused);
    else expect(result).toBeNull();
  });
});
