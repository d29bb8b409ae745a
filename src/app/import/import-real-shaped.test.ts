import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CourseHeader } from '../../core/model/course.js';
import { engineContext } from '../engine-context.js';
import { importClinic } from './import-clinic.js';

/**
 * Imports of exports shaped like real ones, not made by the demo generator: DICOM records written from
 * PS3.3 A.29 with dcmjs (test/fixtures/dicom/SOURCE.md), the browser-printed AlignRT report of the shared
 * fixtures, an AlignRT log saved through TextEdit as RTF (test/fixtures/alignrt/rtd/SOURCE.md).
 */
const NOW = '2026-03-20T12:00:00-04:00';
const example = (file: string): CourseHeader => {
  const {
    fractions: _f,
    orders: _o,
    necessity: _n,
    ...header
  } = JSON.parse(readFileSync(`examples/courses/${file}`, 'utf8'));
  return { ...header, schedule: [] };
};

async function importFolder(headers: CourseHeader[], files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(join(tmpdir(), 'sgrt-real-'));
  writeFileSync(join(dir, 'courses.json'), JSON.stringify(headers));
  for (const [name, from] of Object.entries(files)) {
    if (typeof from === 'string') copyFileSync(from, join(dir, name));
    else writeFileSync(join(dir, name), from);
  }
  const run = await importClinic([dir], await engineContext({ now: Date.parse(NOW) }));
  expect(run.files.filter((f) => f.status !== 'read').map((f) => [f.file, f.problems])).toEqual([]);
  expect(run.invalidCourses).toEqual([]);
  return run;
}

const DICOM = 'test/fixtures/dicom/';

describe('import of real-shaped exports', () => {
  it('a DICOM record stating its UTC offset on the spring-forward night: read as instants, no skipped-hour finding', async () => {
    const run = await importFolder(
      [{ ...example('palliative-spine-2d.json'), courseId: 'C-DST', patient: { id: 'SYN00577' } }],
      { 'fx1.dcm': `${DICOM}rtrecord-dst-spring-forward-offset.dcm` },
    );
    const { course, audit } = run.courses[0]!;
    // 02:30 EST (the record's -0500) is 03:30 EDT on the facility's clock.
    expect(course.fractions[0]!.beams.map((b) => [b.beamOn, b.beamOff])).toEqual([
      ['2026-03-08T03:30:20', '2026-03-08T03:31:20'],
      ['2026-03-08T03:32:00', '2026-03-08T03:33:00'],
    ]);
    const f = audit.fractions[0]!;
    expect(f.findings.filter((x) => x.ruleId === 'DOC-010')).toEqual([]);
    expect(f.status).not.toBe('hold');
  });

  it('a DICOM record stating its offset on the 2026-11-01 fall-back night: read as instants, no DOC-010', async () => {
    const header = example('lung-sbrt.json');
    const run = await importFolder(
      [
        {
          ...header,
          courseId: 'C-FALL',
          patient: { id: 'SYN00533' },
          plan: { ...header.plan, imageGuidance: null },
        },
      ],
      { 'fx3.dcm': `${DICOM}rtrecord-dst-fall-back-offset.dcm` },
    );
    const f = run.courses[0]!.audit.fractions[0]!;
    expect(f.findings.filter((x) => x.ruleId === 'DOC-010')).toEqual([]);
    expect(f.status).not.toBe('hold');
    expect(run.courses[0]!.course.fractions[0]!.beams[0]!.beamOn).toBe('2026-11-01T01:40:10-04:00');
  });

  it("a mixed session: the record's PHOTON and ELECTRON beams reach the course", async () => {
    const run = await importFolder(
      [{ ...example('skin-electrons.json'), courseId: 'C-MIX', patient: { id: 'SYN00561' } }],
      { 'fx12.dcm': `${DICOM}rtrecord-mixed-electron-photon.dcm` },
    );
    const { course, audit } = run.courses[0]!;
    expect(course.fractions[0]!.beams.map((b) => [b.name, b.radiationType])).toEqual([
      ['CW TANG', 'PHOTON'],
      ['SCAR E9', 'ELECTRON'],
    ]);
    expect(audit.fractions[0]!.lines.map((l) => l.code)).toContain('77412');
  });

  it('a continuation record: the interrupted beam and its continued part, no beam-on over the pause', async () => {
    const run = await importFolder(
      [{ ...example('breast-left-dibh-alignrt.json'), courseId: 'C-CONT', patient: { id: 'SYN00417' } }],
      {
        'fx7.dcm': `${DICOM}rtrecord-breast-tangents.dcm`,
        'fx7-2.dcm': `${DICOM}rtrecord-lt-lat-continuation.dcm`,
      },
    );
    const beams = run.courses[0]!.course.fractions[0]!.beams;
    expect(beams.map((b) => `${b.name} ${b.beamOn}–${b.beamOff}`)).toEqual([
      'LT MED 2026-03-02T08:16:40.000–2026-03-02T08:17:35.000',
      'LT LAT 2026-03-02T08:18:10.000–2026-03-02T08:19:00.000',
      'LT LAT (continued) 2026-03-02T08:21:40.000–2026-03-02T08:22:25.000',
    ]);
  });

  it('a practice that keeps AlignRT PDF reports only: thresholds and beam hold unknown, the plan decides', async () => {
    const run = await importFolder(
      [{ ...example('breast-left-dibh-alignrt.json'), courseId: 'C-PDF', patient: { id: 'SYN00417' } }],
      {
        'fx7.dcm': `${DICOM}rtrecord-breast-tangents.dcm`,
        'report.pdf': 'test/fixtures/alignrt/report/report-single-session.pdf',
      },
    );
    const { course, audit } = run.courses[0]!;
    expect(
      course.fractions[0]!.monitoring.map((m) => [m.thresholds, m.gatingActive, m.source?.kind]),
    ).toEqual([['unknown', 'unknown', 'treatment-report']]);
    const f = audit.fractions[0]!;
    // DOC-006 reads the plan's motion management and says so; the chart's missing order, necessity note and
    // signatures (no documents were exported here) are other rules' business.
    expect(f.findings.filter((x) => x.ruleId === 'DOC-006').map((x) => [x.severity, x.message])).toEqual([
      [
        'info',
        expect.stringMatching(
          /does not state thresholds \(plan: [^)]*\) or beam hold \(plan: on\): the course's motion management is used/,
        ),
      ],
    ]);
  });

  it('an AlignRT log saved through TextEdit as RTF: read, with its clock times and thresholds', async () => {
    const rtf = readFileSync(
      'test/fixtures/alignrt/rtd/rtd-breast-dibh-gated-textedit.rtf',
      'latin1',
    ).replace('Patient ID:, SYNTH-0001', 'Patient ID:, SYN00417');
    const run = await importFolder(
      [{ ...example('breast-left-dibh-alignrt.json'), courseId: 'C-RTF', patient: { id: 'SYN00417' } }],
      {
        'fx7.dcm': `${DICOM}rtrecord-breast-tangents.dcm`,
        'log.rtf': new Uint8Array(Buffer.from(rtf, 'latin1')),
      },
    );
    expect(run.files.find((f) => f.file.endsWith('log.rtf'))?.format).toBe('alignrt-rtd');
    expect(run.unlinked).toEqual([]);
    const [m] = run.courses[0]!.course.fractions[0]!.monitoring;
    expect([m?.start, m?.thresholds, m?.gatingActive, m?.source?.kind]).toEqual([
      '2026-03-02T08:15:30',
      { translationCm: 0.3, rotationDeg: 3 },
      true,
      'realtime-log',
    ]);
  });
});
