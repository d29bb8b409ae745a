import { describe, expect, it } from 'vitest';
import { type CourseInput, fractionInput, fx, GOOD_NECESSITY } from '../../../test/support/course-builder.js';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { assembleLetter } from './assemble-letter.js';
import type { LetterType } from './letter-types.js';

/*
 * A CO-151 (frequency) denial of a date with two sessions (domain.md §2: a second session the same day
 * is billable when it is a distinct session with a real break, "payers commonly expect ~6 hours", and is
 * documented as necessary). The letter gives both sessions' times, the break, and the physician's reason
 * for treating twice daily when the necessity statement gives it. Synthetic course: fraction 2 on
 * 2026-03-03 beams 08:15:00–08:19:30, fraction 3 the same afternoon.
 */
const BID_REASON =
  'Treated twice daily, 1.5 Gy per fraction, as the hyperfractionated regimen for limited-stage small cell carcinoma.';
const twiceOn = (afternoon: string, reason: boolean) => (c: CourseInput) => {
  c.fractions = [fx(c, 1), fx(c, 2), fractionInput({ number: 3, date: '2026-03-03', beamOnTime: afternoon })];
  if (reason) c.necessity!.text = `${GOOD_NECESSITY} ${BID_REASON}`;
};
const co151 = letterClaim({ carcs: ['CO-151'], paidCents: 0, category: 'frequency-denial' });
const SESSIONS =
  /On 2026-03-03 the patient was treated in 2 sessions \(fraction 2, beam-on 08:15 EST to beam-off 08:19 EST; fraction 3, beam-on 14:40 EST to beam-off 14:44 EST\)\./;

describe('CO-151 on a twice-daily date', () => {
  it.each<[string, LetterType, string, string, boolean, RegExp[], RegExp[], string[]]>([
    [
      'Medicare redetermination, 6 h 20 min apart, reason stated',
      'redetermination',
      'medicare',
      '14:40:00',
      true,
      [
        SESSIONS,
        /They were distinct sessions: the second began 6 h 20 min after the first one's last beam-off, a break of at least 6 hours\./,
        /The treating physician's reason for treating twice daily: "Treated twice daily, 1\.5 Gy per fraction, as the hyperfractionated regimen/,
      ],
      [/one treatment session|modifier 76|2 units|CMS|A-03-020/],
      [],
    ],
    [
      'Medicare redetermination, 3 h apart: no "distinct", a warning',
      'redetermination',
      'medicare',
      '11:20:00',
      true,
      [/treated in 2 sessions .*fraction 3, beam-on 11:20 EST/],
      [/distinct sessions/],
      ['TWICE-DAILY-BREAK'],
    ],
    [
      'Medicare redetermination, no reason in the necessity statement: a warning',
      'redetermination',
      'medicare',
      '14:40:00',
      false,
      [SESSIONS, /They were distinct sessions/],
      [/reason for treating twice daily/],
      ['TWICE-DAILY-REASON'],
    ],
    [
      "a commercial plan's peer-to-peer sheet: the same, and how the payer takes a second session",
      'peer-to-peer',
      'uhc',
      '14:40:00',
      true,
      [
        SESSIONS,
        /They were distinct sessions: the second began 6 h 20 min after the first one's last beam-off, a break of at least 6 hours \(the break the practice's profile of Synthetic Health Plan records\)\./,
        /reason for treating twice daily: "Treated twice daily/,
        /Synthetic Health Plan takes a second session as a second line with modifier 76 \(the practice's profile of the payer\): check the line was billed so\./,
      ],
      [/one treatment session|global application of fraction limits/],
      [],
    ],
  ])('%s', (_, type, profile, afternoon, reason, says, never, warnings) => {
    const draft = assembleLetter({ ...letterInput(type, twiceOn(afternoon, reason), profile), claim: co151 });
    expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
    for (const s of says) expect(draft.body).toMatch(s);
    for (const s of never) expect(draft.body).not.toMatch(s);
    expect(draft.warnings.map((w) => w.code).filter((c) => c.startsWith('TWICE-DAILY'))).toEqual(warnings);
  });
});
