import { describe, expect, it } from 'vitest';
import { readReportDate, readReportDateTime, wallClockSeconds } from './report-dates.js';
import type { DateOrder } from './report-types.js';

describe('readReportDateTime', () => {
  const ok: [string, DateOrder, string][] = [
    // seed, single-page sample (US): month first, 12-hour clock
    ['8/19/2022 8:11:51 AM', 'MDY', '2022-08-19T08:11:51'],
    ['8/19/2022 11:59 AM', 'MDY', '2022-08-19T11:59:00'],
    // seed, multi-page sample: 24-hour clock, read in either order as configured
    ['07/03/2025 10:37:11', 'DMY', '2025-03-07T10:37:11'],
    ['07/03/2025 10:37:11', 'MDY', '2025-07-03T10:37:11'],
    ['07/03/2025 10:38', 'DMY', '2025-03-07T10:38:00'],
    // 12 AM is midnight, 12 PM is noon
    ['3/10/2026 12:05:10 AM', 'MDY', '2026-03-10T00:05:10'],
    ['3/10/2026 12:05:10 PM', 'MDY', '2026-03-10T12:05:10'],
    ['3/10/2026 1:00:02 PM', 'MDY', '2026-03-10T13:00:02'],
    ['3/10/2026 11:59:59 pm', 'MDY', '2026-03-10T23:59:59'],
    ['3/10/2026 9:15:00 p.m.', 'MDY', '2026-03-10T21:15:00'],
    // ICU prints a narrow no-break space before AM/PM; browsers may use a no-break space
    ['3/2/2026 8:14:19\u202fAM', 'MDY', '2026-03-02T08:14:19'],
    ['3/2/2026\u00a08:14:19 AM', 'MDY', '2026-03-02T08:14:19'],
    ['  3/2/2026   8:14:19  AM ', 'MDY', '2026-03-02T08:14:19'],
    // other separators, with the same separator twice
    ['23.03.2026 10:31:07', 'DMY', '2026-03-23T10:31:07'],
    ['23-03-2026 00:00:00', 'DMY', '2026-03-23T00:00:00'],
    ['29/02/2024 23:59:59', 'DMY', '2024-02-29T23:59:59'],
    ['2/29/2000 6:00 AM', 'MDY', '2000-02-29T06:00:00'],
  ];
  it.each(ok)('%s (%s) → %s', (text, order, expected) => {
    expect(readReportDateTime(text, order)).toEqual({ ok: true, value: expected });
  });

  const refused: [string, DateOrder, string][] = [
    ['23/03/2026 10:31:07', 'MDY', 'month 23 under MDY'],
    ['3/23/2026 10:31:07', 'DMY', 'month 23 under DMY'],
    ['2/29/2026 8:00 AM', 'MDY', '29 February of a common year'],
    ['2/29/1900 8:00 AM', 'MDY', '1900 is not a leap year'],
    ['31/04/2026 10:00', 'DMY', '31 April'],
    ['0/10/2026 10:00', 'MDY', 'month 0'],
    ['3/10/2026 13:00:00 PM', 'MDY', '13 PM'],
    ['3/10/2026 0:30:00 AM', 'MDY', '0 AM'],
    ['3/10/2026 24:00:00', 'MDY', 'hour 24'],
    ['3/10/2026 10:60:00', 'MDY', 'minute 60'],
    ['3/10/2026 10:59:60', 'MDY', 'second 60'],
    ['3/10/26 10:00:00', 'MDY', 'two-digit year'],
    ['3/10-2026 10:00:00', 'MDY', 'mixed separators'],
    ['2026-03-10 10:00:00', 'MDY', 'ISO order is not a report format'],
    ['3/10/2026', 'MDY', 'no time'],
    ['', 'MDY', 'empty'],
    ['3/10/2026 10:00:00 XM', 'MDY', 'not AM/PM'],
  ];
  it.each(refused)('%s (%s) is refused: %s', (text, order) => {
    const result = readReportDateTime(text, order);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.expected).toContain(`dateOrder '${order}'`);
      expect(result.expected).not.toContain(text.trim() || '\u0000');
    }
  });

  it('tells how to change the configured order', () => {
    const result = readReportDateTime('23/03/2026 10:31:07', 'MDY');
    expect(result).toEqual({ ok: false, expected: expect.stringMatching(/set dateOrder to 'DMY'/) });
  });
});

describe('readReportDate', () => {
  it.each([
    ['11/9/1980', 'MDY', '1980-11-09'],
    ['11/9/1980', 'DMY', '1980-09-11'],
    ['2/29/1964', 'MDY', '1964-02-29'],
    ['05.11.1958', 'DMY', '1958-11-05'],
  ] as [string, DateOrder, string][])('%s (%s) → %s', (text, order, expected) => {
    expect(readReportDate(text, order)).toEqual({ ok: true, value: expected });
  });
  it.each(['13/13/1980', '2/30/1980', '1980-11-09', '11/9/80', 'unknown'])('%s is refused', (text) => {
    expect(readReportDate(text, 'MDY').ok).toBe(false);
  });
});

describe('wallClockSeconds', () => {
  it('counts wall-clock seconds, across midnight and month ends, whatever the process zone', () => {
    expect(wallClockSeconds('2026-03-02T08:14:19', '2026-03-02T08:20:38')).toBe(379);
    expect(wallClockSeconds('2026-02-28T23:59:30', '2026-03-01T00:00:10')).toBe(40);
    // 2026-03-08 is the US spring-forward day: wall-clock arithmetic ignores it (one hour, not zero).
    expect(wallClockSeconds('2026-03-08T01:30:00', '2026-03-08T02:30:00')).toBe(3600);
    expect(wallClockSeconds('2026-03-02T08:20:38', '2026-03-02T08:14:19')).toBe(-379);
  });
});
