import { describe, expect, it } from 'vitest';
import { deadlineNote, deadlineWords } from './deadline-note.js';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const PAST = '2026-03-02T12:00:00Z';
const SOON = '2026-03-20T15:00:00Z';

describe('deadlineNote: a signature deadline is shown only while a signature is owed', () => {
  it.each([
    ['a ready fraction, every record signed', PAST, [], null],
    ['a hold for the necessity statement only', PAST, ['DOC-002'], null],
    ['a hold for the order only, deadline ahead', SOON, ['DOC-001'], null],
    [
      'an unsigned SGRT record before its deadline',
      SOON,
      ['DOC-008'],
      { text: 'in 3 hours', overdue: false },
    ],
    [
      'an unsigned IGRT review past its deadline',
      PAST,
      ['DOC-009', 'DOC-002'],
      { text: 'passed 18 days ago', overdue: true },
    ],
    ['no deadline known', null, ['DOC-008'], null],
  ] as const)('%s', (_what, deadline, reasons, expected) => {
    expect(deadlineNote(deadline, reasons, NOW)).toEqual(expected);
  });
});

describe('deadlineWords: one wording of a signature deadline for Today and /signatures', () => {
  it.each([
    ['ahead', SOON, { text: 'in 3 hours', overdue: false }],
    ['passed', PAST, { text: 'passed 18 days ago', overdue: true }],
    ['unknown: no next beam-on', null, { text: 'next beam-on not scheduled', overdue: false }],
  ] as const)('%s', (_what, deadline, expected) => {
    expect(deadlineWords(deadline, NOW)).toEqual(expected);
  });
});
