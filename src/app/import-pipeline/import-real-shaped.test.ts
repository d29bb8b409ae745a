import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CourseHeader } from '../../core/model/course.js';
import { rtRecord, writeDicom } from '../../../test/fixtures/dicom/build-rt-record.js';
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
    authorizations: _a, // from the practice's authorizations export, not courses.json
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

/**
 * One RT Beams Treatment Record per session of a stereotactic course, in the PS3.3 A.29 layout the
 * fixtures are written in (test/fixtures/dicom/build-rt-record.ts): two 180 s arcs from 12:01, one
 * record per treatment date, the fraction numbers in delivery order.
 */
function arcRecords(patientId: string, uid: number, dates: readonly string[]): Record<string, Uint8Array> {
  return Object.fromEntries(
    dates.map((date, i) => {
      const da = date.replaceAll('-', '');
      const arc = (number: number, start: string) => ({
        number,
        name: `ARC${number}`,
        fraction: i + 1,
        termination: 'NORMAL',
        specified: '1450.0',
        delivered: '1450.0',
        points: { date: da, start, seconds: 180, count: 19, meterset: 1450 },
      });
      const record = rtRecord({
        sopInstanceUid: `1.2.826.0.1.3680043.10.999.1.${uid}.${i + 1}`,
        patientId,
        treatmentDate: da,
        treatmentTime: '115500',
        beams: [arc(1, '120100'), arc(2, '120440')],
      });
      return [`fx${i + 1}.dcm`, writeDicom(record)];
    }),
  );
}

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
    // The plan says electron; the delivered beams decide, and the mismatch is said (CODE-013).
    expect(audit.fractions[0]!.findings.map((f) => f.ruleId)).toContain('CODE-013');
  });

  it('a six-fraction SBRT course: 77373 on fractions 1–5, the sixth held by CODE-011 with the limit', async () => {
    const header = example('lung-sbrt-six-fractions.json');
    const run = await importFolder(
      [{ ...header, courseId: 'C-SBRT6', plan: { ...header.plan, imageGuidance: null } }],
      arcRecords(header.patient.id, 20, [
        '2026-03-02',
        '2026-03-04',
        '2026-03-06',
        '2026-03-09',
        '2026-03-11',
        '2026-03-13',
      ]),
    );
    const { fractions } = run.courses[0]!.audit;
    expect(fractions.map((f) => [f.number, f.status, f.lines.map((l) => l.code).join(',')])).toEqual([
      [1, 'ready', '77373'],
      [2, 'ready', '77373'],
      [3, 'ready', '77373'],
      [4, 'ready', '77373'],
      [5, 'ready', '77373'],
      [6, 'hold', ''],
    ]);
    const limit = fractions[5]!.findings.filter((f) => f.ruleId === 'CODE-011');
    expect(limit.map((f) => f.severity)).toEqual(['error']);
    expect(limit[0]!.message).toContain('"entire course not to exceed 5 fractions"');
  });

  it('a three-fraction linac SRS course: 77373 per fraction, never 77372', async () => {
    const header = example('lung-sbrt.json');
    const run = await importFolder(
      [
        {
          ...header,
          courseId: 'C-SRS3',
          patient: { id: 'SYN00590' },
          site: { region: 'brain', laterality: 'none' },
          diagnosis: 'C79.31',
          plan: {
            ...header.plan,
            id: 'BRAIN-SRS',
            technique: 'SRS',
            fractionsPlanned: 3,
            imageGuidance: null,
          },
        },
      ],
      arcRecords('SYN00590', 21, ['2026-03-02', '2026-03-04', '2026-03-06']),
    );
    const { fractions } = run.courses[0]!.audit;
    expect(fractions.map((f) => [f.status, f.lines.map((l) => l.code).join(',')])).toEqual([
      ['ready', '77373'],
      ['ready', '77373'],
      ['ready', '77373'],
    ]);
    expect(fractions.flatMap((f) => f.findings.filter((x) => x.ruleId === 'CODE-011'))).toEqual([]);
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

  /** The chart of the PDF-report course: a signed AMM order and necessity note, fraction 7's signed records. */
  const PDF_COURSE_CHART = [
    '"Patient ID","Patient Name","Course ID","Kind","Document ID","Fraction","Date","Signer ID","Signer Role","Signed At","Time Zone","System","Text"',
    '"SYN00417","Testperson, Marigold Q","C-PDF","motion-management-order","ORD-PDF","","","DR-HALE","physician","2026-02-24T16:05:00-05:00","","AlignRT","Active motion management: DIBH with AlignRT surface guidance during delivery, beam hold when outside 3 mm / 3 deg."',
    `"SYN00417","Testperson, Marigold Q","C-PDF","necessity-note","NOTE-PDF","","","DR-HALE","physician","2026-02-24T16:00:00-05:00","","","${JSON.parse(readFileSync('examples/courses/breast-left-dibh-alignrt.json', 'utf8')).necessity.text}"`,
    '"SYN00417","Testperson, Marigold Q","C-PDF","sgrt-record","SGRT-PDF-7","7","2026-03-02","DR-HALE","physician","2026-03-02T09:10:00-05:00","","AlignRT",""',
    '"SYN00417","Testperson, Marigold Q","C-PDF","igrt-review","IGRT-PDF-7","7","2026-03-02","DR-HALE","physician","2026-03-02T09:05:00-05:00","","",""',
  ].join('\r\n');

  it('a practice that keeps AlignRT PDF reports only: thresholds and beam hold unknown, the plan decides', async () => {
    const run = await importFolder(
      [{ ...example('breast-left-dibh-alignrt.json'), courseId: 'C-PDF', patient: { id: 'SYN00417' } }],
      {
        'fx7.dcm': `${DICOM}rtrecord-breast-tangents.dcm`,
        'report.pdf': 'test/fixtures/alignrt/report/report-single-session.pdf',
        'orders-signatures.csv': new TextEncoder().encode(PDF_COURSE_CHART),
      },
    );
    const { course, audit } = run.courses[0]!;
    expect(
      course.fractions[0]!.monitoring.map((m) => [m.thresholds, m.gatingActive, m.source?.kind]),
    ).toEqual([['unknown', 'unknown', 'treatment-report']]);
    const f = audit.fractions[0]!;
    expect(f.lines.map((l) => l.code)).toContain('77412');
    expect(f.status).not.toBe('downgrade');
    // DOC-006 reads the plan's motion management and says so; the chart's order, necessity note and timely
    // signatures leave nothing else against 77412.
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
