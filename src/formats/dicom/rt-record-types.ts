/**
 * What the DICOM RT Beams Treatment Record reader returns (PS3.3 A.29 "RT Beams Treatment Record IOD").
 * Raw values that matter are kept as the record states them (codes, meterset, UIDs); times are facility
 * wall-clock readings (`localDateTime` of src/core/model/course.ts) with the record's UTC offset beside
 * them, never converted. A later linking step maps a beam onto the course model's `beamSchema`
 * (`name`, `beamOn`, `beamOff`, `radiationType`) and a session onto a fraction (plan, fraction number).
 */

/** PS3.4 B.5: RT Beams Treatment Record Storage. */
export const RT_BEAMS_TREATMENT_RECORD_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.481.4';

/** (3008,002A) Treatment Termination Status, enumerated values (PS3.3 C.8.8.22). */
export const TERMINATION_STATUSES = ['NORMAL', 'OPERATOR', 'MACHINE', 'UNKNOWN'] as const;
export type TerminationStatus = (typeof TERMINATION_STATUSES)[number];

/** (300A,00CE) Treatment Delivery Type, defined terms (PS3.3 C.8.8.22). Other values are kept as read. */
export const DELIVERY_TYPES = [
  'TREATMENT',
  'OPEN_PORTFILM',
  'TRMT_PORTFILM',
  'CONTINUATION',
  'SETUP',
] as const;

/** One item of the Treatment Session Beam Sequence (3008,0020): one beam as delivered in this session. */
export interface RtBeamSessionRecord {
  /** Index of the item in (3008,0020), as in problem locations (`(3008,0020)[1]`). */
  index: number;
  /** (300C,0006) Referenced Beam Number: the beam in the referenced plan; null when absent. */
  beamNumber: number | null;
  /** (300A,00C2) Beam Name; null when absent (then the beam number identifies the beam). */
  beamName: string | null;
  /** (300A,00C6) Radiation Type as recorded: PHOTON, ELECTRON, NEUTRON, PROTON, ION…; null when absent. */
  radiationType: string | null;
  /** (300A,00CE) Treatment Delivery Type: TREATMENT, CONTINUATION (of an interrupted beam)…; null when empty. */
  deliveryType: string | null;
  /** (3008,0022) Current Fraction Number; null when empty (Type 2). */
  fractionNumber: number | null;
  /** (3008,002A) Treatment Termination Status. */
  terminationStatus: TerminationStatus;
  /** (3008,002B) Treatment Termination Code (machine-specific); null when absent. */
  terminationCode: string | null;
  /** (3008,0032) Specified Primary Meterset (MU, or minutes: see `primaryDosimeterUnit`); null when absent. */
  specifiedMeterset: number | null;
  /** (3008,0036) Delivered Primary Meterset; null when absent. */
  deliveredMeterset: number | null;
  /** First item of (3008,0040) Control Point Delivery Sequence: (3008,0024) date + (3008,0025) time. */
  beamOn: string;
  /** Last item of (3008,0040): the beam-off reading. */
  beamOff: string;
  /** Number of items in (3008,0040). */
  controlPoints: number;
}

/** One RT Beams Treatment Record: one treatment session of one patient. */
export interface RtBeamsRecord {
  /** The file name given to the reader (as in problem locations). */
  source: string;
  /** (0008,0018) SOP Instance UID of the record. */
  sopInstanceUid: string;
  /** (0002,0010) Transfer Syntax UID, or the one inferred for a data set without a Part 10 header. */
  transferSyntaxUid: string;
  /** (0010,0020) Patient ID (PHI: returned for linking, never put in messages); null when empty. */
  patientId: string | null;
  /** (3008,0250) Treatment Date as `YYYY-MM-DD`; null when empty (Type 2). */
  treatmentDate: string | null;
  /** (3008,0250) + (3008,0251) Treatment Time as a local date-time; null when either is empty. */
  treatmentDateTime: string | null;
  /** (0008,0201) Timezone Offset From UTC as `±HH:MM`; null when absent (times are then clinic-local). */
  utcOffset: string | null;
  /** (300C,0002) Referenced RT Plan Sequence > (0008,1155) Referenced SOP Instance UID; null when absent. */
  planUid: string | null;
  /** (300A,0078) Number of Fractions Planned; null when absent or empty. */
  fractionsPlanned: number | null;
  /** (300A,00B3) Primary Dosimeter Unit (MU or MINUTE); null when absent (then MU is the usual unit). */
  primaryDosimeterUnit: string | null;
  /** (3008,0020) Treatment Session Beam Sequence, in item order. */
  beams: RtBeamSessionRecord[];
}
