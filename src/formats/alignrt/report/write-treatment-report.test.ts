import { describe, expect, it } from 'vitest';
import { readTreatmentReport } from './read-treatment-report.js';
import { type ReportSpec, STATEMENT, writeTreatmentReport } from './write-treatment-report.js';

const SPEC: ReportSpec = {
  reportDateTime: '3/9/2026 8:23 AM',
  name: 'TESTPATIENT, Ada',
  patientId: 'SYN01234',
  dateOfBirth: '4/9/1958',
  pcrNumber: '249-2701',
  start: '3/9/2026 8:10:05 AM',
  end: '3/9/2026 8:17:44 AM',
  duration: '00:07:39',
  sessions: [
    {
      title: 'MONITORING SESSION 1',
      protocol: 'Left Breast DIBH',
      planName: 'LTBR-DIBH-5001',
      isocentre: '12.5, -101.0, 33.3',
      start: '3/9/2026 8:10:05 AM',
      end: '3/9/2026 8:13:20 AM',
      duration: '00:03:15',
    },
    {
      title: 'FINAL MONITORING SESSION',
      protocol: 'Left Breast DIBH',
      planName: 'LTBR-DIBH-5001',
      isocentre: '12.5, -101.0, 33.3',
      start: '3/9/2026 8:14:02 AM',
      end: '3/9/2026 8:17:44 AM',
      duration: '00:03:42',
    },
  ],
};

describe('writeTreatmentReport', () => {
  it('reads back with the fields and sessions written (US dates, 12-hour clock)', async () => {
    const bytes = await writeTreatmentReport(SPEC, { creationDate: new Date(Date.UTC(2026, 2, 9, 12, 23)) });
    const r = await readTreatmentReport(bytes, 'report.pdf', { dateOrder: 'MDY' });
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      reportDateTime: '2026-03-09T08:23:00',
      patientName: 'TESTPATIENT, Ada',
      patientId: 'SYN01234',
      dateOfBirth: '1958-04-09',
      pcrNumber: '249-2701',
      start: '2026-03-09T08:10:05',
      end: '2026-03-09T08:17:44',
      totalDurationSec: 459,
      statement: STATEMENT,
      pageCount: 1,
    });
    expect(r.value.sessions).toEqual([
      expect.objectContaining({
        index: 1,
        protocol: 'Left Breast DIBH',
        planName: 'LTBR-DIBH-5001',
        isocentre: [12.5, -101, 33.3],
        start: '2026-03-09T08:10:05',
        end: '2026-03-09T08:13:20',
        durationSec: 195,
      }),
      expect.objectContaining({
        index: 'final',
        start: '2026-03-09T08:14:02',
        end: '2026-03-09T08:17:44',
        durationSec: 222,
      }),
    ]);
  });

  it('the same report and creation date give the same bytes', async () => {
    const at = { creationDate: new Date(Date.UTC(2026, 2, 9, 12, 23)) };
    expect(
      Buffer.from(await writeTreatmentReport(SPEC, at)).equals(
        Buffer.from(await writeTreatmentReport(SPEC, at)),
      ),
    ).toBe(true);
  });
});
