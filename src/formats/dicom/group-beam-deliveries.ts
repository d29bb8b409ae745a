import type { RtBeamsRecord, TerminationStatus } from './rt-record-types.js';

/** One record's share of a beam's delivery in a fraction (one item of its (3008,0020)). */
export interface BeamDeliveryPart {
  source: string;
  sopInstanceUid: string;
  /** Index of the beam's item in the record's Treatment Session Beam Sequence (3008,0020). */
  beamIndex: number;
  deliveryType: string | null;
  terminationStatus: TerminationStatus;
  terminationCode: string | null;
  specifiedMeterset: number | null;
  deliveredMeterset: number | null;
  beamOn: string;
  beamOff: string;
  utcOffset: string | null;
}

/**
 * Oddities a reviewer should see (none of them changes `completed`):
 * - `starts-with-continuation`: the first part is a CONTINUATION, so the record that began the beam is missing;
 * - `several-treatment-parts`: more than one part has delivery type TREATMENT (a repeated delivery?);
 * - `normal-but-short`: the last part ended NORMAL yet the summed delivered meterset is below the specified;
 * - `delivered-exceeds-specified`: the summed delivered meterset is above the specified (beyond tolerance);
 * - `part-after-normal-end`: a part follows one that had already ended NORMAL;
 * - `utc-offsets-differ`: the parts state different UTC offsets (or some state none);
 * - `repeated-record`: another record (a re-export: new SOP Instance UID) holds the beam at the same or
 *   overlapping times: one machine delivers one beam at a time, so it is the same delivery, kept once.
 */
export type BeamDeliveryNote =
  | 'starts-with-continuation'
  | 'several-treatment-parts'
  | 'normal-but-short'
  | 'delivered-exceeds-specified'
  | 'part-after-normal-end'
  | 'utc-offsets-differ'
  | 'repeated-record';

/** A beam as delivered in one fraction, over all the records that hold a part of it. */
export interface BeamDelivery {
  patientId: string | null;
  planUid: string | null;
  fractionNumber: number | null;
  beamNumber: number | null;
  beamName: string | null;
  radiationType: string | null;
  /** The first part's beam-on (parts are ordered by beam-on). */
  beamOn: string;
  /** The last part's beam-off. */
  beamOff: string;
  /** The first part's UTC offset ((0008,0201)), or null when it states none. */
  utcOffset: string | null;
  /** The largest Specified Primary Meterset of the parts (a continuation may state only what remained). */
  specifiedMeterset: number | null;
  /** The sum of the parts' Delivered Primary Meterset; null when a part does not state it. */
  deliveredMeterset: number | null;
  /** Summed delivered ≥ specified − tolerance; null when either is unknown. */
  metersetReached: boolean | null;
  /** The last part's Treatment Termination Status is NORMAL. */
  endedNormally: boolean;
  /** The beam was delivered in full: the summed meterset reached the specified, or the last part ended NORMAL. */
  completed: boolean;
  parts: BeamDeliveryPart[];
  notes: BeamDeliveryNote[];
}

export interface GroupBeamDeliveriesOptions {
  /**
   * How far below the specified meterset the summed delivered meterset may be and still count as complete
   * (machines record to 0.1 MU; default 0.1, in the Primary Dosimeter Unit).
   */
  metersetTolerance?: number;
}

const DEFAULT_TOLERANCE = 0.1;

/** Meterset to thousandths as an integer, so that 64.3 + 53.7 is exactly 118.0. */
const milli = (x: number): number => Math.round(x * 1000);

/**
 * Groups the beams of several RT Beams Treatment Records by patient, plan (Referenced RT Plan Sequence),
 * fraction (Current Fraction Number) and beam (Referenced Beam Number, else Beam Name), so that a beam
 * interrupted in one record and continued in another (Treatment Delivery Type CONTINUATION) counts once,
 * with beam-on from its first part and beam-off from its last (domain.md §5.3). The same record given twice
 * (same SOP Instance UID) counts once. Deliveries come out ordered by beam-on, then plan/fraction/beam.
 */
export function groupBeamDeliveries(
  records: readonly RtBeamsRecord[],
  options: GroupBeamDeliveriesOptions = {},
): BeamDelivery[] {
  const tolerance = milli(options.metersetTolerance ?? DEFAULT_TOLERANCE);
  const groups = new Map<
    string,
    { record: RtBeamsRecord; part: BeamDeliveryPart; radiationType: string | null }[]
  >();
  const seen = new Set<string>();
  for (const record of records) {
    for (const beam of record.beams) {
      const once = JSON.stringify([record.sopInstanceUid, beam.index]);
      if (seen.has(once)) continue;
      seen.add(once);
      const beamKey = beam.beamNumber !== null ? `#${beam.beamNumber}` : `name:${beam.beamName}`;
      const key = JSON.stringify([record.patientId, record.planUid, beam.fractionNumber, beamKey]);
      const part: BeamDeliveryPart = {
        source: record.source,
        sopInstanceUid: record.sopInstanceUid,
        beamIndex: beam.index,
        deliveryType: beam.deliveryType,
        terminationStatus: beam.terminationStatus,
        terminationCode: beam.terminationCode,
        specifiedMeterset: beam.specifiedMeterset,
        deliveredMeterset: beam.deliveredMeterset,
        beamOn: beam.beamOn,
        beamOff: beam.beamOff,
        utcOffset: record.utcOffset,
      };
      const list = groups.get(key) ?? [];
      list.push({ record, part, radiationType: beam.radiationType });
      groups.set(key, list);
    }
  }

  const deliveries: BeamDelivery[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => comparePart(a.part, b.part));
    const kept = withoutRepeats(list);
    const repeated = kept.length < list.length;
    const first = kept[0]!;
    const parts = kept.map((x) => x.part);
    const last = parts.at(-1)!;
    const beam = first.record.beams[first.part.beamIndex]!;
    const namedPart = list.find((x) => x.record.beams[x.part.beamIndex]?.beamName);

    const specified = parts.some((p) => p.specifiedMeterset !== null)
      ? Math.max(...parts.flatMap((p) => (p.specifiedMeterset === null ? [] : [milli(p.specifiedMeterset)])))
      : null;
    const delivered = parts.every((p) => p.deliveredMeterset !== null)
      ? parts.reduce((sum, p) => sum + milli(p.deliveredMeterset!), 0)
      : null;
    const metersetReached =
      specified !== null && delivered !== null ? delivered >= specified - tolerance : null;
    const endedNormally = last.terminationStatus === 'NORMAL';

    const notes: BeamDeliveryNote[] = [];
    if (first.part.deliveryType === 'CONTINUATION') notes.push('starts-with-continuation');
    if (parts.filter((p) => p.deliveryType === 'TREATMENT').length > 1) notes.push('several-treatment-parts');
    if (endedNormally && metersetReached === false) notes.push('normal-but-short');
    if (specified !== null && delivered !== null && delivered > specified + tolerance) {
      notes.push('delivered-exceeds-specified');
    }
    if (parts.slice(0, -1).some((p) => p.terminationStatus === 'NORMAL')) notes.push('part-after-normal-end');
    if (new Set(parts.map((p) => p.utcOffset)).size > 1) notes.push('utc-offsets-differ');
    if (repeated) notes.push('repeated-record');

    deliveries.push({
      patientId: first.record.patientId,
      planUid: first.record.planUid,
      fractionNumber: beam.fractionNumber,
      beamNumber: beam.beamNumber,
      beamName: namedPart ? namedPart.record.beams[namedPart.part.beamIndex]!.beamName : null,
      radiationType: kept.find((x) => x.radiationType !== null)?.radiationType ?? null,
      beamOn: first.part.beamOn,
      beamOff: last.beamOff,
      utcOffset: first.part.utcOffset,
      specifiedMeterset: specified === null ? null : specified / 1000,
      deliveredMeterset: delivered === null ? null : delivered / 1000,
      metersetReached,
      endedNormally,
      completed: metersetReached === true || endedNormally,
      parts,
      notes,
    });
  }
  return deliveries.sort(
    (a, b) =>
      compareText(a.beamOn, b.beamOn) ||
      compareText(a.planUid ?? '', b.planUid ?? '') ||
      (a.fractionNumber ?? -1) - (b.fractionNumber ?? -1) ||
      (a.beamNumber ?? -1) - (b.beamNumber ?? -1) ||
      compareText(a.beamName ?? '', b.beamName ?? ''),
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Parts (in delivery order) without those repeating an earlier part: a part from another record whose
 * beam-on interval is the same as or overlaps a kept part's, read in the same offset. A CONTINUATION
 * delivers the rest of an interrupted beam after it (PS3.3 C.8.8.22), never during it.
 */
function withoutRepeats<T extends { part: BeamDeliveryPart }>(list: readonly T[]): T[] {
  const kept: T[] = [];
  for (const x of list) {
    const p = x.part;
    const repeats = kept.some(
      (k) =>
        k.part.sopInstanceUid !== p.sopInstanceUid &&
        k.part.utcOffset === p.utcOffset &&
        p.beamOn < k.part.beamOff &&
        k.part.beamOn < p.beamOff,
    );
    if (!repeats) kept.push(x);
  }
  return kept;
}

/** Parts in delivery order: by beam-on (local readings of one facility), TREATMENT before CONTINUATION. */
function comparePart(a: BeamDeliveryPart, b: BeamDeliveryPart): number {
  const rank = (p: BeamDeliveryPart) => (p.deliveryType === 'CONTINUATION' ? 1 : 0);
  return (
    compareText(a.beamOn, b.beamOn) ||
    rank(a) - rank(b) ||
    compareText(a.sopInstanceUid, b.sopInstanceUid) ||
    a.beamIndex - b.beamIndex
  );
}
