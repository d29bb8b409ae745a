import { addDays } from '../../core/time/calendar-date.js';
import { writeCsv } from '../../formats/csv/write-csv.js';
import { writeRtBeamsRecord } from '../../formats/dicom/write-rt-beams-record.js';
import { writeRtdLog } from '../../formats/alignrt/rtd/write-rtd-log.js';
import type { ClinicFile } from './clinic-files.js';
import type { SimClinic, SimMonitoring } from './clinic-model.js';
import { formatLocal, wallClock } from './clinic-time.js';
import { HISTORY_HEADER, UID_ROOT } from './emit-records.js';
import { hashSeed } from './prng.js';
import { simulateSession } from './simulate-monitoring.js';

/**
 * Records of the export that match no course, as every real export holds some: the linking lists each
 * with its reason (Unlinked records) instead of dropping or guessing it. Two patients treated early on
 * the last treatment day (before the first 07:00 slot) whose courses the billing system's course list
 * does not have yet (transferred in from another centre): one recorded in DICOM with an AlignRT set-up
 * log, one in the record-and-verify history; and a DIBH coaching session of a breath-hold course at its
 * CT simulation, the day before its first fraction (AlignRT logs it; no fraction is near it). Their ids
 * are `SYN9…`: the courses' patients are `SYN0…`. No draw from the clinic's random streams, so the
 * courses and their expected outcome are the same with or without these records. Their files are in
 * `unlisted/` folders, so a check of the files against the ground truth can tell them apart.
 */
export function* unlinkedRecords(clinic: SimClinic): Generator<ClinicFile> {
  const day = clinic.days.at(-1)!;
  const transfer = UNLISTED[0];
  const dicomAt = { on: wallClock(day, 6, 31, 10), off: wallClock(day, 6, 32, 40) };
  yield {
    path: `treatment-records/dicom/${UNLISTED_FOLDER}/${transfer.id}-${day}.dcm`,
    data: writeRtBeamsRecord({
      sopInstanceUid: `${UID_ROOT}.4.${clinic.seed}.9001.1.1`,
      studyInstanceUid: `${UID_ROOT}.1.${clinic.seed}.9001`,
      seriesInstanceUid: `${UID_ROOT}.2.${clinic.seed}.9001`,
      patientId: transfer.id,
      patientName: `${transfer.family.toUpperCase()}^${transfer.given.toUpperCase()}`,
      patientBirthDate: transfer.birthDate,
      patientSex: transfer.sex,
      treatmentDate: day,
      treatmentTime: formatLocal(dicomAt.on - 90_000).slice(11, 19),
      planUid: `${UID_ROOT}.3.${clinic.seed}.9001`,
      fractionsPlanned: 25,
      machineName: 'TB1',
      beams: [
        {
          beamNumber: 1,
          beamName: 'ARC1',
          radiationType: 'PHOTON',
          deliveryType: 'TREATMENT',
          fractionNumber: 14,
          terminationStatus: 'NORMAL',
          specifiedMeterset: 212.4,
          deliveredMeterset: 212.4,
          beamOn: formatLocal(dicomAt.on),
          beamOff: formatLocal(dicomAt.off),
          controlPoints: 4,
        },
      ],
    }),
  };
  yield rtdFile(`alignrt/rtd/${UNLISTED_FOLDER}/${transfer.id}-${day}-1.txt`, transfer.id, {
    k: 1,
    id: `${transfer.id}-${day}-1.txt`,
    start: wallClock(day, 6, 26, 0),
    end: wallClock(day, 6, 33, 30),
    mode: 'setup-only',
    events: [],
    seed: hashSeed(clinic.seed, 'unlinked', transfer.id),
  });

  const history = UNLISTED[1];
  const [y, m, d] = day.split('-');
  yield {
    path: `treatment-records/${UNLISTED_FOLDER}/rv-history-${day}.csv`,
    data: writeCsv(
      [
        HISTORY_HEADER,
        ...[
          ['LAO', '06:45:12', '06:45:58', 98.2],
          ['RPO', '06:47:05', '06:47:49', 96.5],
        ].map(([field, on, off, mu]) => [
          history.id,
          `${history.family}, ${history.given}`,
          `${m}/${d}/${y}`,
          'PALL-SPINE',
          String(field),
          '6X',
          String(on),
          String(off),
          Number(mu).toFixed(1),
          Number(mu).toFixed(1),
          3,
          'TB1',
        ]),
      ],
      { quote: 'all' },
    ),
  };

  // A breath-hold course's coaching session at CT simulation: its patient's, at no fraction's time.
  const dibh = clinic.courses.find((c) => c.ammMode !== null && c.fractions.some((f) => f.delivered));
  if (dibh) {
    const sim = addDays(dibh.fractions[0]!.date, -1);
    yield rtdFile(`alignrt/rtd/${UNLISTED_FOLDER}/${dibh.courseId}-simulation-1.txt`, dibh.patient.id, {
      k: 1,
      id: `${dibh.courseId}-simulation-1.txt`,
      start: wallClock(sim, 13, 40, 0),
      end: wallClock(sim, 13, 52, 0),
      mode: 'setup-only',
      events: [],
      seed: hashSeed(clinic.seed, 'unlinked', dibh.courseId),
    });
  }
}

/** Patients treated at the clinic whom the course list does not have (not `SYN0…`: no course's patient). */
/** The folder (under each export's) of the records that match no course. */
export const UNLISTED_FOLDER = 'unlisted';

/** A file of the clinic folder that holds only records matching no course (`unlinkedRecords`). */
export const isUnlinkedRecordFile = (path: string): boolean => path.split('/').includes(UNLISTED_FOLDER);

const UNLISTED = [
  { id: 'SYN90001', family: 'Testpatient', given: 'Transfer', birthDate: '1963-04-11', sex: 'F' },
  { id: 'SYN90002', family: 'Testpatient', given: 'Unlisted', birthDate: '1957-09-23', sex: 'M' },
] as const;

/** An AlignRT real-time-delta log of a session without beams (set-up only). */
function rtdFile(path: string, patientId: string, m: SimMonitoring): ClinicFile {
  return {
    path,
    data: writeRtdLog(
      { patientId, start: formatLocal(m.start), end: formatLocal(m.end) },
      simulateSession(m, []),
    ),
  };
}
