import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, LocalClock } from './local-clock.js';

describe('LocalClock', () => {
  const ny = new LocalClock('America/New_York');

  it.each([
    // [reading, expected instant or problem]
    ['2026-03-02T08:16:40', '2026-03-02T13:16:40.000Z'],
    ['2026-07-01T08:00:00.250', '2026-07-01T12:00:00.250Z'],
    // 2026-03-08: clocks jump 02:00 → 03:00 in New York; readings before and after the jump.
    ['2026-03-08T01:59:59', '2026-03-08T06:59:59.000Z'],
    ['2026-03-08T03:00:00', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08T02:30:00', 'nonexistent'],
    // 2026-11-01: 01:00–02:00 happens twice.
    ['2026-11-01T01:30:00', 'ambiguous'],
    ['2026-11-01T00:59:59', '2026-11-01T04:59:59.000Z'],
    ['2026-11-01T02:00:00', '2026-11-01T07:00:00.000Z'],
    // A reading with its record's offset is one instant, on the DST nights too.
    ['2026-11-01T01:30:00-04:00', '2026-11-01T05:30:00.000Z'],
    ['2026-11-01T01:30:00-05:00', '2026-11-01T06:30:00.000Z'],
    ['2026-03-08T02:30:00-05:00', '2026-03-08T07:30:00.000Z'],
    ['2026-03-02T08:16:40.250+05:30', '2026-03-02T02:46:40.250Z'],
    ['2026-03-02T08:16:40+15:00', 'malformed'],
    ['2026-03-02T08:16:40-05:60', 'malformed'],
    ['2026-03-02T08:16:40Z', 'malformed'],
    ['2026-03-02T08:60:00', 'malformed'],
    ['2026-02-30T08:00:00', 'malformed'],
    ['2026-03-02 08:00:00', 'malformed'],
    ['2026-03-02T24:00:00', 'malformed'],
  ])('%s → %s', (reading, expected) => {
    const r = ny.toInstant(reading);
    if (r.ok) expect(new Date(r.epochMs).toISOString()).toBe(expected);
    else expect(r.problem).toBe(expected);
  });

  it('does not depend on the server zone (Phoenix has no DST)', () => {
    const phx = new LocalClock('America/Phoenix');
    const r = phx.toInstant('2026-11-01T01:30:00');
    expect(r).toEqual({ ok: true, epochMs: Date.parse('2026-11-01T08:30:00Z') });
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('formats instants as facility wall-clock time with the zone abbreviation', () => {
    expect(ny.format(Date.parse('2026-03-16T12:11:00Z'))).toBe('2026-03-16 08:11 EDT');
    expect(ny.format(Date.parse('2026-01-05T05:00:00Z'))).toBe('2026-01-05 00:00 EST');
  });

  it('finds the instant a day starts', () => {
    expect(new Date(ny.startOfDay('2026-03-08')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(ny.startOfDay('2026-03-09')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('keeps the offset of a facility reading only where the reading alone is ambiguous', () => {
    expect(ny.facilityReading(Date.parse('2026-11-01T05:30:00Z'))).toBe('2026-11-01T01:30:00-04:00');
    expect(ny.facilityReading(Date.parse('2026-11-01T06:30:00Z'))).toBe('2026-11-01T01:30:00-05:00');
    expect(ny.facilityReading(Date.parse('2026-03-08T07:30:00Z'))).toBe('2026-03-08T03:30:00');
    expect(ny.facilityReading(Date.parse('2026-03-02T13:16:40Z'))).toBe('2026-03-02T08:16:40');
    for (const t of ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']) {
      const r = ny.toInstant(ny.facilityReading(Date.parse(t)));
      expect(r.ok && r.epochMs).toBe(Date.parse(t));
    }
  });

  it('gives the facility reading of an instant (the inverse of toInstant)', () => {
    expect(ny.toLocal(Date.parse('2026-03-02T13:16:40Z'))).toBe('2026-03-02T08:16:40');
    expect(ny.toLocal(Date.parse('2026-07-01T12:00:00.250Z'))).toBe('2026-07-01T08:00:00.250');
  });

  // 2026 in New York, both DST nights included, to the millisecond.
  const instants = fc.integer({
    min: Date.parse('2026-01-01T00:00:00Z'),
    max: Date.parse('2027-01-01T00:00:00Z'),
  });

  it('a facility reading (with its offset where needed) is read back as the same instant', () => {
    fc.assert(
      fc.property(instants, (t) => {
        const r = ny.toInstant(ny.facilityReading(t));
        expect(r.ok && r.epochMs).toBe(t);
      }),
    );
  });

  it('a reading with any offset from -12:00 to +14:00 is the instant it names, in any zone', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -12 * 60, max: 14 * 60 }), (t, minutes) => {
        const wall = new Date(t + minutes * 60_000).toISOString().slice(0, 23);
        const abs = Math.abs(minutes);
        const offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const r = ny.toInstant(`${wall}${offset}`);
        expect(r.ok && r.epochMs).toBe(t);
      }),
    );
  });

  it('never throws on arbitrary or mutated text', () => {
    const mutated = fc.tuple(instants, fc.nat(30), fc.string({ maxLength: 3 })).map(([t, at, s]) => {
      const text = ny.facilityReading(t);
      return text.slice(0, at) + s + text.slice(at + s.length);
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated), (text) => {
        const r = ny.toInstant(text);
        if (r.ok) expect(Number.isFinite(r.epochMs)).toBe(true);
        else expect(['malformed', 'ambiguous', 'nonexistent']).toContain(r.problem);
      }),
    );
  });
});

describe('toInstant reads by character codes exactly as the documented pattern', () => {
  // The pattern of architecture.md ("Time"): the reader must accept exactly these shapes.
  const PATTERN =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2}):(\d{2}))?$/;
  const clock = new LocalClock('America/New_York');
  const piece = fc.constantFrom('0', '1', '2', '3', '5', '9', '-', ':', 'T', '.', '+', 'Z', ' ');
  const near = fc
    .tuple(
      fc.constantFrom(
        '2026-03-08T02:30:00',
        '2026-11-01T01:30:00',
        '2026-02-28T23:59:59',
        '2026-07-04T12:00:00',
      ),
      fc.constantFrom('', '.5', '.123', '.123456', '.1234567', '.'),
      fc.constantFrom('', '-05:00', '+14:00', '+15:00', '-04:60', 'Z', '-0500'),
      fc.array(fc.tuple(fc.nat(30), piece), { maxLength: 2 }),
    )
    .map(([base, frac, off, edits]) => {
      const chars = [...`${base}${frac}${off}`];
      for (const [at, c] of edits) chars[at % chars.length] = c;
      return chars.join('');
    });
  it('malformed exactly when the pattern does not match; else an instant or a DST problem', () => {
    fc.assert(
      fc.property(near, (reading) => {
        const r = clock.toInstant(reading);
        if (!PATTERN.test(reading)) expect(r).toEqual({ ok: false, problem: 'malformed' });
        else if (r.ok) expect(clock.epochMs(reading)).toBe(r.epochMs);
        else expect(Number.isNaN(clock.epochMs(reading))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
