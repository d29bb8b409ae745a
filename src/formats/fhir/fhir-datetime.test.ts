import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseFhirDateTime } from './fhir-datetime.js';

describe('parseFhirDateTime', () => {
  it.each([
    ['2026', 'year', null, null, null],
    ['2026-03', 'month', null, null, null],
    ['2026-03-05', 'day', '2026-03-05', null, null],
    ['2026-03-05T10:30:00-05:00', 'second', '2026-03-05', '2026-03-05T10:30:00', '-05:00'],
    ['2026-03-05T15:30:00Z', 'second', '2026-03-05', '2026-03-05T15:30:00', '+00:00'],
    ['2026-03-05T10:30:00.123456789+14:00', 'second', '2026-03-05', '2026-03-05T10:30:00.123456', '+14:00'],
    ['2026-03-05T10:30:00', 'second', '2026-03-05', '2026-03-05T10:30:00', null],
    ['2024-02-29', 'day', '2024-02-29', null, null],
  ])('%s', (text, precision, date, localDateTime, utcOffset) => {
    const t = parseFhirDateTime(text);
    expect(t).toMatchObject({ text, precision, date, localDateTime, utcOffset });
    expect(t!.instant).toBe(localDateTime && utcOffset ? `${localDateTime}${utcOffset}` : null);
    // An instant is what the course model's `instant` accepts.
    if (t!.instant) expect(z.iso.datetime({ offset: true }).safeParse(t!.instant).success).toBe(true);
  });

  it.each([
    '',
    '26',
    '0000',
    '2026-3-5',
    '2026-02-29',
    '2026-13-01',
    '2026-03-05T10:30',
    '2026-03-05T24:00:00Z',
    '2026-03-05T10:60:00Z',
    '2026-03-05T10:30:60Z',
    '2026-03-05T10:30:00+15:00',
    '2026-03-05T10:30:00+14:30',
    '2026-03-05T10:30:00-05',
    '2026-03-05Z',
    '2026-03-05 10:30:00-05:00',
    '20260305',
    'Testpatient, Synthia',
  ])('refuses %j', (text) => {
    expect(parseFhirDateTime(text)).toBeNull();
  });
});
