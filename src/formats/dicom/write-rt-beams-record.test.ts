import { describe, expect, it } from 'vitest';
import { groupBeamDeliveries } from './group-beam-deliveries.js';
import { readRtBeamsRecord } from './read-rt-beams-record.js';
import { type RtBeamsRecordInput, writeRtBeamsRecord } from './write-rt-beams-record.js';

const base: Omit<RtBeamsRecordInput, 'beams' | 'sopInstanceUid'> = {
  studyInstanceUid: '1.2.826.0.1.3680043.10.999.1.7.5001',
  seriesInstanceUid: '1.2.826.0.1.3680043.10.999.2.7.5001',
  patientId: 'SYN01234',
  patientName: 'TESTPATIENT^ADA',
  patientBirthDate: '1958-04-09',
  patientSex: 'F',
  treatmentDate: '2026-03-09',
  treatmentTime: '08:10:00',
  planUid: '1.2.826.0.1.3680043.10.999.3.7.5001',
  fractionsPlanned: 16,
  machineName: 'TB1',
};

const beam = (name: string, number: number, on: string, off: string, extra: object = {}) => ({
  beamNumber: number,
  beamName: name,
  radiationType: 'PHOTON',
  deliveryType: 'TREATMENT' as const,
  fractionNumber: 5,
  terminationStatus: 'NORMAL' as const,
  specifiedMeterset: 112.4,
  deliveredMeterset: 112.4,
  beamOn: `2026-03-09T${on}`,
  beamOff: `2026-03-09T${off}`,
  controlPoints: 6,
  ...extra,
});

describe('writeRtBeamsRecord', () => {
  it('reads back with the record facts: patient, plan, treatment date/time, beams and their times', () => {
    const bytes = writeRtBeamsRecord({
      ...base,
      sopInstanceUid: '1.2.826.0.1.3680043.10.999.4.7.5001.5.1',
      beams: [beam('LT TAN MED', 1, '08:12:30', '08:12:57'), beam('LT TAN LAT', 2, '08:14:02', '08:14:26')],
    });
    const r = readRtBeamsRecord(bytes, 'fx.dcm');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      sopInstanceUid: '1.2.826.0.1.3680043.10.999.4.7.5001.5.1',
      transferSyntaxUid: '1.2.840.10008.1.2.1',
      patientId: 'SYN01234',
      treatmentDate: '2026-03-09',
      treatmentDateTime: '2026-03-09T08:10:00',
      utcOffset: null,
      planUid: base.planUid,
      fractionsPlanned: 16,
      primaryDosimeterUnit: 'MU',
    });
    expect(r.value.beams).toEqual([
      expect.objectContaining({
        beamNumber: 1,
        beamName: 'LT TAN MED',
        radiationType: 'PHOTON',
        deliveryType: 'TREATMENT',
        fractionNumber: 5,
        terminationStatus: 'NORMAL',
        specifiedMeterset: 112.4,
        deliveredMeterset: 112.4,
        beamOn: '2026-03-09T08:12:30',
        beamOff: '2026-03-09T08:12:57',
        controlPoints: 6,
      }),
      expect.objectContaining({
        beamName: 'LT TAN LAT',
        beamOn: '2026-03-09T08:14:02',
        beamOff: '2026-03-09T08:14:26',
      }),
    ]);
  });

  it('an interrupted beam and its continuation in a second record group into one completed delivery', () => {
    const first = writeRtBeamsRecord({
      ...base,
      sopInstanceUid: '1.2.3.1',
      beams: [
        beam('E9', 1, '09:00:00', '09:00:12', {
          radiationType: 'ELECTRON',
          terminationStatus: 'OPERATOR',
          deliveredMeterset: 60.2,
          specifiedMeterset: 250,
        }),
      ],
    });
    const second = writeRtBeamsRecord({
      ...base,
      sopInstanceUid: '1.2.3.2',
      treatmentTime: '09:01:10',
      transferSyntax: 'implicit',
      beams: [
        beam('E9', 1, '09:01:40', '09:02:10', {
          radiationType: 'ELECTRON',
          deliveryType: 'CONTINUATION',
          deliveredMeterset: 189.8,
          specifiedMeterset: 250,
        }),
      ],
    });
    const records = [readRtBeamsRecord(first, 'a.dcm'), readRtBeamsRecord(second, 'b.dcm')].map((r) => {
      expect(r.ok).toBe(true);
      return r.ok ? r.value : null!;
    });
    expect(records[1]!.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    const [delivery] = groupBeamDeliveries(records);
    expect(delivery).toMatchObject({
      beamName: 'E9',
      radiationType: 'ELECTRON',
      beamOn: '2026-03-09T09:00:00',
      beamOff: '2026-03-09T09:02:10',
      deliveredMeterset: 250,
      metersetReached: true,
      completed: true,
      notes: [],
    });
    expect(delivery!.parts.map((p) => [p.deliveryType, p.terminationStatus])).toEqual([
      ['TREATMENT', 'OPERATOR'],
      ['CONTINUATION', 'NORMAL'],
    ]);
  });

  it('writes the UTC offset when one is given, and millisecond readings', () => {
    const r = readRtBeamsRecord(
      writeRtBeamsRecord({
        ...base,
        sopInstanceUid: '1.2.3.3',
        utcOffset: '-04:00',
        beams: [beam('ARC1', 1, '13:00:00.250', '13:01:30.750')],
      }),
      'fx.dcm',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.utcOffset).toBe('-04:00');
    expect(r.value.beams[0]).toMatchObject({
      beamOn: '2026-03-09T13:00:00.250',
      beamOff: '2026-03-09T13:01:30.750',
    });
  });
});
