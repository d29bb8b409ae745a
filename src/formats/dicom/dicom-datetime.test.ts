import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDicomDate, parseDicomTime, parseUtcOffset } from './dicom-datetime.js';

const value = (r: ReturnType<typeof parseDicomDate>) => (r.ok ? r.value : null);
const legacy = (r: ReturnType<typeof parseDicomDate>) => r.ok && r.legacy;

describe('parseDicomDate (DA)', () => {
  it.each([
    ['20260302', '2026-03-02'],
    ['20260302 ', '2026-03-02'], // trailing pad space
    ['20260302\0', '2026-03-02'],
    ['20240229', '2024-02-29'], // leap year
    ['20000229', '2000-02-29'], // divisible by 400
    ['20261231', '2026-12-31'],
    ['2026.03.02', '2026-03-02'], // ACR-NEMA, legacy
  ])('%j → %s', (raw, expected) => {
    expect(value(parseDicomDate(raw))).toBe(expected);
  });

  it.each([
    '',
    '2026030',
    '202603021',
    '2026-03-02',
    '20260231', // no 31 February
    '20250229', // not a leap year
    '19000229', // divisible by 100, not 400
    '20261301',
    '20260001',
    '20260300',
    '00000101',
    ' 20260302', // leading space is not DA padding
    '2026030x',
  ])('%j is refused with the expected form', (raw) => {
    const r = parseDicomDate(raw);
    expect(r).toEqual({ ok: false, expected: 'a date YYYYMMDD (DA)' });
  });

  it('flags the ACR-NEMA form as legacy', () => {
    expect(legacy(parseDicomDate('2026.03.02'))).toBe(true);
    expect(legacy(parseDicomDate('20260302'))).toBe(false);
  });
});

describe('parseDicomTime (TM)', () => {
  it.each([
    ['081640.000', '08:16:40.000'],
    ['081640', '08:16:40'],
    ['0816', '08:16:00'],
    ['08', '08:00:00'],
    ['081640.5', '08:16:40.500'],
    ['081640.55', '08:16:40.550'],
    ['081815.556', '08:18:15.556'],
    ['081640.123456', '08:16:40.123'], // microseconds dropped, not rounded
    ['235959.999999', '23:59:59.999'], // never rolls over to the next day
    ['081640.000 ', '08:16:40.000'], // trailing pad space
    ['081640  ', '08:16:40'],
    ['000000', '00:00:00'],
    ['08:16:40.000', '08:16:40.000'], // ACR-NEMA, legacy
    ['08:16', '08:16:00'],
  ])('%j → %s', (raw, expected) => {
    expect(value(parseDicomTime(raw))).toBe(expected);
  });

  it.each([
    '',
    '8',
    '081',
    '08164',
    '081640.',
    '081640.1234567',
    '240000',
    '086000',
    '081660', // leap second: not a wall-clock reading
    '08:16:40:00',
    '0816:40',
    '-81640',
    ' 081640',
    '08h16',
  ])('%j is refused with the expected form', (raw) => {
    expect(parseDicomTime(raw)).toEqual({
      ok: false,
      expected: 'a time HHMMSS.FFFFFF, HHMMSS, HHMM or HH (TM)',
    });
  });

  it('gives a zero-padded reading that sorts as the time it stands for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 86_399_999 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (a, b) => {
          const tm = (ms: number) => {
            const p = (n: number, w = 2) => String(n).padStart(w, '0');
            return `${p(Math.floor(ms / 3_600_000))}${p(Math.floor(ms / 60_000) % 60)}${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
          };
          const x = value(parseDicomTime(tm(a)))!;
          const y = value(parseDicomTime(tm(b)))!;
          expect(x).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3}$/);
          expect(Math.sign(a - b)).toBe(x < y ? -1 : x > y ? 1 : 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseUtcOffset ((0008,0201))', () => {
  it.each([
    ['-0500', '-05:00'],
    ['+0100', '+01:00'],
    ['+0530', '+05:30'],
    ['+0000', '+00:00'],
    ['-1200', '-12:00'],
    ['+1400', '+14:00'],
    ['-0500 ', '-05:00'],
  ])('%j → %s', (raw, expected) => {
    expect(value(parseUtcOffset(raw))).toBe(expected);
  });

  it.each(['', '0500', '-05:00', '-5', 'EST', '+1500', '-1300', '+0560', '--0500'])(
    '%j is refused',
    (raw) => {
      expect(parseUtcOffset(raw).ok).toBe(false);
    },
  );
});
