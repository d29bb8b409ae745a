import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BREAST_TANGENTS,
  type DicomJson,
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
  rtRecord,
  writeDicom,
} from '../../../test/fixtures/dicom/build-rt-record.js';
import { encodeNodes, text } from '../../../test/fixtures/dicom/encode-data-set.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { readRtBeamsRecord } from './read-rt-beams-record.js';
import type { RtBeamsRecord } from './rt-record-types.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/dicom/${name}`));

const read = (bytes: Uint8Array | string, source = 'x.dcm') => readRtBeamsRecord(bytes, source);

function value(result: ReturnType<typeof readRtBeamsRecord>): RtBeamsRecord {
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.value;
}

function problems(result: ReturnType<typeof readRtBeamsRecord>): InputProblem[] {
  if (result.ok) throw new Error('expected problems, got a record');
  return result.problems;
}

const warnings = (result: ReturnType<typeof readRtBeamsRecord>): InputProblem[] =>
  result.ok ? result.warnings : [];

/** The public fixture's content (SOURCE.md), field by field. */
const TANGENT_BEAMS = [
  {
    index: 0,
    beamNumber: 1,
    beamName: 'LT MED',
    radiationType: 'PHOTON',
    deliveryType: 'TREATMENT',
    fractionNumber: 7,
    terminationStatus: 'NORMAL',
    terminationCode: null,
    specifiedMeterset: 112,
    deliveredMeterset: 112,
    beamOn: '2026-03-02T08:16:40.000',
    beamOff: '2026-03-02T08:17:35.000',
    controlPoints: 12,
  },
  {
    index: 1,
    beamNumber: 2,
    beamName: 'LT LAT',
    radiationType: 'PHOTON',
    deliveryType: 'TREATMENT',
    fractionNumber: 7,
    terminationStatus: 'OPERATOR',
    terminationCode: null,
    specifiedMeterset: 118,
    deliveredMeterset: 64.3,
    beamOn: '2026-03-02T08:18:10.000',
    beamOff: '2026-03-02T08:19:00.000',
    controlPoints: 10,
  },
];

describe('readRtBeamsRecord on the fixtures', () => {
  it('reads the public DCMTK fixture to exactly the values of its SOURCE.md', () => {
    const result = read(fixture('rtrecord-breast-tangents.dcm'), 'rtrecord-breast-tangents.dcm');
    expect(result).toEqual({
      ok: true,
      value: {
        source: 'rtrecord-breast-tangents.dcm',
        sopInstanceUid: '1.2.826.0.1.3680043.10.999.1.1',
        transferSyntaxUid: IMPLICIT_VR_LITTLE_ENDIAN,
        patientId: 'SYN00417',
        treatmentDate: '2026-03-02',
        treatmentDateTime: '2026-03-02T08:16:10.000',
        utcOffset: null,
        planUid: '1.2.826.0.1.3680043.10.999.7',
        fractionsPlanned: 25,
        primaryDosimeterUnit: null,
        beams: TANGENT_BEAMS,
      },
      warnings: [],
    });
  });

  it('reads the same content written in explicit VR little endian by dcmjs to the same beams', () => {
    const record = value(read(fixture('rtrecord-breast-tangents-explicit.dcm')));
    expect(record.transferSyntaxUid).toBe(EXPLICIT_VR_LITTLE_ENDIAN);
    expect(record.beams).toEqual(TANGENT_BEAMS);
    expect(record.patientId).toBe('SYN00417');
    expect(record.planUid).toBe('1.2.826.0.1.3680043.10.999.7');
    expect(record.primaryDosimeterUnit).toBe('MU');
  });

  it.each([
    [
      'rtrecord-lt-lat-continuation.dcm',
      {
        sopInstanceUid: '1.2.826.0.1.3680043.10.999.1.2',
        treatmentDateTime: '2026-03-02T08:21:30.000',
        utcOffset: null,
        beams: [
          [
            'LT LAT',
            2,
            'CONTINUATION',
            7,
            'NORMAL',
            53.7,
            53.7,
            '2026-03-02T08:21:40.000',
            '2026-03-02T08:22:25.000',
          ],
        ],
      },
    ],
    [
      'rtrecord-utc-offset.dcm',
      {
        sopInstanceUid: '1.2.826.0.1.3680043.10.999.1.3',
        treatmentDateTime: '2026-03-03T08:14:05',
        utcOffset: '-05:00',
        beams: [
          [
            'LT MED',
            1,
            'TREATMENT',
            8,
            'NORMAL',
            112,
            112,
            '2026-03-03T08:14:30.000',
            '2026-03-03T08:15:25.000',
          ],
          [
            'LT LAT',
            2,
            'TREATMENT',
            8,
            'NORMAL',
            118,
            118,
            '2026-03-03T08:16:00.000',
            '2026-03-03T08:17:00.000',
          ],
        ],
      },
    ],
  ])('reads %s', (name, expected) => {
    const result = read(fixture(name), name);
    expect(warnings(result)).toEqual([]);
    const record = value(result);
    expect({
      sopInstanceUid: record.sopInstanceUid,
      treatmentDateTime: record.treatmentDateTime,
      utcOffset: record.utcOffset,
      beams: record.beams.map((b) => [
        b.beamName,
        b.beamNumber,
        b.deliveryType,
        b.fractionNumber,
        b.terminationStatus,
        b.specifiedMeterset,
        b.deliveredMeterset,
        b.beamOn,
        b.beamOff,
      ]),
    }).toEqual(expected);
    // Local readings stay local: the offset is returned beside them, never applied.
    expect(record.beams.every((b) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/.test(b.beamOn))).toBe(
      true,
    );
  });

  it('refuses another SOP class, naming the class found', () => {
    expect(problems(read(fixture('rtplan-header.dcm'), 'rtplan-header.dcm'))).toEqual([
      {
        location: 'rtplan-header.dcm:(0008,0016)',
        message: expect.stringMatching(
          /^SOP Class UID is "1\.2\.840\.10008\.5\.1\.4\.1\.1\.481\.5" \(RT Plan\): this reader reads RT Beams Treatment Records \(1\.2\.840\.10008\.5\.1\.4\.1\.1\.481\.4\)/,
        ),
      },
    ]);
  });
});

describe('PHI stays out of problems and warnings', () => {
  const PHI = ['LEAKCHECK', 'ROSALIND', 'QUINN', 'PHI-LEAK-7731', '19411225', '1941'];
  const assertNoPhi = (list: InputProblem[]) => {
    for (const p of list)
      for (const secret of PHI) expect(`${p.location} ${p.message}`).not.toContain(secret);
  };

  it('lists every problem of a broken record by tag path, without its values', () => {
    const list = problems(read(fixture('rtrecord-phi-problems.dcm'), 'p.dcm'));
    expect(list.map((p) => p.location)).toEqual([
      'p.dcm:(3008,0250)',
      'p.dcm:(3008,0020)[0]>(3008,0022)',
      'p.dcm:(3008,0020)[0]>(3008,002A)',
      'p.dcm:(3008,0020)[0]>(3008,0040)[0]>(3008,0025)',
      'p.dcm:(3008,0020)[1]>(3008,0040)',
    ]);
    expect(list.map((p) => p.message)).toEqual([
      'Treatment Date is not valid: expected a date YYYYMMDD (DA)',
      'Current Fraction Number is not a valid integer string (IS): expected an integer ≥ 0',
      'Treatment Termination Status has a value that is not defined: expected NORMAL, OPERATOR, MACHINE, UNKNOWN',
      'Treatment Control Point Time is not valid: expected a time HHMMSS.FFFFFF, HHMMSS, HHMM or HH (TM)',
      'Control Point Delivery Sequence is missing: the beam-on and beam-off times are unknown',
    ]);
    assertNoPhi(list);
    for (const p of list) {
      for (const found of ['20260231', 'FINISHED', 'seven', '256100']) expect(p.message).not.toContain(found);
    }
  });

  it('returns the Patient ID as data and keeps it out of the warnings', () => {
    const result = read(fixture('rtrecord-phi-warnings.dcm'), 'w.dcm');
    const record = value(result);
    expect(record.patientId).toBe('PHI-LEAK-7731');
    expect(warnings(result).map((w) => w.location)).toEqual([
      'w.dcm:(300C,0002)',
      'w.dcm:(3008,0020)[0]>(300A,00C2)',
      'w.dcm:(3008,0020)[0]>(3008,0022)',
      'w.dcm:(3008,0020)[1]>(300A,00C6)',
      'w.dcm:(3008,0020)[1]>(3008,0036)',
      'w.dcm:(3008,0020)[1]>(3008,0040)[0]>(3008,0025)',
    ]);
    assertNoPhi(warnings(result));
    expect(record.planUid).toBeNull();
    expect(
      record.beams.map((b) => [b.beamName, b.fractionNumber, b.radiationType, b.deliveredMeterset]),
    ).toEqual([
      [null, null, 'PHOTON', 112],
      ['LT LAT', 7, null, null],
    ]);
    expect(record.beams[1]!.beamOn).toBe('2026-03-02T08:18:10.000'); // ACR-NEMA time, read anyway
  });

  it('keeps a recognisable patient out of every refusal of the fixture', () => {
    const bytes = fixture('rtrecord-phi-problems.dcm');
    const refusals = [read(bytes.subarray(0, 700)), read(bytes.subarray(0, 1500)), read(bytes.subarray(200))];
    for (const r of refusals) assertNoPhi(problems(r));
  });
});

/** The public fixture's content, changed by `edit` and written by dcmjs (implicit VR unless stated). */
function variant(
  edit: (ds: DicomJson, beams: DicomJson[]) => void,
  syntax = IMPLICIT_VR_LITTLE_ENDIAN,
): Uint8Array {
  const ds = rtRecord(BREAST_TANGENTS);
  edit(ds, ds.TreatmentSessionBeamSequence as DicomJson[]);
  return writeDicom(ds, syntax);
}
const points = (beam: DicomJson | undefined) => beam!.ControlPointDeliverySequence as DicomJson[];

describe('readRtBeamsRecord: refused records', () => {
  it.each<[string, Uint8Array | (() => Uint8Array), string, RegExp]>([
    ['an empty file', new Uint8Array(0), 'x.dcm:byte 0', /empty/],
    ['text', new TextEncoder().encode('Patient ID,Beam\nA,B\n'), 'x.dcm:byte 128', /not a DICOM file/],
    [
      'no SOP Class UID',
      () => variant((ds) => delete ds.SOPClassUID),
      'x.dcm:(0008,0016)',
      /missing or empty/,
    ],
    [
      'a malformed SOP Class UID (not echoed)',
      () => variant((ds) => (ds.SOPClassUID = 'SMITH^JOHN')),
      'x.dcm:(0008,0016)',
      /^SOP Class UID is not a valid UID:/,
    ],
    ['no SOP Instance UID', () => variant((ds) => delete ds.SOPInstanceUID), 'x.dcm:(0008,0018)', /required/],
    [
      'no Treatment Session Beam Sequence',
      () => variant((ds) => delete ds.TreatmentSessionBeamSequence),
      'x.dcm:(3008,0020)',
      /is missing: the record holds no delivered beam/,
    ],
    [
      'an empty Treatment Session Beam Sequence',
      () => variant((ds) => (ds.TreatmentSessionBeamSequence = [])),
      'x.dcm:(3008,0020)',
      /has no items/,
    ],
    [
      'a beam with neither number nor name',
      () =>
        variant((_, [beam]) => {
          delete beam!.BeamName;
          delete beam!.ReferencedBeamNumber;
        }),
      'x.dcm:(3008,0020)[0]>(300A,00C2)',
      /cannot be identified/,
    ],
    [
      'a missing Treatment Termination Status',
      () => variant((_, [, beam]) => delete beam!.TreatmentTerminationStatus),
      'x.dcm:(3008,0020)[1]>(3008,002A)',
      /missing or empty: it is required/,
    ],
    [
      'a Delivered Primary Meterset that is not a number',
      () => variant((_, [beam]) => (beam!.DeliveredPrimaryMeterset = '112,0')),
      'x.dcm:(3008,0020)[0]>(3008,0036)',
      /decimal string \(DS\)/,
    ],
    [
      'a negative Specified Primary Meterset',
      () => variant((_, [beam]) => (beam!.SpecifiedPrimaryMeterset = '-1')),
      'x.dcm:(3008,0020)[0]>(3008,0032)',
      /≥ 0/,
    ],
    [
      'a Referenced Beam Number that is not an integer',
      () => variant((_, [beam]) => (beam!.ReferencedBeamNumber = '1.5')),
      'x.dcm:(3008,0020)[0]>(300C,0006)',
      /integer string \(IS\)/,
    ],
    [
      'two Beam Names in one',
      () => variant((_, [beam]) => (beam!.BeamName = 'LT MED\\LT LAT')),
      'x.dcm:(3008,0020)[0]>(300A,00C2)',
      /several values/,
    ],
    [
      'an empty Control Point Delivery Sequence',
      () => variant((_, [beam]) => (beam!.ControlPointDeliverySequence = [])),
      'x.dcm:(3008,0020)[0]>(3008,0040)',
      /has no items/,
    ],
    [
      'a last control point without a date',
      () => variant((_, [beam]) => delete points(beam).at(-1)!.TreatmentControlPointDate),
      'x.dcm:(3008,0020)[0]>(3008,0040)[11]>(3008,0024)',
      /required/,
    ],
    [
      'a first control point with an invalid date',
      () => variant((_, [, beam]) => (points(beam)[0]!.TreatmentControlPointDate = '20261302')),
      'x.dcm:(3008,0020)[1]>(3008,0040)[0]>(3008,0024)',
      /expected a date YYYYMMDD/,
    ],
    [
      'a Timezone Offset From UTC that is not &ZZXX',
      () => variant((ds) => (ds.TimezoneOffsetFromUTC = 'EST')),
      'x.dcm:(0008,0201)',
      /expected a UTC offset/,
    ],
    [
      'an offset out of range',
      () => variant((ds) => (ds.TimezoneOffsetFromUTC = '+1500')),
      'x.dcm:(0008,0201)',
      /expected a UTC offset/,
    ],
    [
      'an invalid Treatment Time',
      () => variant((ds) => (ds.TreatmentTime = '8:16')),
      'x.dcm:(3008,0251)',
      /expected a time/,
    ],
    [
      'big endian (retired)',
      () => writeDicom(rtRecord(BREAST_TANGENTS), '1.2.840.10008.1.2.2'),
      'x.dcm:(0002,0010)',
      /"1\.2\.840\.10008\.1\.2\.2" is not supported/,
    ],
    [
      'a deflated data set (never inflated)',
      () => writeDicom(rtRecord(BREAST_TANGENTS), '1.2.840.10008.1.2.1.99'),
      'x.dcm:(0002,0010)',
      /"1\.2\.840\.10008\.1\.2\.1\.99" is not supported/,
    ],
    [
      'a JPEG transfer syntax',
      () => writeDicom(rtRecord(BREAST_TANGENTS), '1.2.840.10008.1.2.4.50'),
      'x.dcm:(0002,0010)',
      /is not supported/,
    ],
  ])('refuses %s', (_, input, location, message) => {
    const bytes = typeof input === 'function' ? input() : input;
    const list = problems(read(bytes));
    expect(list).toContainEqual({ location, message: expect.stringMatching(message) });
  });

  it('refuses decoded text (a string that is not one byte per character)', () => {
    expect(problems(read('DICM ☃'))).toEqual([
      { location: 'x.dcm:byte 0', message: expect.stringMatching(/read the DICOM file as binary/) },
    ]);
  });

  it('refuses an attribute written with another VR (explicit VR)', () => {
    const ds = rtRecord(BREAST_TANGENTS);
    const bytes = writeDicom(ds, EXPLICIT_VR_LITTLE_ENDIAN, (encoded) => {
      const beam = (encoded['30080020']!.Value as Record<string, { vr: string; Value: unknown[] }>[])[0]!;
      beam['30080036'] = { vr: 'FD', Value: [112] };
    });
    expect(problems(read(bytes))).toEqual([
      {
        location: 'x.dcm:(3008,0020)[0]>(3008,0036)',
        message: 'Delivered Primary Meterset has VR FD: expected DS',
      },
    ]);
  });
});

describe('readRtBeamsRecord: tolerated oddities', () => {
  it('reads a bare data set without preamble or file meta information, implicit or explicit VR', () => {
    for (const [name, syntax] of [
      ['rtrecord-breast-tangents.dcm', 'implicit'],
      ['rtrecord-breast-tangents-explicit.dcm', 'explicit'],
    ] as const) {
      const part10 = fixture(name);
      // The data set starts at the first element after the meta group (its length is (0002,0000), at 140).
      const metaEnd = 144 + new DataView(part10.buffer, part10.byteOffset).getUint32(140, true);
      const result = read(part10.subarray(metaEnd), 'bare.dcm');
      expect(value(result).beams).toEqual(TANGENT_BEAMS);
      expect(value(result).transferSyntaxUid).toBe(
        syntax === 'implicit' ? IMPLICIT_VR_LITTLE_ENDIAN : EXPLICIT_VR_LITTLE_ENDIAN,
      );
      expect(warnings(result)).toEqual([
        {
          location: 'bare.dcm:byte 0',
          message: expect.stringMatching(`bare data set in ${syntax} VR little endian`),
        },
      ]);
    }
  });

  it('reads a data set whose VR encoding contradicts its Transfer Syntax UID, with a warning', () => {
    const metaEnd = (b: Uint8Array) => 144 + new DataView(b.buffer, b.byteOffset).getUint32(140, true);
    const implicit = fixture('rtrecord-breast-tangents.dcm');
    const explicit = fixture('rtrecord-breast-tangents-explicit.dcm');
    for (const [meta, data, says, is] of [
      [implicit, explicit, 'implicit', EXPLICIT_VR_LITTLE_ENDIAN],
      [explicit, implicit, 'explicit', IMPLICIT_VR_LITTLE_ENDIAN],
    ] as const) {
      const spliced = new Uint8Array([...meta.subarray(0, metaEnd(meta)), ...data.subarray(metaEnd(data))]);
      const result = read(spliced);
      expect(value(result).beams).toEqual(TANGENT_BEAMS);
      expect(value(result).transferSyntaxUid).toBe(is);
      expect(warnings(result)).toEqual([
        {
          location: 'x.dcm:(0002,0010)',
          message: expect.stringMatching(`says ${says} VR but the data set is`),
        },
      ]);
    }
  });

  // PS3.5 7.1.3: in implicit VR, a value of fewer than 4 bytes (or an empty one) may end the file, and so
  // may the item delimitation item (PS3.5 7.5.2) of the last item of a defined-length sequence. Neither is
  // a truncation: dicom-parser peeks 4 bytes past such an element to guess whether it is a sequence, and
  // warns of an end of file when they are not there.
  it.each([
    ['an empty Type 2 attribute', [text(0x300e0002, 'CS', '')]],
    ['a 2-byte private creator', [text(0x30110010, 'LO', 'AB')]],
    [
      'a defined-length sequence whose last item has undefined length',
      [
        {
          tag: 0x300e0008,
          undefinedLength: false,
          items: [{ nodes: [text(0x300e0004, 'DA', '20260302')], undefinedLength: true }],
        },
      ],
    ],
  ] as const)('reads an implicit VR file ending in %s, in both readings', (_, nodes) => {
    const base = fixture('rtrecord-breast-tangents.dcm');
    const tail = encodeNodes(nodes, false);
    const bytes = new Uint8Array([...base, ...tail]);
    for (const reading of ['walker', 'dicom-parser'] as const) {
      const result = readRtBeamsRecord(bytes, 'x.dcm', reading);
      expect(value(result).beams).toEqual(TANGENT_BEAMS);
      expect(warnings(result)).toEqual(warnings(read(base)));
    }
  });

  it('locates a truncation by its byte offset in the file as given', () => {
    const bytes = fixture('rtrecord-breast-tangents.dcm');
    const cut = problems(read(bytes.subarray(0, 2000)));
    const cutWithoutPreamble = problems(read(bytes.subarray(132, 2000)));
    expect(cut).toEqual([
      { location: 'x.dcm:byte 624', message: expect.stringMatching(/after \(0020,0013\).*truncated/) },
    ]);
    expect(cutWithoutPreamble[0]!.location).toBe(`x.dcm:byte ${624 - 132}`);
  });

  it('reads file meta information without the 128-byte preamble', () => {
    const result = read(fixture('rtrecord-breast-tangents.dcm').subarray(132));
    expect(value(result).beams).toEqual(TANGENT_BEAMS);
    expect(warnings(result)[0]!.message).toMatch(/no 128-byte preamble/);
  });

  it('takes a binary string (one byte per character) like bytes', () => {
    const bytes = fixture('rtrecord-breast-tangents.dcm');
    const binary = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    expect(value(read(binary)).beams).toEqual(TANGENT_BEAMS);
  });

  it('returns nulls for empty Type 2 session attributes, without warnings', () => {
    const result = read(
      variant((ds) => {
        ds.TreatmentDate = '';
        ds.TreatmentTime = '';
        ds.NumberOfFractionsPlanned = '';
      }),
    );
    expect(value(result)).toMatchObject({
      treatmentDate: null,
      treatmentDateTime: null,
      fractionsPlanned: null,
    });
    expect(warnings(result)).toEqual([]);
  });

  it.each<[string, (ds: DicomJson, beams: DicomJson[]) => void, string, RegExp]>([
    [
      'an empty Patient ID',
      (ds) => (ds.PatientID = ''),
      'x.dcm:(0010,0020)',
      /cannot be matched to a patient/,
    ],
    [
      'two referenced plans',
      (ds) =>
        (ds.ReferencedRTPlanSequence = [
          ...(ds.ReferencedRTPlanSequence as DicomJson[]),
          { ReferencedSOPInstanceUID: '1.2.3' },
        ]),
      'x.dcm:(300C,0002)',
      /has 2 items: the first plan is used/,
    ],
    [
      'a referenced plan without its UID',
      (ds) => (ds.ReferencedRTPlanSequence = [{ ReferencedSOPClassUID: '1.2.840.10008.5.1.4.1.1.481.5' }]),
      'x.dcm:(300C,0002)[0]>(0008,1155)',
      /cannot be grouped by plan/,
    ],
    [
      'a delivery type that is not a defined term',
      (_, [beam]) => (beam!.TreatmentDeliveryType = 'RESUMED'),
      'x.dcm:(3008,0020)[0]>(300A,00CE)',
      /not a defined term .*; kept as read/,
    ],
    [
      'an ACR-NEMA date',
      (_, [beam]) => (points(beam)[0]!.TreatmentControlPointDate = '2026.03.02'),
      'x.dcm:(3008,0020)[0]>(3008,0040)[0]>(3008,0024)',
      /ACR-NEMA form YYYY\.MM\.DD/,
    ],
    [
      'a beam that ends before it starts',
      (_, [beam]) => (points(beam).at(-1)!.TreatmentControlPointTime = '081000'),
      'x.dcm:(3008,0020)[0]>(3008,0040)',
      /ends before it starts/,
    ],
    [
      'a character set that is not decoded',
      (ds) => (ds.SpecificCharacterSet = 'ISO 2022 IR 87'),
      'x.dcm:(0008,0005)',
      /not decoded/,
    ],
  ])('warns about %s', (_, edit, location, message) => {
    const result = read(variant(edit));
    expect(result.ok).toBe(true);
    expect(warnings(result)).toContainEqual({ location, message: expect.stringMatching(message) });
  });

  it('decodes UTF-8 text when (0008,0005) is ISO_IR 192, Latin-1 otherwise', () => {
    const named = (charset: string) =>
      value(
        read(
          variant((ds, [beam]) => {
            ds.SpecificCharacterSet = charset;
            beam!.BeamName = 'Tangente médiale';
          }),
        ),
      ).beams[0]!.beamName;
    expect(named('ISO_IR 192')).toBe('Tangente médiale');
    expect(named('ISO_IR 100')).not.toBe('Tangente médiale'); // dcmjs wrote UTF-8 bytes; read as Latin-1
  });

  it('reads a control point time with fractional digits and a single control point', () => {
    const record = value(
      read(
        variant((_, [beam]) => {
          beam!.ControlPointDeliverySequence = [points(beam)[0]!];
          points(beam)[0]!.TreatmentControlPointTime = '081640.123456';
        }),
      ),
    );
    expect(record.beams[0]).toMatchObject({
      beamOn: '2026-03-02T08:16:40.123',
      beamOff: '2026-03-02T08:16:40.123',
      controlPoints: 1,
    });
  });
});
