import { describe, expect, it } from 'vitest';
import { parseDtm } from './hl7-datetime.js';

describe('parseDtm', () => {
  it.each([
    ['2026', { date: null, localDateTime: null, utcOffset: null, precision: 'year' }],
    ['202603', { date: null, localDateTime: null, utcOffset: null, precision: 'month' }],
    ['20260305', { date: '2026-03-05', localDateTime: null, utcOffset: null, precision: 'day' }],
    [
      '2026030510',
      { date: '2026-03-05', localDateTime: '2026-03-05T10:00:00', utcOffset: null, precision: 'hour' },
    ],
    [
      '202603051030',
      { date: '2026-03-05', localDateTime: '2026-03-05T10:30:00', utcOffset: null, precision: 'minute' },
    ],
    [
      '20260305103015.1234-0500',
      {
        date: '2026-03-05',
        localDateTime: '2026-03-05T10:30:15.1234',
        utcOffset: '-05:00',
        precision: 'second',
      },
    ],
    [
      '20261101013000+0000',
      { date: '2026-11-01', localDateTime: '2026-11-01T01:30:00', utcOffset: '+00:00', precision: 'second' },
    ],
    ['20260305-0500', { date: '2026-03-05', localDateTime: null, utcOffset: '-05:00', precision: 'day' }],
    ['20240229', { date: '2024-02-29', localDateTime: null, utcOffset: null, precision: 'day' }],
    ['20000229', { date: '2000-02-29', localDateTime: null, utcOffset: null, precision: 'day' }],
  ])('%s', (text, value) => {
    expect(parseDtm(text)).toEqual({ ok: true, value });
  });

  it.each([
    '',
    '26',
    '2026-03-05',
    '20260230',
    '21000229',
    '20261301',
    '20260305246000',
    '20260305106000',
    '20260305103060',
    '20260305103000.',
    '20260305103000.12345',
    '20260305103000-05',
    '20260305103000+1500',
    '20260305T103000',
    'Testpatient',
  ])('refuses %j', (text) => {
    expect(parseDtm(text).ok).toBe(false);
  });
});
