import { joinLocalDateTime } from './dicom-datetime.js';
import type { FieldReader, Scope } from './field-reader.js';
import { TAGS } from './rt-record-tags.js';
import { DELIVERY_TYPES, type RtBeamSessionRecord, TERMINATION_STATUSES } from './rt-record-types.js';

/**
 * One item of the Treatment Session Beam Sequence (3008,0020) (PS3.3 C.8.8.22 RT Beams Session Record).
 * Problems and warnings go to `r`; null when the beam cannot be used (its problems say why).
 */
export function readSessionBeam(r: FieldReader, item: Scope, index: number): RtBeamSessionRecord | null {
  const before = r.problems.length;

  // (300C,0006) Referenced Beam Number: optional here; with (300A,00C2) Beam Name it identifies the beam.
  const beamNumber = r.integer(item, TAGS.referencedBeamNumber, 'optional', 0);
  const beamName = r.string(item, TAGS.beamName, 'optional');
  if (beamName === null && beamNumber === null && r.problems.length === before) {
    r.problem(
      item,
      TAGS.beamName,
      'and Referenced Beam Number (300C,0006) are both missing: the beam cannot be identified',
    );
  } else if (beamName === null) {
    r.warning(item, TAGS.beamName, 'is missing or empty: the beam is identified by its number only');
  }

  // (300A,00C6) Radiation Type: PHOTON, ELECTRON, NEUTRON, PROTON, ION (defined terms; kept as read).
  const radiationType = r.string(
    item,
    TAGS.radiationType,
    'warn',
    ': the radiation type of the beam is unknown',
  );

  // (300A,00CE) Treatment Delivery Type, Type 2: TREATMENT, or CONTINUATION of an interrupted beam.
  const deliveryType = r.string(item, TAGS.treatmentDeliveryType, 'optional');
  if (deliveryType !== null && !(DELIVERY_TYPES as readonly string[]).includes(deliveryType)) {
    r.warning(
      item,
      TAGS.treatmentDeliveryType,
      `is not a defined term (${DELIVERY_TYPES.join(', ')}); kept as read`,
    );
  }

  // (3008,0022) Current Fraction Number, Type 2.
  const fractionNumber = r.integer(
    item,
    TAGS.currentFractionNumber,
    'warn',
    0,
    ': the beam cannot be matched to a fraction by number',
  );

  // (3008,002A) Treatment Termination Status, Type 1: NORMAL, OPERATOR, MACHINE, UNKNOWN.
  const terminationStatus = r.code(item, TAGS.treatmentTerminationStatus, 'required', TERMINATION_STATUSES);
  const terminationCode = r.string(item, TAGS.treatmentTerminationCode, 'optional');

  // (3008,0032) Specified and (3008,0036) Delivered Primary Meterset, in the Primary Dosimeter Unit.
  const specifiedMeterset = r.decimal(item, TAGS.specifiedPrimaryMeterset, 'optional');
  const deliveredMeterset = r.decimal(
    item,
    TAGS.deliveredPrimaryMeterset,
    'warn',
    ': whether an interrupted beam was completed rests on its termination status alone',
  );

  // (3008,0040) Control Point Delivery Sequence, Type 1: beam-on is the first item, beam-off the last.
  const controlPoints = r.sequence(item, TAGS.controlPointDeliverySequence);
  let beamOn: string | null = null;
  let beamOff: string | null = null;
  if (controlPoints === null) {
    // Absent; when present but not a sequence, `sequence` has already said so.
    if (!item.dataSet.elements[TAGS.controlPointDeliverySequence.key]) {
      r.problem(
        item,
        TAGS.controlPointDeliverySequence,
        'is missing: the beam-on and beam-off times are unknown',
      );
    }
  } else if (controlPoints.length === 0) {
    r.problem(
      item,
      TAGS.controlPointDeliverySequence,
      'has no items: the beam-on and beam-off times are unknown',
    );
  } else {
    beamOn = controlPointDateTime(r, controlPoints.item(0));
    beamOff =
      controlPoints.length === 1
        ? beamOn
        : controlPointDateTime(r, controlPoints.item(controlPoints.length - 1));
    if (beamOn !== null && beamOff !== null && beamOff < beamOn) {
      r.warning(
        item,
        TAGS.controlPointDeliverySequence,
        'ends before it starts: its last control point time is earlier than its first',
      );
    }
  }

  if (r.problems.length > before || terminationStatus === null || beamOn === null || beamOff === null)
    return null;
  return {
    index,
    beamNumber,
    beamName,
    radiationType,
    deliveryType,
    fractionNumber,
    terminationStatus,
    terminationCode,
    specifiedMeterset,
    deliveredMeterset,
    beamOn,
    beamOff,
    controlPoints: controlPoints!.length,
  };
}

/** (3008,0024) Treatment Control Point Date + (3008,0025) Treatment Control Point Time, both Type 1. */
function controlPointDateTime(r: FieldReader, point: Scope): string | null {
  const date = r.date(point, TAGS.treatmentControlPointDate, 'required');
  const time = r.time(point, TAGS.treatmentControlPointTime, 'required');
  return date !== null && time !== null ? joinLocalDateTime(date, time) : null;
}
