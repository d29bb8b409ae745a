import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIMITERS } from './claim-types.js';
import { checkWritten837 } from './write-837-usage.js';
import { write837p } from './write-837p.js';
import { exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';

const written = () => {
  const r = write837p(exampleClaimFile('837P'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

/** The written 837P with one change to its segments (by the text of a segment). */
const edit = (change: (segments: string[]) => string[]) =>
  change(written().split('~\n').filter(Boolean))
    .map((s) => `${s}~\n`)
    .join('');
const replace = (from: string, to: string | null) =>
  edit((segs) => segs.flatMap((s) => (s === from ? (to === null ? [] : [to]) : [s])));
const check = (text: string) => checkWritten837(text, '837P', DEFAULT_DELIMITERS);

// 005010X222A1 segment usage and X12 control structures; each case is a located problem.
describe('checkWritten837: the written 837 against the guide', () => {
  it('passes what the writer writes', () => {
    expect(check(written())).toEqual([]);
  });

  it.each([
    ['SE01 not the segment count', replace('SE*35*0001', 'SE*34*0001'), 'SE01 must count'],
    ['GE01 not the set count', replace('GE*1*17', 'GE*2*17'), 'GE01 must count'],
    ['IEA01 not the group count', replace('IEA*1*000000017', 'IEA*3*000000017'), 'IEA01 must count'],
    ['IEA02 not ISA13', replace('IEA*1*000000017', 'IEA*1*000000018'), 'IEA02 must repeat ISA13'],
    [
      'no rendering provider under an organization',
      edit((s) => s.filter((x) => !x.startsWith('NM1*82') && !x.startsWith('PRV*PE'))),
      '2310B rendering provider',
    ],
    ['no HI', edit((s) => s.filter((x) => !x.startsWith('HI*'))), 'needs HI'],
    [
      'no billing provider N4',
      edit((s) => s.filter((x) => !x.startsWith('N4*SPRINGFIELD*IL*627010000'))),
      'Loop 2000A needs N4',
    ],
    [
      'CLM02 not the sum of the lines',
      edit((s) => s.map((x) => x.replace('CLM*P00417-202603*4434.05', 'CLM*P00417-202603*4434.06'))),
      'CLM02 must equal',
    ],
    ['a replacement without REF*F8', edit((s) => s.map((x) => x.replace(':B:1*', ':B:7*'))), 'needs REF*F8'],
    ['a line without its date', edit((s) => s.filter((x) => x !== 'DTP*472*D8*20260303')), 'needs DTP*472'],
    [
      'an NM109 of one character',
      edit((s) => s.map((x) => x.replace('MI*XYZ123456789', 'MI*X'))),
      'NM109 must be 2–80',
    ],
    [
      'a state of three letters',
      edit((s) => s.map((x) => x.replace('N4*SPRINGFIELD*IL*62702', 'N4*SPRINGFIELD*ILL*62702'))),
      'N402 must be 2–2',
    ],
    [
      'HL02 naming no parent',
      edit((s) => s.map((x) => x.replace('HL*2*1*22*0', 'HL*2*5*22*0'))),
      'HL02 must name',
    ],
    [
      'HL04 saying a child follows',
      edit((s) => s.map((x) => x.replace('HL*2*1*22*0', 'HL*2*1*22*1'))),
      'HL04 must say',
    ],
    [
      'SBR02 blank without a 2000C',
      edit((s) => s.map((x) => x.replace('SBR*P*18*', 'SBR*P**'))),
      'SBR02 must be 18',
    ],
  ])('%s', (_name, text, message) => {
    const problems = check(text);
    expect(problems.map((p) => p.message).join(' | ')).toContain(message);
    // Located by segment position, never by value.
    for (const p of problems) expect(p.location).toMatch(/segment \d+ \([A-Z0-9]+\)$/);
    expect(JSON.stringify(problems)).not.toMatch(/TESTPATIENT|XYZ123456789/);
  });
});

describe('checkWritten837 on damaged text', () => {
  it('answers located problems, never throws, on any byte changed, dropped or inserted', () => {
    const text = written();
    fc.assert(
      fc.property(
        fc.nat(text.length - 1),
        fc.constantFrom('drop', 'change', 'insert'),
        fc.string({ minLength: 1, maxLength: 3 }),
        (at, how, chars) => {
          const damaged =
            how === 'drop'
              ? text.slice(0, at) + text.slice(at + 1)
              : how === 'change'
                ? text.slice(0, at) + chars + text.slice(at + 1)
                : text.slice(0, at) + chars + text.slice(at);
          const problems = check(damaged);
          for (const p of problems) expect(p.location).toMatch(/segment \d+ \(([A-Z][A-Z0-9]{1,2}|\?)\)$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
