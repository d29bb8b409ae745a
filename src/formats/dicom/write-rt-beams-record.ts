/**
 * Writes a DICOM RT Beams Treatment Record (SOP class 1.2.840.10008.5.1.4.1.1.481.4, PS3.3 A.29) as a
 * Part 10 file with dcmjs, holding the attributes `read-rt-beams-record.ts` reads (domain.md §5.3, the
 * table in README.md): patient, Treatment Date/Time, the referenced plan, and per beam its name, radiation
 * type, delivery type, fraction number, termination status, metersets and the Control Point Delivery
 * Sequence whose first and last items carry the beam-on and beam-off. Used by the demo clinic generator
 * (src/app/demo-data); times are facility wall-clock readings, written without (0008,0201) unless an
 * offset is given.
 */
import { EXPLICIT_VR_LITTLE_ENDIAN_UID, IMPLICIT_VR_LITTLE_ENDIAN_UID, writePart10 } from './write-part10.js';

export const RT_BEAMS_TREATMENT_RECORD_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.481.4';
const RT_PLAN_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.481.5';
const TRANSFER_SYNTAX = {
  implicit: IMPLICIT_VR_LITTLE_ENDIAN_UID,
  explicit: EXPLICIT_VR_LITTLE_ENDIAN_UID,
} as const;

export interface RtBeamSessionInput {
  /** (300C,0006) Referenced Beam Number. */
  beamNumber?: number;
  beamName: string;
  /** (300A,00C6): PHOTON, ELECTRON, … */
  radiationType: string;
  /** (300A,00CE): TREATMENT, or CONTINUATION for the rest of an interrupted beam. */
  deliveryType: 'TREATMENT' | 'CONTINUATION';
  fractionNumber: number;
  terminationStatus: 'NORMAL' | 'OPERATOR' | 'MACHINE' | 'UNKNOWN';
  /** (3008,0032) / (3008,0036), MU. */
  specifiedMeterset: number;
  deliveredMeterset: number;
  /** Beam-on / beam-off: wall-clock `YYYY-MM-DDTHH:mm:ss[.sss]` (first and last control point). */
  beamOn: string;
  beamOff: string;
  /** Items in the Control Point Delivery Sequence (≥ 2), evenly spaced from beam-on to beam-off. */
  controlPoints?: number;
}

export interface RtBeamsRecordInput {
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  patientId: string;
  /** DICOM PN, e.g. `TESTPATIENT^ADA`. */
  patientName?: string;
  /** `YYYY-MM-DD`. */
  patientBirthDate?: string;
  patientSex?: 'F' | 'M' | 'O';
  /** `YYYY-MM-DD` and `HH:mm:ss`: (3008,0250) / (3008,0251). */
  treatmentDate: string;
  treatmentTime: string;
  /** `±HH:MM` → (0008,0201); omitted when absent (times are then clinic-local). */
  utcOffset?: string;
  planUid: string;
  fractionsPlanned?: number;
  manufacturer?: string;
  machineName?: string;
  beams: RtBeamSessionInput[];
  transferSyntax?: keyof typeof TRANSFER_SYNTAX;
}

const da = (date: string) => date.replaceAll('-', '');
/** `HH:mm:ss[.sss]` → TM `HHMMSS[.FFF]`. */
const tm = (time: string) => time.replaceAll(':', '');
/** DS: at most 16 characters; metersets to 0.001. */
const ds = (n: number) => String(Math.round(n * 1000) / 1000);

/** Wall-clock reading plus milliseconds on a zone-less timeline, back to `YYYY-MM-DD` / `HHMMSS[.FFF]`. */
function splitReading(ms: number): [string, string] {
  const iso = new Date(ms).toISOString(); // a zone-less timeline: UTC fields are the wall clock
  const frac = iso.slice(20, 23);
  return [da(iso.slice(0, 10)), `${tm(iso.slice(11, 19))}${frac === '000' ? '' : `.${frac}`}`];
}

const readingMs = (local: string) => Date.parse(`${local}Z`);

function controlPointItems(beam: RtBeamSessionInput) {
  const count = Math.max(2, beam.controlPoints ?? 2);
  const on = readingMs(beam.beamOn);
  const off = readingMs(beam.beamOff);
  return Array.from({ length: count }, (_, i) => {
    const share = i / (count - 1);
    const [date, time] = splitReading(on + Math.round(share * (off - on)));
    return {
      ReferencedControlPointIndex: String(i),
      TreatmentControlPointDate: date,
      TreatmentControlPointTime: time,
      DeliveredMeterset: ds(share * beam.deliveredMeterset),
    };
  });
}

/** The record as a Part 10 file (Explicit VR Little Endian unless said otherwise). */
export function writeRtBeamsRecord(input: RtBeamsRecordInput): Uint8Array {
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 100',
    InstanceCreationDate: da(input.treatmentDate),
    SOPClassUID: RT_BEAMS_TREATMENT_RECORD_SOP_CLASS,
    SOPInstanceUID: input.sopInstanceUid,
    StudyDate: da(input.treatmentDate),
    Modality: 'RTRECORD',
    Manufacturer: input.manufacturer ?? 'SyntheticLinac',
    PatientName: input.patientName ?? '',
    PatientID: input.patientId,
    PatientBirthDate: input.patientBirthDate ? da(input.patientBirthDate) : '',
    PatientSex: input.patientSex ?? '',
    StudyInstanceUID: input.studyInstanceUid,
    SeriesInstanceUID: input.seriesInstanceUid,
    SeriesNumber: '1',
    InstanceNumber: '1',
    TreatmentDate: da(input.treatmentDate),
    TreatmentTime: tm(input.treatmentTime),
    ...(input.machineName ? { TreatmentMachineName: input.machineName } : {}),
    ...(input.fractionsPlanned ? { NumberOfFractionsPlanned: String(input.fractionsPlanned) } : {}),
    PrimaryDosimeterUnit: 'MU',
    ReferencedRTPlanSequence: [
      { ReferencedSOPClassUID: RT_PLAN_SOP_CLASS, ReferencedSOPInstanceUID: input.planUid },
    ],
    TreatmentSessionBeamSequence: input.beams.map((beam) => {
      const points = controlPointItems(beam);
      return {
        ...(beam.beamNumber !== undefined ? { ReferencedBeamNumber: String(beam.beamNumber) } : {}),
        BeamName: beam.beamName,
        BeamType: 'DYNAMIC',
        RadiationType: beam.radiationType,
        TreatmentDeliveryType: beam.deliveryType,
        NumberOfControlPoints: String(points.length),
        CurrentFractionNumber: String(beam.fractionNumber),
        TreatmentTerminationStatus: beam.terminationStatus,
        TreatmentVerificationStatus: 'VERIFIED',
        SpecifiedPrimaryMeterset: ds(beam.specifiedMeterset),
        DeliveredPrimaryMeterset: ds(beam.deliveredMeterset),
        ControlPointDeliverySequence: points,
      };
    }),
  };
  if (input.utcOffset) dataset.TimezoneOffsetFromUTC = input.utcOffset.replace(':', '');
  return writePart10(dataset, {
    transferSyntax: TRANSFER_SYNTAX[input.transferSyntax ?? 'explicit'],
    implementation: { classUid: '1.2.826.0.1.3680043.10.999.100', versionName: 'SGRT_BILLING_01' },
  });
}
