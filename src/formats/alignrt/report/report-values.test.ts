import { describe, expect, it } from 'vitest';
import { readDuration, readIsocentre } from './report-values.js';

describe('readDuration', () => {
  it.each([
    ['00:06:19', 379],
    ['00:29:58', 1798],
    ['0:00:04', 4],
    ['26:00:00', 93600],
    [' 00:21:33 ', 1293],
  ])('%s → %i s', (text, seconds) => {
    expect(readDuration(text)).toEqual({ ok: true, value: seconds });
  });
  it.each(['6:19', '00:60:00', '00:00:60', '-00:01:00', '00:06:19.5', 'N/A', ''])('%s is refused', (text) => {
    expect(readDuration(text)).toEqual({ ok: false, expected: 'a duration HH:MM:SS' });
  });
});

describe('readIsocentre', () => {
  it.each([
    ['77.6, -243.5, 88.1', [77.6, -243.5, 88.1]],
    ['0.0, 0.0, 0.0', [0, 0, 0]],
    ['-12.4,3.0,-101.7', [-12.4, 3, -101.7]],
    ['(77.6, -243.5, 88.1)', [77.6, -243.5, 88.1]],
    ['77.6, -243.5, 88.1 mm', [77.6, -243.5, 88.1]],
    ['77.6, \u2212243.5, 88.1', [77.6, -243.5, 88.1]],
    ['77,6; -243,5; 88,1', [77.6, -243.5, 88.1]],
    ['+1, .5, 2.', [1, 0.5, 2]],
  ])('%s → %j', (text, xyz) => {
    expect(readIsocentre(text)).toEqual({ ok: true, value: xyz });
  });
  it.each(['77,6, -243,5, 88,1', '77.6, -243.5', '77.6, -243.5, 88.1, 4', 'a, b, c', '1e3, 0, 0', ''])(
    '%s is refused',
    (text) => {
      expect(readIsocentre(text).ok).toBe(false);
    },
  );
});
