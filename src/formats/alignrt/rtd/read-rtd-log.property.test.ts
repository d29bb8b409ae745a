import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTime, monitoringSessionSchema } from '../../../core/model/course.js';
import type { InputProblem } from '../../../core/model/input-problem.js';
import { looksRtdLog } from './looks-rtd-log.js';
import { readRtdLog } from './read-rtd-log.js';
import { toMonitoringSession } from './rtd-monitoring-session.js';

/**
 * Robustness: any bytes give a log or located problems, never an exception, never the internal-error
 * fallback, never a value of the file in a message; every log read maps to a valid monitoring session
 * or a located problem.
 */
const SOURCE = 'f.txt';
const gated = new Uint8Array(readFileSync('test/fixtures/alignrt/rtd/rtd-breast-dibh-gated.txt'));
const older = new Uint8Array(readFileSync('test/fixtures/alignrt/rtd/rtd-older-mm-tab-lf.txt'));
const rtf = new Uint8Array(readFileSync('test/fixtures/alignrt/rtd/rtd-breast-dibh-gated-textedit.rtf'));
const encode = (s: string) => new TextEncoder().encode(s);

function check(input: Uint8Array | string, includeSamples = false): void {
  const result = readRtdLog(input, SOURCE);
  const messages: InputProblem[] = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.location.startsWith(`${SOURCE}:`)).toBe(true);
    expect(m.message).not.toMatch(/internal error/);
    expect(`${m.location} ${m.message}`).not.toMatch(/QUIXOTE|ALONSO|SYNTH-0001/);
  }
  expect(() => looksRtdLog(input instanceof Uint8Array ? input : encode(input))).not.toThrow();
  if (!result.ok) return;
  const log = result.value;
  const s = log.samples;
  expect(s.count).toBeGreaterThan(0);
  for (const a of [
    s.line,
    s.elapsedSec,
    s.valid,
    s.xrayOn,
    s.outOfTolerance,
    ...Object.values(log.samples.values),
  ]) {
    expect(a.length).toBe(s.count);
  }
  for (const u of s.unknown) expect([u.values.length, u.text.length]).toEqual([s.count, s.count]);
  const d = log.derived;
  for (const x of [...d.beamOn, ...d.beamHolds, ...d.gaps, ...d.excursions]) {
    for (const t of [x.start, x.end]) if (t !== null) expect(localDateTime.safeParse(t).success).toBe(true);
  }
  const session = toMonitoringSession(log, { id: 'S', source: SOURCE, includeSamples });
  if (session.ok) expect(monitoringSessionSchema.safeParse(session.value).success).toBe(true);
  else expect(session.problems[0]?.location.startsWith(`${SOURCE}:`)).toBe(true);
}

/** Text shaped like an RTD log: header lines, column names, numbers and oddities in any order. */
const rtdish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Patient ID:, QUIXOTE^ALONSO',
        'Start Time:, 260302_081530',
        'End Time:, 260302_082048',
        'End Time:, 991399_999999',
        'XRayOn Time:, Not set',
        'First XRayOn Time:, 30-December-99 00:00:00.000',
        'Elapsed Time (sec), Translation (cm), D.VRT (cm), XRayState, Trans Threshold (cm), Rot Threshold (deg), Gating Active',
        'Elapsed Time (sec)\tD.VRT (mm)\tD.Rtn (deg)\tXRayState\tGating Active\tFoo',
        'Elapsed Time (sec), XRayState',
        '\r\n',
        '\n',
        '\r',
        ', ',
        '\t',
        '999',
        '-999',
        'N/A',
        '1e308',
        '1e999',
        '-2.277061E-03',
        'QUIXOTE',
        '',
      ),
      fc.double({ noNaN: true }).map(String),
      fc.integer({ min: -5, max: 500 }).map(String),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('readRtdLog robustness', () => {
  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => check(bytes)),
      { numRuns: 300 },
    );
  });

  it('an unknown column whose name holds patient data is named by its position', () => {
    // Found by the property below (seed 1667650082).
    check(
      'Elapsed Time (sec)\tD.VRT (mm)\tD.Rtn (deg)\tXRayState\tGating Active\tFooPatient ID:, QUIXOTE^ALONSO\r0',
    );
  });

  it('arbitrary RTD-shaped text', () => {
    fc.assert(
      fc.property(rtdish, (text) => check(text)),
      { numRuns: 300 },
    );
  });

  it('a valid header and column row followed by RTD-shaped rows', () => {
    const head =
      'Start Time:, 260302_081530\r\nElapsed Time (sec), Translation (cm), XRayState, Trans Threshold (cm), Gating Active\r\n';
    fc.assert(
      fc.property(rtdish, (rows) => check(head + rows)),
      { numRuns: 300 },
    );
  });

  it('fixtures truncated every 4,999 bytes, and within the header block every 7', () => {
    for (const file of [gated, older, rtf]) {
      for (let at = 0; at < 700; at += 7) check(file.subarray(0, at));
      for (let at = 700; at < file.length; at += 4_999) check(file.subarray(0, at));
    }
  });

  it('fixtures with random bytes flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(gated, older, rtf),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        (file, flips) => {
          const copy = file.slice();
          for (const [at, byte] of flips) copy[at % copy.length] = byte;
          check(copy, true); // with samples: each one must pass the course model's schema
        },
      ),
      { numRuns: 30 },
    );
  });

  it('fixtures with junk inserted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(gated, older, rtf),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        (file, at, junk) => {
          const p = at % file.length;
          check(new Uint8Array([...file.subarray(0, p), ...junk, ...file.subarray(p)]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a 5 MB line in the header, as the column row, in the data and as the whole file', () => {
    const big = 'x'.repeat(5_000_000);
    const text = new TextDecoder().decode(gated);
    const lines = text.split('\r\n');
    check(big);
    check(','.repeat(5_000_000));
    check([lines[0], big, ...lines.slice(1)].join('\r\n'));
    check(
      [
        ...lines.slice(0, 11),
        `Elapsed Time (sec), ${'D.VRT (cm), '.repeat(400_000)}XRayState`,
        ...lines.slice(12),
      ].join('\r\n'),
    );
    check([...lines.slice(0, 20), `1${'9'.repeat(5_000_000)}, 0.1`, ...lines.slice(20)].join('\r\n'));
    check([...lines.slice(0, 20), `25.1, ${'0.1, '.repeat(1_000_000)}`, ...lines.slice(20)].join('\r\n'));
    check([...lines.slice(0, 12), '\r\n'.repeat(1_000_000), ...lines.slice(12)].join('\r\n'));
  });
});
