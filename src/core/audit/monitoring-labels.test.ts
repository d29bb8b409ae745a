import { describe, expect, it } from 'vitest';
import { monitoringName } from './monitoring-labels.js';

/** A monitoring session is named once in a finding: a file path is not repeated as id and source. */
describe('monitoringName', () => {
  it.each<[string, { kind: 'treatment-report'; location?: string } | undefined, string]>([
    [
      '/x/report.pdf#1',
      { kind: 'treatment-report', location: '/x/report.pdf#1' },
      'treatment-report /x/report.pdf#1',
    ],
    [
      '/x/report.pdf#1',
      { kind: 'treatment-report', location: '/x/report.pdf' },
      'treatment-report /x/report.pdf',
    ],
    [
      'F01-MON',
      { kind: 'treatment-report', location: 'report.pdf p1' },
      'F01-MON (treatment-report report.pdf p1)',
    ],
    ['F01-MON', undefined, 'F01-MON (record)'],
  ])('%s %j → %s', (id, source, name) => {
    expect(monitoringName({ id, source } as Parameters<typeof monitoringName>[0])).toBe(name);
  });
});
