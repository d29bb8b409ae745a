import { writeCsv } from '../../formats/csv/write-csv.js';
import { type RtBeamSessionInput, writeRtBeamsRecord } from '../../formats/dicom/write-rt-beams-record.js';
import { FACILITY, type SimBeam, type SimClinic, type SimCourse, type SimFraction } from './clinic-model.js';
import { formatInOffset, formatLocal, instantOf, offsetAt } from './clinic-time.js';
import type { ClinicFile } from './clinic-files.js';

export const UID_ROOT = '1.2.826.0.1.3680043.10.999';

/** DICOM PN of a synthetic patient: `TESTPATIENT^ADA`. */
export const dicomName = (c: SimCourse) =>
  `${c.patient.family.toUpperCase()}^${c.patient.given.toUpperCase()}`;

/**
 * `treatment-records/dicom/<courseId>/<fractionId>.dcm`: one RT Beams Treatment Record per delivered
 * fraction of the DICOM courses; an interrupted beam's continuation and the beams after it are in a
 * second record `<fractionId>-2.dcm` (delivery type CONTINUATION). The records of every other course
 * (odd course index) and of the `dst-night-emergency` course state Timezone Offset From UTC (0008,0201),
 * as some record-and-verify systems do: the facility's offset at the session start (-0500, then -0400
 * after the spring-forward change), in which every time of the record is written (PS3.3 C.12.1.1.8), so a
 * session across the change reads past 02:00 in -0500.
 */
export function* dicomRecords(clinic: SimClinic): Generator<ClinicFile> {
  for (const c of clinic.courses.filter((x) => x.recordSource === 'dicom')) {
    const courseNumber = c.courseId.slice(2);
    for (const f of c.fractions.filter((x) => x.delivered)) {
      const numbers = beamNumbers(f);
      const split = f.secondRecordFrom ?? f.beams.length;
      const parts = [f.beams.slice(0, split), f.beams.slice(split)].filter((p) => p.length > 0);
      for (let p = 0; p < parts.length; p++) {
        const beams = parts[p]!;
        const start = p === 0 ? f.sessionStart : beams[0]!.on - 30_000;
        const utcOffset = statesOffset(c)
          ? offsetAt(instantOf(start, FACILITY.timeZone), FACILITY.timeZone)
          : null;
        // A wall-clock reading of the facility as the record writes it: in its stated offset, if any.
        const written = (local: number) =>
          utcOffset ? formatInOffset(instantOf(local, FACILITY.timeZone), utcOffset) : formatLocal(local);
        const bytes = writeRtBeamsRecord({
          sopInstanceUid: `${UID_ROOT}.4.${clinic.seed}.${courseNumber}.${f.number}.${p + 1}`,
          studyInstanceUid: `${UID_ROOT}.1.${clinic.seed}.${courseNumber}`,
          seriesInstanceUid: `${UID_ROOT}.2.${clinic.seed}.${courseNumber}`,
          patientId: c.patient.id,
          patientName: dicomName(c),
          patientBirthDate: c.patient.birthDate,
          patientSex: c.patient.sex,
          treatmentDate: f.date,
          treatmentTime: written(start).slice(11, 19),
          planUid: c.planUid,
          fractionsPlanned: c.plan.fractionsPlanned,
          machineName: c.machine,
          ...(utcOffset ? { utcOffset } : {}),
          beams: beams.map((b) => sessionBeam(b, numbers.get(b.name)!, f.number, written)),
        });
        yield {
          path: `treatment-records/dicom/${c.courseId}/${f.id}${p === 0 ? '' : `-${p + 1}`}.dcm`,
          data: bytes,
        };
      }
    }
  }
}

function beamNumbers(f: SimFraction): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of f.beams) if (!out.has(b.name)) out.set(b.name, out.size + 1);
  return out;
}

const statesOffset = (c: SimCourse) => c.index % 2 === 1 || c.shape === 'dst-night-emergency';

function sessionBeam(
  b: SimBeam,
  beamNumber: number,
  fraction: number,
  written: (local: number) => string,
): RtBeamSessionInput {
  const seconds = (b.off - b.on) / 1000;
  return {
    beamNumber,
    beamName: b.name,
    radiationType: b.radiationType,
    deliveryType: b.part === 2 ? 'CONTINUATION' : 'TREATMENT',
    fractionNumber: fraction,
    terminationStatus: b.part === 1 ? 'OPERATOR' : 'NORMAL',
    specifiedMeterset: b.mu,
    deliveredMeterset: b.deliveredMu,
    beamOn: written(b.on),
    beamOff: written(b.off),
    controlPoints: Math.min(6, 2 + Math.floor(seconds / 30)),
  };
}

export const HISTORY_HEADER = [
  'Patient ID',
  'Patient Name',
  'Treatment Date',
  'Plan ID',
  'Field Id',
  'Energy',
  'Beam On',
  'Beam Off',
  'Delivered MU',
  'Planned MU',
  'Fraction',
  'Machine',
] as const;

/**
 * `treatment-records/rv-history.csv`: the record-and-verify treatment history of the other courses, one
 * row per beam (an interrupted beam is two rows), in the ARIA-like layout (src/formats/csv/mappings/aria-like.ts):
 * every cell quoted, MM/DD/YYYY dates, 24-hour times.
 */
export function historyCsv(clinic: SimClinic): ClinicFile {
  const rows: { at: number; cells: (string | number)[] }[] = [];
  for (const c of clinic.courses.filter((x) => x.recordSource === 'csv')) {
    for (const f of c.fractions.filter((x) => x.delivered)) {
      for (const b of f.beams) {
        const [y, m, d] = f.date.split('-');
        rows.push({
          at: b.on,
          cells: [
            c.patient.id,
            `${c.patient.family}, ${c.patient.given}`,
            `${m}/${d}/${y}`,
            c.plan.id,
            b.name,
            b.energy,
            formatLocal(b.on).slice(11, 19),
            formatLocal(b.off).slice(11, 19),
            b.deliveredMu.toFixed(1),
            b.mu.toFixed(1),
            f.number,
            c.machine,
          ],
        });
      }
    }
  }
  rows.sort((a, b) => a.at - b.at);
  return {
    path: 'treatment-records/rv-history.csv',
    data: writeCsv([HISTORY_HEADER, ...rows.map((r) => r.cells)], { quote: 'all' }),
  };
}
