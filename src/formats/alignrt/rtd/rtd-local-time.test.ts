import { describe, expect, it } from 'vitest';
import { formatLocal, localAfter, parseCompactStamp, parseNamedStamp } from './rtd-local-time.js';

const local = (ms: number | null) => (ms === null ? null : formatLocal(ms));

describe('parseCompactStamp (Start Time / End Time, yymmdd_HHMMSS)', () => {
  it.each([
    ['260302_081530', '2026-03-02T08:15:30'],
    [' 260302_081530 ', '2026-03-02T08:15:30'],
    ['280229_235959', '2028-02-29T23:59:59'],
    ['000101_000000', '2000-01-01T00:00:00'],
    // The hour clocks skip in the US (2026-03-08 02:30): still a wall-clock reading, resolved by the audit.
    ['260308_023000', '2026-03-08T02:30:00'],
    ['260229_120000', null],
    ['261301_120000', null],
    ['260300_120000', null],
    ['260302_240000', null],
    ['260302_086000', null],
    ['260302-081530', null],
    ['20260302_081530', null],
    ['26030a_081530', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(local(parseCompactStamp(text))).toBe(expected);
  });
});

describe('parseNamedStamp (First / Last XRayOn Time)', () => {
  it.each([
    ['30-December-99 00:00:00.000', { kind: 'null-value' }],
    ['30-December-1899 00:00:00', { kind: 'null-value' }],
    ['02-March-26 08:16:10.389', { kind: 'time', at: '2026-03-02T08:16:10.389' }],
    ['2-march-2026 8:16:10', { kind: 'time', at: '2026-03-02T08:16:10' }],
    ['30-December-99 08:00:00.000', { kind: 'time', at: '2099-12-30T08:00:00' }],
    ['31-February-26 08:00:00', { kind: 'unreadable' }],
    ['02-Mars-26 08:16:10', { kind: 'unreadable' }],
    ['Not set', { kind: 'unreadable' }],
  ])('%j', (text, expected) => {
    const r = parseNamedStamp(text);
    expect(r.kind === 'time' ? { kind: 'time', at: formatLocal(r.ms) } : r).toEqual(expected);
  });
});

describe('localAfter', () => {
  const start = parseCompactStamp('260302_235959')!;
  it.each([
    [0, '2026-03-02T23:59:59'],
    [0.4, '2026-03-02T23:59:59.400'],
    [1.0004, '2026-03-03T00:00:00'],
    [1.0005, '2026-03-03T00:00:00.001'],
    [86_400, '2026-03-03T23:59:59'],
    [-1, '2026-03-02T23:59:58'],
    [1e15, null],
    [NaN, null],
    [Infinity, null],
  ])('start + %d s → %s', (sec, expected) => {
    expect(localAfter(start, sec)).toBe(expected);
  });
  it('is null without a start', () => {
    expect(localAfter(null, 1)).toBeNull();
  });
  it('does not depend on the process time zone', () => {
    // Tests run with TZ=America/New_York; the 2026-03-08 spring-forward hour must not move readings.
    expect(localAfter(parseCompactStamp('260308_015959'), 1)).toBe('2026-03-08T02:00:00');
  });
});
