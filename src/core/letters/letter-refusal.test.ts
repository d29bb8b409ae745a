import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../../test/support/course-builder.js';
import { letterRefusal } from './letter-refusal.js';
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
    [
      'a peer-to-peer sheet for traditional Medicare',
      'peer-to-peer',
      true,
      false,
      /hold no peer-to-peer review: appeal the line by a redetermination.*reopening/,
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
