import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledFormat, compileFormat, daysInMonth } from './date-time-format.js';

function compiled(format: string): CompiledFormat {
  const f = compileFormat(format);
  if ('error' in f) throw new Error(f.error);
  return f;
}

describe('compileFormat', () => {
  it.each([
    ['YYYY-MM-DD', '2026-03-02', { date: '2026-03-02' }],
    ['MM/DD/YYYY', '03/02/2026', { date: '2026-03-02' }],
    ['M/D/YYYY', '3/2/2026', { date: '2026-03-02' }],
    ['M/D/YYYY', '12/31/2026', { date: '2026-12-31' }],
    ['DD.MM.YYYY', '02.03.2026', { date: '2026-03-02' }],
    ['MM/DD/YY', '03/02/26', { date: '2026-03-02' }],
    ['YYYY-MM-DD', '2028-02-29', { date: '2028-02-29' }],
    ['HH:mm:ss', '08:14:05', { time: '08:14:05' }],
    ['H:mm:ss', '8:14:05', { time: '08:14:05' }],
    ['h:mm:ss A', '9:05:12 AM', { time: '09:05:12' }],
    ['h:mm:ss A', '12:00:34 PM', { time: '12:00:34' }],
    ['h:mm:ss A', '12:00:34 AM', { time: '00:00:34' }],
    ['h:mm:ss A', '11:59:59 pm', { time: '23:59:59' }],
    ['h:mm:ss A', '1:15:00 p.m.', { time: '13:15:00' }],
    ['h:mm:ss A', '1:15:00   PM', { time: '13:15:00' }],
    ['HH:mm:ss.SSS', '08:14:05.250', { time: '08:14:05.250' }],
    ['HH:mm:ss.SSS', '08:14:05.1234567', { time: '08:14:05.123456' }],
    ['HH:mm', '08:14', { time: '08:14:00' }],
    ['M/D/YYYY h:mm:ss A', '8/19/2022 8:11:51 AM', { date: '2022-08-19', time: '08:11:51' }],
    ['YYYY-MM-DD HH:mm:ss', '2026-03-02 08:14:05', { date: '2026-03-02', time: '08:14:05' }],
    ['YYYY-MM-DDTHH:mm:ss', '2026-03-02T08:14:05', { date: '2026-03-02', time: '08:14:05' }],
    [
      'YYYY-MM-DD HH:mm Z',
      '2026-03-02 08:14 -0500',
      { date: '2026-03-02', time: '08:14:00', utcOffset: '-05:00' },
    ],
    ['[Date:] YYYY-MM-DD', 'Date: 2026-03-02', { date: '2026-03-02' }],
    ['YYYY-MM-DD', '  2026-03-02  ', { date: '2026-03-02' }],
  ])('%s reads %j', (format, text, parts) => {
    expect(compiled(format).parse(text)).toEqual(parts);
  });

  it.each([
    ['YYYY-MM-DD', '2026-02-29'],
    ['YYYY-MM-DD', '2100-02-29'],
    ['YYYY-MM-DD', '2026-13-01'],
    ['YYYY-MM-DD', '2026-04-31'],
    ['YYYY-MM-DD', '2026-00-10'],
    ['YYYY-MM-DD', '2026-3-2'],
    ['MM/DD/YYYY', '2026-03-02'],
    ['HH:mm:ss', '24:00:00'],
    ['HH:mm:ss', '08:60:00'],
    ['HH:mm:ss', '08:14:60'],
    ['HH:mm:ss', '8:14:05'],
    ['h:mm:ss A', '13:00:00 PM'],
    ['h:mm:ss A', '0:10:00 AM'],
    ['h:mm:ss A', '9:05:12'],
    ['HH:mm:ss', ''],
    ['HH:mm:ss', '08:14:05 extra'],
  ])('%s refuses %j', (format, text) => {
    expect(compiled(format).parse(text)).toBeNull();
  });

  it.each([
    ['yyyy-MM-dd', /unknown letters "yyyy"/],
    ['MM/YYYY', /year, a month and a day/],
    ['HH:ss', /hours and minutes/],
    ['h:mm:ss', /12-hour clock/],
    ['HH:mm:ss A', /12-hour clock/],
    ['HH:hh:mm', /both HH and hh/],
    ['YYYY-MM-DD-DD', /two day fields/],
    ['HH:mm.SSS', /fractions need seconds/],
    ['[literal]', /neither a date nor a time/],
  ])('refuses the format %s', (format, error) => {
    const f = compileFormat(format);
    expect('error' in f && f.error).toMatch(error);
  });

  it.each([
    ['2026-03-02T09:15:00-05:00', { date: '2026-03-02', time: '09:15:00', utcOffset: '-05:00' }],
    ['2026-03-02 09:15:00Z', { date: '2026-03-02', time: '09:15:00', utcOffset: '+00:00' }],
    ['2026-03-02T09:15-0500', { date: '2026-03-02', time: '09:15:00', utcOffset: '-05:00' }],
    ['2026-03-02T09:15:00.5+05:30', { date: '2026-03-02', time: '09:15:00.5', utcOffset: '+05:30' }],
    ['2026-03-02T09:15:00', { date: '2026-03-02', time: '09:15:00' }],
    ['2026-03-02T09:15:00+15:00', null],
    ['2026-03-02T09:15:00-05:60', null],
    ['2026-03-02', null],
    ['03/02/2026 09:15', null],
  ])('ISO reads %j', (text, parts) => {
    expect(compiled('ISO').parse(text)).toEqual(parts);
  });

  it('reads back every valid date and time it is given, in every layout', () => {
    const layouts: [
      string,
      (y: string, mo: string, d: string, h: number, mi: string, s: string) => string,
    ][] = [
      ['YYYY-MM-DD HH:mm:ss', (y, mo, d, h, mi, s) => `${y}-${mo}-${d} ${pad(h)}:${mi}:${s}`],
      ['MM/DD/YYYY HH:mm:ss', (y, mo, d, h, mi, s) => `${mo}/${d}/${y} ${pad(h)}:${mi}:${s}`],
      [
        'DD.MM.YYYY h:mm:ss A',
        (y, mo, d, h, mi, s) => `${d}.${mo}.${y} ${h % 12 || 12}:${mi}:${s} ${h < 12 ? 'AM' : 'PM'}`,
      ],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...layouts),
        (y, mo, d, h, mi, s, [format, write]) => {
          const day = Math.min(d, daysInMonth(y, mo));
          const text = write(String(y), pad(mo), pad(day), h, pad(mi), pad(s));
          expect(compiled(format).parse(text)).toEqual({
            date: `${y}-${pad(mo)}-${pad(day)}`,
            time: `${pad(h)}:${pad(mi)}:${pad(s)}`,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the UTC calendar on the length of every month', () => {
    for (let y = 1896; y <= 2104; y++) {
      for (let m = 1; m <= 12; m++) {
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }
    }
  });

  it('never throws on arbitrary formats and texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 30 }), (format, text) => {
        const f = compileFormat(format);
        if (!('error' in f)) f.parse(text);
      }),
      { numRuns: 1000 },
    );
  });
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
