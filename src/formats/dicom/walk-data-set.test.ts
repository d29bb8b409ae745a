import { describe, expect, it } from 'vitest';
import { rtRecord, VMAT, writeDicom } from '../../../test/fixtures/dicom/build-rt-record.js';
import { walkDataSet } from './walk-data-set.js';

/** Where a Part 10 file's data set starts: after (0002,0000) File Meta Information Group Length. */
const dataStart = (file: Uint8Array): number =>
  144 + new DataView(file.buffer, file.byteOffset).getUint32(140, true);

describe('walkDataSet', () => {
  it('keeps the first and last control point of each beam and makes nothing for the points between', () => {
    const file = writeDicom(rtRecord(VMAT));
    const walked = walkDataSet(file, dataStart(file), false)!;
    for (const beam of walked.elements['x30080020']!.items!) {
      const points = beam.dataSet!.elements['x30080040']!.items!;
      expect(points).toHaveLength(178);
      for (const end of [points[0]!, points.at(-1)!])
        expect(Object.keys(end.dataSet!.elements).sort()).toEqual(['x30080024', 'x30080025']);
      // One shared empty item stands for every point between (PS3.3 C.8.8.22: beam-on and beam-off are
      // the first and the last).
      expect(new Set(points.slice(1, -1)).size).toBe(1);
      expect(points[1]!.dataSet!.elements).toEqual({});
    }
  });
});
