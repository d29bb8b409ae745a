import {
  type Course,
  type CourseHeader,
  courseSchema,
  type Fraction,
  type Signature,
} from '../../core/model/course.js';
import { firstOn } from './build-fraction.js';
import { FACILITY, GIVEN_NAMES, PAYERS, type SimCourse, type SimFraction } from './clinic-model.js';
import { formatInstant, formatLocal } from './clinic-time.js';
import { simulateSession, summariseSession } from './simulate-monitoring.js';

/**
 * The course document of a simulated course as exported at the cut: the ground truth that the import
 * of the clinic's exports must rebuild. Fractions are the delivered ones, in fraction-number order; the
 * rest is the schedule (date and first beam-on). Monitoring sessions are summarised from their samples
 * exactly as the RTD reader derives them (gaps and excursions, no raw samples).
 */
export function groundTruthCourse(c: SimCourse): Course {
  const zone = FACILITY.timeZone;
  const signature = (at: number | null) =>
    at === null
      ? null
      : { signerId: c.physician.id, role: 'physician' as const, signedAt: formatInstant(at, zone) };
  const delivered = c.fractions.filter((f) => f.delivered).sort((a, b) => a.number - b.number);
  const doc = {
    ...courseHeader(c),
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
    fractions: delivered.map((f) => fractionDocument(f, c.recordSource, signature)),
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
export function courseHeader(c: SimCourse): CourseHeader {
  return {
    schemaVersion: 1,
    courseId: c.courseId,
    patient: {
      id: c.patient.id,
      name: `${c.patient.family}, ${c.patient.given}`,
      birthDate: c.patient.birthDate,
      ...claimDemographics(c),
    },
    facility: { timeZone: FACILITY.timeZone, placeOfService: FACILITY.placeOfService },
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
 * third of the Medicare patients also have a supplemental plan (secondary payer: the synthetic PPO, as a
 * Medigap policy); about a fifth of the others are covered as a spouse on the subscriber's policy.
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
    ...(c.payer !== 'medicare' && n % 5 === 0
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
    ...(c.payer === 'medicare' && n % 3 === 0
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
 * An interrupted beam is two beams in the R&V history (one row per part) but one delivery in DICOM:
 * records are grouped by plan, fraction and beam, from the first part's beam-on to the last part's
 * beam-off (domain.md §5.3, `groupBeamDeliveries`). The ground truth holds what its source shows.
 */
function beamsOf(f: SimFraction, source: SimCourse['recordSource']): Fraction['beams'] {
  const beams = f.beams.map((b) => ({
    name: b.name,
    beamOn: formatLocal(b.on),
    beamOff: formatLocal(b.off),
    radiationType: b.radiationType,
  }));
  if (source === 'csv') return beams;
  return beams.flatMap((b, i) => {
    if (f.beams[i]!.part === 2) return [];
    const rest = f.beams.slice(i + 1).find((x) => x.part === 2 && x.name === b.name);
    return [rest ? { ...b, beamOff: formatLocal(rest.off) } : b];
  });
}

function fractionDocument(
  f: SimFraction,
  source: SimCourse['recordSource'],
  signature: (at: number | null) => Signature | null,
): Fraction {
  const posted = [...new Set(f.charges.map((ch) => ch.code))];
  return {
    id: f.id,
    number: f.number,
    date: f.date,
    beams: beamsOf(f, source),
    monitoring: f.monitoring.map((m) => summariseSession(m, simulateSession(m, f.beams))),
    sgrtRecord: f.sgrtRecord
      ? { documentId: f.sgrtRecord.documentId, signature: signature(f.sgrtRecord.signedAt) }
      : null,
    imageGuidance: f.igrtReview ? { performed: true, review: signature(f.igrtReview.signedAt) } : null,
    ...(posted.length ? { postedCodes: posted } : {}),
  };
}
