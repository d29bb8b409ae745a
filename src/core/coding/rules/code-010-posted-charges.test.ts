import { describe, expect, it } from 'vitest';
import { CODE_010, postedChargeFindings } from './code-010-posted-charges.js';

describe(`${CODE_010.id} ${CODE_010.title}`, () => {
  it.each([
    // name, posted, selected delivery, IGRT line selected, expected messages (fragments)
    ['matching delivery and IGRT', ['77412', '77387'], '77412', true, []],
    [
      '77412 posted, 77407 supported',
      ['77412', '77387'],
      '77407',
      true,
      ['posted 77412; the session supports 77407'],
    ],
    ['77387 posted without a review', ['77407', '77387'], '77407', false, ['posted 77387']],
    ['delivery code posted on an SBRT session', ['77407'], '77373', false, ['supports 77373']],
    ['deleted codes are left to CODE-009', ['77386', '77014'], '77407', false, []],
    ['other families are not judged', ['77373', '77300'], '77373', false, []],
    ['a code posted twice is reported once', ['77412', '77412'], '77407', false, ['posted 77412']],
    ['nothing posted', [], '77412', true, []],
  ] as [string, string[], string | null, boolean, string[]][])(
    '%s',
    (_name, posted, delivery, igrt, expected) => {
      const findings = postedChargeFindings(posted, 'fraction 1', { delivery, igrt });
      expect(findings).toHaveLength(expected.length);
      expected.forEach((fragment, i) => {
        expect(findings[i]).toMatchObject({ ruleId: 'CODE-010', severity: 'warning', subject: 'fraction 1' });
        expect(findings[i]!.message).toContain(fragment);
      });
    },
  );
});
