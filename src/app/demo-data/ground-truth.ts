import {
  type Course,
  type CourseHeader,
  courseSchema,
  type Fraction,
  type Signature,
  UNKNOWN,
} from '../../core/model/course.js';
import { firstOn } from './build-fraction.js';
import { reportSessionId } from './emit-alignrt.js';
import {
  FACILITY,
  GIVEN_NAMES,
  hasMedigap,
  medicareAged,
  PAYERS,
  type PlaceOfService,
  type SimCourse,
  type SimFraction,
} from './clinic-model.js';
import { formatInstant, formatLocal } from './clinic-time.js';
import { simulateSession, summariseSession } from './simulate-monitoring.js';

/**
 * The course document of a simulated course as exported at the cut: the ground truth that the import
 * of the clinic's exports must rebuild. Fractions are the delivered ones, in fraction-number order; the
 * rest is the schedule (date and first beam-on). Monitoring sessions are summarised from their samples
 * exactly as the RTD reader derives them (gaps and excursions, no raw samples).
 */
export function groundTruthCourse(c: SimCourse, placeOfService: PlaceOfService): Course {
  const zone = FACILITY.timeZone;
  const signature = (at: number | null) =>
    at === null
      ? null
      : { signerId: c.physician.id, role: 'physician' as const, signedAt: formatInstant(at, zone) };
  const delivered = c.fractions.filter((f) => f.delivered).sort((a, b) => a.number - b.number);
  const doc = {
    ...courseHeader(c, placeOfService),
    orders: c.order
      ? [
          {
            id: c.order.id,
            kind: 'motion-management' as const,
            text: c.order.text,
            // The orders CSV has a System column; a FHIR ServiceRequest has no element for it.
            ...(c.order.system && c.documentSource === 'csv' ? { system: c.order.system } : {}),
            signature: signature(c.order.signedAt),
          },
        ]
      : [],
    necessity: c.necessity
      ? { documentId: c.necessity.id, text: c.necessity.text, signature: signature(c.necessity.signedAt) }
      : null,
    fractions: delivered.map((f) => fractionDocument(c, f, signature)),
  };
  // Key order as the schema lists it, so that files read the same way for every course.
  return courseSchema.parse({
    schemaVersion: doc.schemaVersion,
    courseId: doc.courseId,
    patient: doc.patient,
    facility: doc.facility,
    payer: doc.payer,
    physicianId: doc.physicianId,
    site: doc.site,
    diagnosis: doc.diagnosis,
    plan: doc.plan,
    orders: doc.orders,
    necessity: doc.necessity,
    authorizations: c.authorization
      ? [
          {
            number: c.authorization.number,
            payer: PAYERS[c.payer].name,
            codes: c.authorization.codes,
            fractionsAuthorized: c.authorization.fractions,
            validFrom: c.authorization.validFrom,
            validTo: c.authorization.validTo,
            obtainedOn: c.authorization.obtainedOn,
            status: c.authorization.status,
          },
        ]
      : [],
    fractions: doc.fractions,
    schedule: doc.schedule,
  });
}

/** What the billing system knows before any export is read (`courses.json`). */
export function courseHeader(c: SimCourse, placeOfService: PlaceOfService): CourseHeader {
  return {
    schemaVersion: 1,
    courseId: c.courseId,
    patient: {
      id: c.patient.id,
      name: `${c.patient.family}, ${c.patient.given}`,
      birthDate: c.patient.birthDate,
      ...claimDemographics(c),
    },
    facility: { timeZone: FACILITY.timeZone, placeOfService },
    payer: { ...PAYERS[c.payer] },
    physicianId: c.physician.id,
    site: { ...c.site },
    diagnosis: c.diagnosis,
    plan: structuredClone(c.plan),
    schedule: c.fractions
      .filter((f) => !f.delivered)
      .sort((a, b) => firstOn(a) - firstOn(b))
      .map((f) => ({ date: f.date, beamOn: formatLocal(firstOn(f)) })),
  };
}

/**
 * What a claim needs of the patient, synthetic and derived from the patient id (no draw from the
 * generator's random stream, so every other choice of the clinic stays the same): member id, group
 * number for commercial plans, and an address in a made-up street of the facility's state. About a
 * third of the traditional Medicare patients also have a supplemental plan (secondary payer: the synthetic
 * PPO, as a Medigap policy); about a fifth of the patients under 65 are covered as a spouse on the
 * subscriber's policy.
 */
function claimDemographics(
  c: SimCourse,
): Pick<
  CourseHeader['patient'],
  'sex' | 'memberId' | 'groupNumber' | 'address' | 'subscriber' | 'otherCoverage'
> {
  const digits = c.patient.id.replace(/\D/g, '');
  const address = {
    line1: `${Number(digits.slice(-3)) + 1} SYNTHETIC AVE`,
    city: 'TESTVILLE',
    state: 'NY',
    postalCode: '10001',
  };
  const n = Number(digits);
  const spouseSex = c.patient.sex === 'F' ? 'M' : 'F';
  return {
    sex: c.patient.sex,
    memberId: `SYNM${digits}`,
    ...(c.payer === 'medicare' ? {} : { groupNumber: `SYNGRP${c.payer.toUpperCase()}` }),
    address,
    ...(!medicareAged(c.payer) && n % 5 === 0
      ? {
          subscriber: {
            relationship: 'spouse' as const,
            name: `${c.patient.family}, ${GIVEN_NAMES[spouseSex][n % GIVEN_NAMES[spouseSex].length]}`,
            sex: spouseSex,
            memberId: `SYNM${digits}`,
            address,
          },
        }
      : {}),
    ...(c.payer === 'medicare' && hasMedigap(c.patient.id)
      ? {
          otherCoverage: [
            {
              order: 'secondary' as const,
              payerName: PAYERS.default.name,
              payerProfile: PAYERS.default.profile,
              memberId: `SYNS${digits}`,
              groupNumber: 'SYNGRPMEDIGAP',
              claimFilingIndicator: 'CI',
            },
          ],
        }
      : {}),
  };
}

/**
 * An interrupted beam is two beams, each part with its own times: two rows of the R&V history, or two
 * DICOM records whose second part linking names `<name> (continued)` (domain.md §5.3,
 * `groupBeamDeliveries`). The ground truth holds what its source shows.
 */
function beamsOf(f: SimFraction, source: SimCourse['recordSource']): Fraction['beams'] {
  return f.beams.map((b) => ({
    name: source === 'dicom' && b.part === 2 ? `${b.name} (continued)` : b.name,
    beamOn: formatLocal(b.on),
    beamOff: formatLocal(b.off),
    radiationType: b.radiationType,
  }));
}

/**
 * A practice that keeps the AlignRT PDF reports only: each report session is a monitoring session whose
 * thresholds and beam hold are unknown (a report does not state them; the audit reads the plan's).
 */
function monitoringOf(c: SimCourse, f: SimFraction): Fraction['monitoring'] {
  if (c.shape !== 'alignrt-report-only')
    return f.monitoring.map((m) => summariseSession(m, simulateSession(m, f.beams)));
  return [...f.monitoring]
    .sort((a, b) => a.start - b.start)
    .map((m, i) => {
      const id = reportSessionId(c, f, i);
      return {
        id,
        system: 'AlignRT',
        start: formatLocal(m.start),
        end: formatLocal(m.end),
        thresholds: UNKNOWN,
        gatingActive: UNKNOWN,
        source: { kind: 'treatment-report' as const, location: id },
        gaps: [],
        excursions: [],
      };
    });
}

function fractionDocument(
  c: SimCourse,
  f: SimFraction,
  signature: (at: number | null) => Signature | null,
): Fraction {
  const source = c.recordSource;
  const posted = [...new Set(f.charges.map((ch) => ch.code))];
  return {
    id: f.id,
    number: f.number,
    date: f.date,
    beams: beamsOf(f, source),
    monitoring: monitoringOf(c, f),
    sgrtRecord: f.sgrtRecord
      ? { documentId: f.sgrtRecord.documentId, signature: signature(f.sgrtRecord.signedAt) }
      : null,
    imageGuidance: f.igrtReview
      ? { performed: true, review: signature(f.igrtReview.signedAt), modality: f.igrtReview.modality }
      : null,
    ...(posted.length ? { postedCodes: posted } : {}),
  };
}
