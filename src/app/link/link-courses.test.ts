import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courseHeaderSchema, courseSchema } from '../../core/model/course.js';
import { readOrdersSignatures } from '../../formats/csv/read-orders-signatures.js';
import { readRtBeamsRecord } from '../../formats/dicom/read-rt-beams-record.js';
import { readFhirBundle } from '../../formats/fhir/read-fhir-bundle.js';
import { emptyRecords, type ExportRecords } from '../read/export-records.js';
import { linkCourses } from './link-courses.js';

const example = JSON.parse(readFileSync('examples/courses/breast-left-dibh-alignrt.json', 'utf8'));
const header = (courseId: string, patientId: string) =>
  courseHeaderSchema.parse({
    ...Object.fromEntries(
      Object.entries(example).filter(([k]) => !['fractions', 'orders', 'necessity'].includes(k)),
    ),
    courseId,
    patient: { id: patientId },
    schedule: [],
  });
const dicom = (file: string) => {
  const r = readRtBeamsRecord(new Uint8Array(readFileSync(`test/fixtures/dicom/${file}`)), file);
  if (!r.ok) throw new Error(file);
  return r.value;
};
const monitoring = (patientId: string, start: string, end: string) => ({
  source: `${start}.txt`,
  patientId,
  session: {
    id: `${start}.txt`,
    system: 'AlignRT',
    start,
    end,
    thresholds: null,
    gatingActive: false,
    gaps: [],
    excursions: [],
  },
});

function records(edit: (r: ExportRecords) => void): ExportRecords {
  const r = emptyRecords();
  r.headers.push(header('C1-LBR', 'SYN00417'));
  r.dicom.push(dicom('rtrecord-breast-tangents.dcm'), dicom('rtrecord-lt-lat-continuation.dcm'));
  edit(r);
  return r;
}

describe('linkCourses', () => {
  it('makes one fraction from a record and its continuation, the interrupted beam with its continued part', () => {
    const { courses, unlinked, notes } = linkCourses(records(() => {}));
    expect([unlinked, notes]).toEqual([[], []]);
    const [course] = courses;
    expect(courseSchema.safeParse(course).success).toBe(true);
    expect(course!.fractions).toHaveLength(1);
    const f = course!.fractions[0]!;
    expect([f.id, f.number, f.date]).toEqual(['C1-LBR-F07', 7, '2026-03-02']);
    expect(f.beams.map((b) => `${b.name} ${b.beamOn.slice(11, 19)}–${b.beamOff.slice(11, 19)}`)).toEqual([
      'LT MED 08:16:40–08:17:35',
      'LT LAT 08:18:10–08:19:00',
      'LT LAT (continued) 08:21:40–08:22:25',
    ]);
    expect(f.beams.map((b) => b.radiationType)).toEqual(['PHOTON', 'PHOTON', 'PHOTON']);
    expect(f.imageGuidance).toEqual({ performed: true, review: null });
  });

  it('a beam delivered between an interrupted beam and its continuation: beam-on never overlaps', () => {
    // LT LAT interrupted at 08:19:00, LT MED delivered 08:19:30–08:20:25, then the LT LAT continuation.
    const { courses } = linkCourses(
      records((r) => {
        const first = r.dicom[0]!;
        const [med, lat] = first.beams;
        r.dicom[0] = {
          ...first,
          beams: [
            { ...lat!, index: 0 },
            { ...med!, index: 1, beamOn: '2026-03-02T08:19:30.000', beamOff: '2026-03-02T08:20:25.000' },
          ],
        };
      }),
    );
    const beams = courses[0]!.fractions[0]!.beams;
    expect(beams.map((b) => `${b.name} ${b.beamOn.slice(11, 19)}–${b.beamOff.slice(11, 19)}`)).toEqual([
      'LT LAT 08:18:10–08:19:00',
      'LT MED 08:19:30–08:20:25',
      'LT LAT (continued) 08:21:40–08:22:25',
    ]);
    const sorted = [...beams].sort((a, b) => a.beamOn.localeCompare(b.beamOn));
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.beamOn >= sorted[i - 1]!.beamOff).toBe(true);
  });

  it('two beams whose beam-on intervals overlap are kept as recorded and noted', () => {
    const { courses, notes } = linkCourses(
      records((r) => {
        const first = r.dicom[0]!;
        r.dicom[0] = {
          ...first,
          beams: first.beams.map((b) =>
            b.beamName === 'LT MED' ? { ...b, beamOff: '2026-03-02T08:18:30.000' } : b,
          ),
        };
      }),
    );
    expect(courses[0]!.fractions[0]!.beams[0]!.beamOff).toBe('2026-03-02T08:18:30.000');
    expect(notes).toEqual([
      {
        source: 'rtrecord-breast-tangents.dcm',
        what: 'fraction 7, beams LT MED and LT LAT',
        note: expect.stringMatching(/^beam-on intervals overlap .*a machine delivers one beam at a time/),
      },
    ]);
  });

  it('a part delivered after its beam ended NORMAL is kept with its own times, and noted', () => {
    const { courses, notes } = linkCourses(
      records((r) => {
        const first = r.dicom[0]!;
        r.dicom[0] = {
          ...first,
          beams: first.beams.map((b) =>
            b.beamName === 'LT LAT' ? { ...b, terminationStatus: 'NORMAL', deliveredMeterset: 118 } : b,
          ),
        };
      }),
    );
    expect(courses[0]!.fractions[0]!.beams).toHaveLength(3);
    expect(notes).toEqual([
      {
        source: 'rtrecord-lt-lat-continuation.dcm',
        what: 'DICOM beam LT LAT, fraction 7',
        note: 'the delivered meterset of its parts exceeds the specified meterset',
      },
      {
        source: 'rtrecord-lt-lat-continuation.dcm',
        what: 'DICOM beam LT LAT, fraction 7',
        note: expect.stringMatching(/^a part was delivered after the beam had ended NORMAL/),
      },
    ]);
  });

  it("keeps each delivered beam's radiation type (300A,00C6): photon and electron in one session", () => {
    const { courses } = linkCourses(
      records((r) => {
        r.headers = [header('C9-CW', 'SYN00561')];
        r.dicom = [dicom('rtrecord-mixed-electron-photon.dcm')];
      }),
    );
    expect(courses[0]!.fractions[0]!.beams.map((b) => [b.name, b.radiationType])).toEqual([
      ['CW TANG', 'PHOTON'],
      ['SCAR E9', 'ELECTRON'],
    ]);
  });

  it('a record with its offset on the fall-back night: times in the repeated hour keep it', () => {
    const { courses } = linkCourses(
      records((r) => {
        r.headers = [header('C8-LUNG', 'SYN00533')];
        r.dicom = [dicom('rtrecord-dst-fall-back-offset.dcm')];
      }),
    );
    const f = courses[0]!.fractions[0]!;
    expect([f.number, f.date]).toEqual([3, '2026-11-01']);
    expect(f.beams.map((b) => [b.beamOn, b.beamOff])).toEqual([
      ['2026-11-01T01:40:10-04:00', '2026-11-01T01:41:10-04:00'],
      ['2026-11-01T01:42:00-04:00', '2026-11-01T01:43:20-04:00'],
    ]);
    expect(courseSchema.safeParse(courses[0]).success).toBe(true);
  });

  it('reads a record that states its UTC offset in that offset, shown in facility time', () => {
    const { courses } = linkCourses(
      records((r) => {
        r.headers = [header('C1-LBR', 'SYN00417')];
        r.headers[0]!.facility.timeZone = 'America/Chicago';
        r.dicom = [{ ...dicom('rtrecord-breast-tangents.dcm'), utcOffset: '-05:00' }];
      }),
    );
    expect(courses[0]!.fractions[0]!.beams[0]!.beamOn).toBe('2026-03-02T07:16:40');
  });

  it.each([
    ['overlapping the beams', '2026-03-02T08:15:00', '2026-03-02T08:23:00', null],
    ['within the hour around them', '2026-03-02T07:30:00', '2026-03-02T07:40:00', null],
    ['on another day', '2026-03-03T08:15:00', '2026-03-03T08:23:00', 'no fraction at that time'],
  ])('links a monitoring log %s', (_name, start, end, reason) => {
    const { courses, unlinked } = linkCourses(
      records((r) => r.monitoring.push(monitoring('SYN00417', start, end))),
    );
    expect(courses[0]!.fractions[0]!.monitoring).toHaveLength(reason ? 0 : 1);
    expect(unlinked.map((u) => u.reason)).toEqual(reason ? [reason] : []);
  });

  it('a report session does not state thresholds or beam hold: unknown, with its source', () => {
    const { courses } = linkCourses(
      records((r) =>
        r.reports.push({
          source: 'report.pdf',
          report: {
            patientId: 'SYN00417',
            sessions: [{ index: 1, start: '2026-03-02T08:15:00', end: '2026-03-02T08:23:00' }],
          } as never,
        }),
      ),
    );
    expect(courses[0]!.fractions[0]!.monitoring).toEqual([
      {
        id: 'report.pdf#1',
        system: 'AlignRT',
        start: '2026-03-02T08:15:00',
        end: '2026-03-02T08:23:00',
        thresholds: 'unknown',
        gatingActive: 'unknown',
        source: { kind: 'treatment-report', location: 'report.pdf#1' },
        gaps: [],
        excursions: [],
      },
    ]);
  });

  it('reports records of unknown patients and of patients with two courses', () => {
    const { unlinked } = linkCourses(
      records((r) => {
        r.monitoring.push(monitoring('SYN99999', '2026-03-02T08:15:00', '2026-03-02T08:23:00'));
        r.headers.push(header('C2-OTHER', 'SYN00500'), header('C3-OTHER', 'SYN00500'));
        r.monitoring.push(monitoring('SYN00500', '2026-03-02T08:15:00', '2026-03-02T08:23:00'));
      }),
    );
    expect(unlinked.map((u) => u.reason)).toEqual([
      'no course for this patient in courses.json',
      'two or more courses for this patient',
    ]);
  });

  it('splits one day of history beams into two sessions when there is a long break (twice daily)', () => {
    const beam = (name: string, on: string, off: string) => ({
      name,
      beamOn: on,
      beamOff: off,
      deliveredMU: 100,
      line: 2,
    });
    const { courses } = linkCourses(
      records((r) => {
        r.dicom = [];
        r.histories.push({
          source: 'history.csv',
          history: {
            info: {} as never,
            records: [],
            fractions: [
              {
                patientId: 'SYN00417',
                date: '2026-03-09',
                beams: [
                  beam('AP', '2026-03-09T08:00:00', '2026-03-09T08:01:00'),
                  beam('PA', '2026-03-09T08:02:00', '2026-03-09T08:03:00'),
                  beam('AP', '2026-03-09T14:30:00', '2026-03-09T14:31:00'),
                ],
              },
            ],
          },
        });
      }),
    );
    expect(courses[0]!.fractions.map((f) => `${f.number}:${f.beams.length}`)).toEqual(['1:2', '2:1']);
  });

  it('places orders, the necessity note and signatures from the orders/signatures CSV', () => {
    const read = readOrdersSignatures(
      new Uint8Array(readFileSync('test/fixtures/csv/orders-signatures.csv')),
      'o.csv',
    );
    if (!read.ok) throw new Error('fixture');
    const { courses } = linkCourses(records((r) => r.documents.push({ source: 'o.csv', table: read.value })));
    const course = courses[0]!;
    expect(course.orders.map((o) => o.kind).sort()).toEqual(['image-guidance', 'motion-management']);
    expect(course.necessity?.text).toMatch(/Left breast/);
  });

  it.each<[string, string, object]>([
    ['CBCT', 'CBCT', { modality: 'CBCT' }],
    // The record does not say: unknown stays unknown.
    ['', 'blank', {}],
  ])('an image review carries the modality its record states (%s)', (cell, _name, modality) => {
    const csv =
      'Patient ID,Course ID,Kind,Document ID,Fraction,Signer ID,Signer Role,Signed At,Modality\n' +
      `SYN00417,C1-LBR,igrt-review,IGRT-7,7,DR-PHYS-07,physician,2026-03-02T12:31:00-05:00,${cell}\n`;
    const read = readOrdersSignatures(csv, 'o.csv');
    if (!read.ok) throw new Error('csv');
    const { courses } = linkCourses(records((r) => r.documents.push({ source: 'o.csv', table: read.value })));
    const f = courses[0]!.fractions[0]!;
    expect(courseSchema.safeParse(courses[0]).success).toBe(true);
    expect(f.imageGuidance).toEqual({
      performed: true,
      review: { signerId: 'DR-PHYS-07', role: 'physician', signedAt: '2026-03-02T12:31:00-05:00' },
      ...modality,
    });
  });

  it('an SGRT record in FHIR with its context.period: a monitoring session with thresholds and beam hold unknown', () => {
    // FHIR R4 collection Bundle written by hand (DocumentReference.context.period, R4 §2.42).
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          resource: {
            resourceType: 'Patient',
            identifier: [
              {
                type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
                value: 'SYN00417',
              },
            ],
          },
        },
        {
          fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'DocumentReference',
            status: 'current',
            type: { text: 'SGRT monitoring record' },
            subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
            date: '2026-03-02T08:25:00-05:00',
            content: [{ attachment: { contentType: 'text/plain', data: 'QWxpZ25SVCBtb25pdG9yZWQ=' } }],
            context: { period: { start: '2026-03-02T08:15:00-05:00', end: '2026-03-02T08:23:00-05:00' } },
          },
        },
      ],
    };
    const read = readFhirBundle(new TextEncoder().encode(JSON.stringify(bundle)), 'sgrt.json');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const link = (extra: (r: ExportRecords) => void) =>
      linkCourses(
        records((r) => {
          r.fhir.push({ source: 'sgrt.json', bundle: read.value });
          extra(r);
        }),
      ).courses[0]!.fractions[0]!.monitoring;
    expect(link(() => {})).toEqual([
      {
        id: expect.stringMatching(/^sgrt\.json.*#context\.period$/),
        system: 'SGRT',
        start: '2026-03-02T08:15:00',
        end: '2026-03-02T08:23:00',
        thresholds: 'unknown',
        gatingActive: 'unknown',
        source: { kind: 'fhir-document', location: expect.stringMatching(/^sgrt\.json/) },
        gaps: [],
        excursions: [],
      },
    ]);
    // A log of the same monitoring states what the document does not: the log is kept, alone.
    const withLog = link((r) =>
      r.monitoring.push(monitoring('SYN00417', '2026-03-02T08:15:00', '2026-03-02T08:23:00')),
    );
    expect(withLog.map((m) => m.id)).toEqual(['2026-03-02T08:15:00.txt']);
  });

  it('places FHIR orders and documents like the CSV rows', () => {
    const read = readFhirBundle(
      new Uint8Array(readFileSync('test/fixtures/fhir/sgrt-transaction-bundle.json')),
      'b.json',
    );
    if (!read.ok) throw new Error('fixture');
    const { courses, unlinked } = linkCourses(
      records((r) => r.fhir.push({ source: 'b.json', bundle: read.value })),
    );
    expect(courses[0]!.orders.map((o) => [o.kind, o.signature?.role])).toEqual([
      ['motion-management', 'physician'],
    ]);
    expect(courses[0]!.necessity?.signature?.signedAt).toBe('2026-02-20T14:32:00-05:00');
    // The bundle's SGRT record is for fraction 1; the treatment records hold fraction 7 only.
    expect(unlinked.map((u) => [u.what, u.reason])).toEqual([
      ['sgrt-record', 'no such fraction in the treatment records'],
    ]);
  });
});
