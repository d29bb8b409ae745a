import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBeamDeliveries } from './group-beam-deliveries.js';
import { readRtBeamsRecord } from './read-rt-beams-record.js';
import type { RtBeamSessionRecord, RtBeamsRecord } from './rt-record-types.js';

function record(name: string): RtBeamsRecord {
  const result = readRtBeamsRecord(new Uint8Array(readFileSync(`test/fixtures/dicom/${name}`)), name);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const tangents = record('rtrecord-breast-tangents.dcm');
const continuation = record('rtrecord-lt-lat-continuation.dcm');
const nextDay = record('rtrecord-utc-offset.dcm');

/** A record built directly (no DICOM) for the edge cases of grouping. */
function synthetic(
  uid: string,
  beams: Partial<RtBeamSessionRecord>[],
  overrides: Partial<RtBeamsRecord> = {},
): RtBeamsRecord {
  return {
    source: `${uid}.dcm`,
    sopInstanceUid: uid,
    transferSyntaxUid: '1.2.840.10008.1.2',
    patientId: 'P1',
    treatmentDate: '2026-03-02',
    treatmentDateTime: '2026-03-02T08:00:00',
    utcOffset: null,
    planUid: '1.2.3',
    fractionsPlanned: 25,
    primaryDosimeterUnit: 'MU',
    beams: beams.map((b, index) => ({
      index,
      beamNumber: 1,
      beamName: 'AP',
      radiationType: 'PHOTON',
      deliveryType: 'TREATMENT',
      fractionNumber: 1,
      terminationStatus: 'NORMAL',
      terminationCode: null,
      specifiedMeterset: 100,
      deliveredMeterset: 100,
      beamOn: '2026-03-02T08:00:00',
      beamOff: '2026-03-02T08:01:00',
      controlPoints: 2,
      ...b,
    })),
    ...overrides,
  };
}

describe('groupBeamDeliveries', () => {
  it('joins the interrupted LT LAT with its continuation record into one completed delivery', () => {
    const deliveries = groupBeamDeliveries([continuation, tangents]);
    expect(deliveries.map((d) => [d.beamName, d.fractionNumber, d.parts.length, d.completed])).toEqual([
      ['LT MED', 7, 1, true],
      ['LT LAT', 7, 2, true],
    ]);
    const latLat = deliveries[1]!;
    expect(latLat).toMatchObject({
      patientId: 'SYN00417',
      planUid: '1.2.826.0.1.3680043.10.999.7',
      beamNumber: 2,
      radiationType: 'PHOTON',
      beamOn: '2026-03-02T08:18:10.000', // the first part's start
      beamOff: '2026-03-02T08:22:25.000', // the last part's end
      utcOffset: null,
      specifiedMeterset: 118, // the larger: the continuation states only the remaining 53.7
      deliveredMeterset: 118, // 64.3 + 53.7, exactly
      metersetReached: true,
      endedNormally: true,
      notes: [],
    });
    expect(
      latLat.parts.map((p) => [p.source, p.deliveryType, p.terminationStatus, p.deliveredMeterset]),
    ).toEqual([
      ['rtrecord-breast-tangents.dcm', 'TREATMENT', 'OPERATOR', 64.3],
      ['rtrecord-lt-lat-continuation.dcm', 'CONTINUATION', 'NORMAL', 53.7],
    ]);
  });

  it('says the interrupted beam is not completed while its continuation is missing', () => {
    const [, lat] = groupBeamDeliveries([tangents]);
    expect(lat).toMatchObject({
      beamName: 'LT LAT',
      deliveredMeterset: 64.3,
      specifiedMeterset: 118,
      metersetReached: false,
      endedNormally: false,
      completed: false,
      beamOff: '2026-03-02T08:19:00.000',
    });
  });

  it('flags a continuation whose first part is missing', () => {
    const [lat] = groupBeamDeliveries([continuation]);
    expect(lat!.notes).toEqual(['starts-with-continuation']);
  });

  it('keeps fractions apart and orders deliveries by beam-on, with the record offset', () => {
    const deliveries = groupBeamDeliveries([nextDay, continuation, tangents]);
    expect(deliveries.map((d) => [d.fractionNumber, d.beamName, d.beamOn, d.utcOffset])).toEqual([
      [7, 'LT MED', '2026-03-02T08:16:40.000', null],
      [7, 'LT LAT', '2026-03-02T08:18:10.000', null],
      [8, 'LT MED', '2026-03-03T08:14:30.000', '-05:00'],
      [8, 'LT LAT', '2026-03-03T08:16:00.000', '-05:00'],
    ]);
    expect(deliveries.every((d) => d.completed)).toBe(true);
  });

  // One machine delivers one beam at a time; a CONTINUATION delivers the rest after the interruption
  // (PS3.3 C.8.8.22): a re-exported record (new SOP Instance UID) at the same or overlapping times repeats it.
  it.each<[string, Partial<RtBeamSessionRecord>, number, boolean]>([
    ['identical times (a re-export)', {}, 1, true],
    ['overlapping times', { beamOn: '2026-03-02T08:00:30', beamOff: '2026-03-02T08:01:30' }, 1, true],
    [
      'a continuation after the end',
      { beamOn: '2026-03-02T08:02:00', beamOff: '2026-03-02T08:03:00', deliveryType: 'CONTINUATION' },
      2,
      false,
    ],
  ])('a second record with %s: %i part(s), repeat noted %s', (_name, second, parts, repeated) => {
    const [d] = groupBeamDeliveries([synthetic('1.1', [{}]), synthetic('1.2', [second])]);
    expect(d!.parts.length).toBe(parts);
    expect(d!.notes.includes('repeated-record')).toBe(repeated);
  });

  it('counts a record given twice once', () => {
    const once = groupBeamDeliveries([tangents, continuation]);
    expect(groupBeamDeliveries([tangents, continuation, tangents, continuation])).toEqual(once);
  });

  it('gives the same deliveries whatever the order of the records', () => {
    const records = [tangents, continuation, nextDay];
    const expected = groupBeamDeliveries(records);
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: 3, maxLength: 3 }), (shuffled) => {
        expect(groupBeamDeliveries(shuffled)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it.each<[string, RtBeamsRecord[], Record<string, unknown>]>([
    [
      'completion from NORMAL when the meterset is not stated',
      [synthetic('a', [{ deliveredMeterset: null }])],
      { deliveredMeterset: null, metersetReached: null, completed: true },
    ],
    [
      'not completed when an OPERATOR stop has no meterset',
      [synthetic('a', [{ deliveredMeterset: null, terminationStatus: 'OPERATOR' }])],
      { metersetReached: null, endedNormally: false, completed: false },
    ],
    [
      'completed by meterset within the tolerance despite a MACHINE stop',
      [synthetic('a', [{ deliveredMeterset: 99.95, terminationStatus: 'MACHINE' }])],
      { metersetReached: true, endedNormally: false, completed: true },
    ],
    [
      'a NORMAL end short of the specified meterset is noted',
      [synthetic('a', [{ deliveredMeterset: 80 }])],
      { metersetReached: false, completed: true, notes: ['normal-but-short'] },
    ],
    [
      'more than specified is noted',
      [synthetic('a', [{ deliveredMeterset: 120 }])],
      { completed: true, notes: ['delivered-exceeds-specified'] },
    ],
    [
      'a repeated full treatment is noted',
      [
        synthetic('a', [{}]),
        synthetic('b', [{ beamOn: '2026-03-02T09:00:00', beamOff: '2026-03-02T09:01:00' }]),
      ],
      {
        deliveredMeterset: 200,
        notes: ['several-treatment-parts', 'delivered-exceeds-specified', 'part-after-normal-end'],
      },
    ],
    [
      'parts stating different UTC offsets are noted',
      [
        synthetic('a', [{ terminationStatus: 'OPERATOR', deliveredMeterset: 40 }], { utcOffset: '-05:00' }),
        synthetic('b', [
          { deliveryType: 'CONTINUATION', deliveredMeterset: 60, beamOn: '2026-03-02T08:05:00' },
        ]),
      ],
      { completed: true, deliveredMeterset: 100, utcOffset: '-05:00', notes: ['utc-offsets-differ'] },
    ],
    [
      'a beam without a number is keyed by its name',
      [
        synthetic('a', [{ beamNumber: null, terminationStatus: 'OPERATOR', deliveredMeterset: 30 }]),
        synthetic('b', [
          {
            beamNumber: null,
            deliveryType: 'CONTINUATION',
            deliveredMeterset: 70,
            beamOn: '2026-03-02T08:10:00',
          },
        ]),
      ],
      { beamNumber: null, beamName: 'AP', deliveredMeterset: 100, completed: true },
    ],
  ])('%s', (_, records, expected) => {
    const deliveries = groupBeamDeliveries(records);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ notes: [], ...expected });
  });

  it('keeps apart beams of other plans, patients, fractions and numbers', () => {
    const base = synthetic('a', [{}]);
    const deliveries = groupBeamDeliveries([
      base,
      synthetic('b', [{}], { planUid: '1.2.4' }),
      synthetic('c', [{}], { patientId: 'P2' }),
      synthetic('d', [{ fractionNumber: 2 }]),
      synthetic('e', [{ beamNumber: 2 }]),
    ]);
    expect(deliveries).toHaveLength(5);
  });

  it('honours a custom meterset tolerance', () => {
    const records = [synthetic('a', [{ deliveredMeterset: 99.5, terminationStatus: 'OPERATOR' }])];
    expect(groupBeamDeliveries(records)[0]!.completed).toBe(false);
    expect(groupBeamDeliveries(records, { metersetTolerance: 0.5 })[0]!.completed).toBe(true);
  });
});
