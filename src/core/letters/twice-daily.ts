import type { Course } from '../model/course.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { clockFor } from '../time/local-clock.js';
import type { LetterWarning } from './letter-types.js';

/**
 * A frequency or units denial (CO-151) of a date with two treatment sessions is argued by the sessions
 * themselves. domain.md §2: "A second session the same day is billable only when it is a distinct
 * session with a real break (payers commonly expect ~6 hours) and is documented as necessary; report 2
 * units or a second line with modifier 76 as the payer requires" [C: CMS Program Memorandum A-03-020 as
 * summarized by AAPC/SuperCoder]; the seed says nothing of twice-daily treatment. The break and the
 * reporting shape are the payer profile's (`breakHours`, `twiceDaily`: the practice's data for the
 * payer), so a letter states the break as the record's arithmetic ("a break of at least 6 hours"),
 * attributed to no rule (the sheet, for the practice, names the profile);
 * the times are the record's; the clinical reason is the physician's own sentence, quoted, or absent.
 */
export interface TreatmentSession {
  fraction: number;
  /** First beam-on and last beam-off, as epoch ms. */
  start: number;
  end: number;
}

/** The sessions (fractions with beams) delivered on a date, in the order they were treated. */
export function sessionsOn(course: Course, date: string): TreatmentSession[] {
  const clock = clockFor(course.facility.timeZone);
  return course.fractions
    .filter((f) => f.date === date && f.beams.length)
    .map((f) => ({
      fraction: f.number,
      start: Math.min(...f.beams.map((b) => clock.epochMs(b.beamOn))),
      end: Math.max(...f.beams.map((b) => clock.epochMs(b.beamOff))),
    }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .sort((a, b) => a.start - b.start);
}

/** A sentence of the course's necessity statement that gives the reason for two sessions a day. */
const TWICE_DAILY_WORDS =
  /twice[- ]daily|\bb\.?i\.?d\b|hyperfraction|two (?:treatment )?(?:sessions|fractions) (?:a|per) day/i;

export function twiceDailyReason(course: Course): string | null {
  const sentences = course.necessity?.text.split(/(?<=[.!?])\s+/) ?? [];
  return sentences.find((s) => TWICE_DAILY_WORDS.test(s))?.trim() ?? null;
}

const hhmm = (course: Course, epochMs: number) =>
  clockFor(course.facility.timeZone).format(epochMs).replace(/^\S+ /, '');

function duration(ms: number): string {
  // Whole minutes, rounded down: a break is never stated longer than the record shows.
  const minutes = Math.floor(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The break between the last two sessions of the date met the payer's, as its profile records it. */
export function breakMet(sessions: readonly TreatmentSession[], profile: PayerProfile): boolean {
  const gaps = sessions.slice(1).map((s, i) => s.start - sessions[i]!.end);
  return gaps.every((g) => g >= profile.breakHours * 3_600_000);
}

/**
 * The points a letter or sheet makes of a date with several sessions: their times, the break between
 * them (stated as distinct only when each break reaches the profile's hours), the physician's reason
 * when the necessity statement gives it. `forSheet` adds how the payer takes the second session.
 */
export function twiceDailyPoints(
  course: Course,
  date: string,
  carcs: string,
  profile: PayerProfile,
  payerName: string,
  forSheet: boolean,
): string[] {
  const sessions = sessionsOn(course, date);
  if (sessions.length < 2) return [];
  const listed = sessions
    .map((s) => `fraction ${s.fraction}, beam-on ${hhmm(course, s.start)} to beam-off ${hhmm(course, s.end)}`)
    .join('; ');
  const gaps = sessions.slice(1).map((s, i) => duration(s.start - sessions[i]!.end));
  const reason = twiceDailyReason(course);
  return [
    `The line was denied as a frequency or units problem (${carcs}). On ${date} the patient was treated in ${sessions.length} sessions (${listed}).`,
    ...(breakMet(sessions, profile)
      ? [
          `They were distinct sessions: ${gaps.length === 1 ? `the second began ${gaps[0]} after the first one's last beam-off` : `the breaks between them were ${gaps.join(' and ')}`}, a break of at least ${profile.breakHours} hours${forSheet ? ` (the break the practice's profile of ${payerName} records)` : ''}.`,
        ]
      : []),
    ...(reason ? [`The treating physician's reason for treating twice daily: "${reason}"`] : []),
    ...(forSheet
      ? [
          `${payerName} takes a second session ${profile.twiceDaily === 'units' ? 'as 2 units on one line' : 'as a second line with modifier 76'} (the practice's profile of the payer): check the line was billed so${reason ? '.' : ", and have the physician's reason for treating twice daily ready."}`,
        ]
      : []),
  ];
}

/** What to check before a letter argues a twice-daily date: a short break, no reason stated. */
export function twiceDailyWarnings(course: Course, date: string, profile: PayerProfile): LetterWarning[] {
  const sessions = sessionsOn(course, date);
  if (sessions.length < 2) return [];
  return [
    ...(breakMet(sessions, profile)
      ? []
      : [
          {
            code: 'TWICE-DAILY-BREAK',
            message: `The sessions of ${date} were less than ${profile.breakHours} hours apart (the break the payer's profile records): the letter does not call them distinct; check the treatment record before sending.`,
          },
        ]),
    ...(twiceDailyReason(course)
      ? []
      : [
          {
            code: 'TWICE-DAILY-REASON',
            message:
              "The necessity statement gives no clinical reason for treating twice daily: add the physician's reason (e.g. a hyperfractionated regimen) to the statement before sending.",
          },
        ]),
  ];
}
