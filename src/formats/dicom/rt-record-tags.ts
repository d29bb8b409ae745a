/**
 * The attributes the reader uses (PS3.6 data dictionary; types from PS3.3 A.29 / C.8.8.22 RT Beams
 * Session Record and C.8.8.17 RT General Treatment Record). `key` is dicom-parser's element key,
 * `label` the `(gggg,eeee)` form used in problem locations. The README's tag table mirrors this list.
 */
export interface TagDef {
  /** dicom-parser's element key: `x` + group + element, lower-case hex. */
  key: string;
  /** `(GGGG,EEEE)`, as written in problem locations. */
  label: string;
  /** The attribute name (PS3.6). */
  name: string;
  /** Value Representation (PS3.5 6.2). */
  vr: string;
}

const tag = (group: string, element: string, name: string, vr: string): TagDef => ({
  key: `x${group}${element}`.toLowerCase(),
  label: `(${group},${element})`,
  name,
  vr,
});

export const TAGS = {
  // File meta information (PS3.10 7.1)
  transferSyntaxUid: tag('0002', '0010', 'Transfer Syntax UID', 'UI'),
  // SOP Common module (PS3.3 C.12.1)
  specificCharacterSet: tag('0008', '0005', 'Specific Character Set', 'CS'),
  sopClassUid: tag('0008', '0016', 'SOP Class UID', 'UI'),
  sopInstanceUid: tag('0008', '0018', 'SOP Instance UID', 'UI'),
  timezoneOffsetFromUtc: tag('0008', '0201', 'Timezone Offset From UTC', 'SH'),
  // Patient module (PS3.3 C.7.1.1)
  patientId: tag('0010', '0020', 'Patient ID', 'LO'),
  // RT General Treatment Record module (PS3.3 C.8.8.17)
  treatmentDate: tag('3008', '0250', 'Treatment Date', 'DA'),
  treatmentTime: tag('3008', '0251', 'Treatment Time', 'TM'),
  referencedRtPlanSequence: tag('300C', '0002', 'Referenced RT Plan Sequence', 'SQ'),
  referencedSopInstanceUid: tag('0008', '1155', 'Referenced SOP Instance UID', 'UI'),
  // RT Beams Session Record module (PS3.3 C.8.8.22)
  numberOfFractionsPlanned: tag('300A', '0078', 'Number of Fractions Planned', 'IS'),
  primaryDosimeterUnit: tag('300A', '00B3', 'Primary Dosimeter Unit', 'CS'),
  treatmentSessionBeamSequence: tag('3008', '0020', 'Treatment Session Beam Sequence', 'SQ'),
  referencedBeamNumber: tag('300C', '0006', 'Referenced Beam Number', 'IS'),
  beamName: tag('300A', '00C2', 'Beam Name', 'LO'),
  radiationType: tag('300A', '00C6', 'Radiation Type', 'CS'),
  treatmentDeliveryType: tag('300A', '00CE', 'Treatment Delivery Type', 'CS'),
  currentFractionNumber: tag('3008', '0022', 'Current Fraction Number', 'IS'),
  treatmentTerminationStatus: tag('3008', '002A', 'Treatment Termination Status', 'CS'),
  treatmentTerminationCode: tag('3008', '002B', 'Treatment Termination Code', 'SH'),
  specifiedPrimaryMeterset: tag('3008', '0032', 'Specified Primary Meterset', 'DS'),
  deliveredPrimaryMeterset: tag('3008', '0036', 'Delivered Primary Meterset', 'DS'),
  controlPointDeliverySequence: tag('3008', '0040', 'Control Point Delivery Sequence', 'SQ'),
  treatmentControlPointDate: tag('3008', '0024', 'Treatment Control Point Date', 'DA'),
  treatmentControlPointTime: tag('3008', '0025', 'Treatment Control Point Time', 'TM'),
} as const satisfies Record<string, TagDef>;

const VR_BY_KEY = new Map<string, string>(Object.values(TAGS).map((t) => [t.key, t.vr]));

/**
 * dicom-parser's `vrCallback` for implicit VR data sets: the VR of the attributes we read, so a sequence
 * is never guessed from its first bytes; other tags return undefined (dicom-parser then peeks).
 */
export const vrOfKnownTag = (key: string): string | undefined => VR_BY_KEY.get(key);

/** `(GGGG,EEEE)` from a dicom-parser key such as `x3008002a`. */
export const labelOfKey = (key: string): string =>
  `(${key.slice(1, 5).toUpperCase()},${key.slice(5, 9).toUpperCase()})`;
