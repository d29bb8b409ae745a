import {
  type Course,
  type CourseHeader,
  type Fraction,
  type ImagingModality,
  type Signature,
  UNKNOWN,
} from '../../core/model/course.js';
import type { LocalClock } from '../../core/time/local-clock.js';
import { clockFor } from '../../core/time/local-clock.js';
import type { ChartDocumentRecord, CsvSignature } from '../../formats/csv/csv-types.js';
import type { FhirTime } from '../../formats/fhir/fhir-types.js';
import { type BeamDelivery, groupBeamDeliveries } from '../../formats/dicom/group-beam-deliveries.js';
import type { ExportRecords } from '../read/export-records.js';
import { fhirDocuments } from '../read/fhir-documents.js';

/** A record that could not be placed in a course, and why (never silently dropped or guessed). */
export interface Unlinked {
  /** The patient id the record names, when it names one. */
  patientId: string | null;
  kind: UnlinkedKind;
  source: string;
  what: string;
  reason: string;
  /** The record's date of service (facility date), when it has one. */
  date: string | null;
}

/**
 * Records a coder linked to a course by hand (`unlinked_links`, `link-unlinked-record.ts`): the record's
 * identity (`recordKey`) → the chart id of its course. A link decides the record's course; the fraction
 * is still found by the record's time or date, as for any record.
 */
export type RecordLinks = ReadonlyMap<string, string>;

/** What identifies a record across re-links: the patient it names, its file and position, kind, description. */
export const recordKey = (r: {
  patientId: string | null;
  source: string;
  kind: string;
  what: string;
}): string => [r.patientId ?? '', r.source, r.kind, r.what].join('\n');

/** Why a record matched no course: the reasons a coder's link to a course answers. */
export const NO_COURSE = 'no course for this patient in courses.json';
export const SEVERAL_COURSES = 'two or more courses for this patient';

/** What kind of record was left unlinked. */
export type UnlinkedKind =
  'treatment-record' | 'monitoring' | 'report' | 'document' | 'authorization' | 'charge' | 'fhir';

/** Something a reviewer should see about a record that was linked (shown with its file's warnings). */
export interface LinkNote {
  source: string;
  what: string;
  note: string;
}

interface DraftFraction {
  number: number | null;
  date: string;
  beams: Fraction['beams'];
  monitoring: Fraction['monitoring'];
  sgrtRecord: Fraction['sgrtRecord'];
  review: Signature | null;
  /** The imaging the review covers, when its record states it. */
  reviewModality?: ImagingModality;
  postedCodes: string[];
}

interface Draft {
  header: CourseHeader;
  clock: LocalClock;
  fractions: DraftFraction[];
  orders: Course['orders'];
  necessity: Course['necessity'];
  authorizations: Course['authorizations'];
}

/** Monitoring or a document belongs to a fraction when it falls within this margin of the fraction's beams. */
const WINDOW_MS = 60 * 60 * 1000;
/** Beams of one patient on one day further apart than this are separate sessions (twice-daily). */
const SESSION_BREAK_MS = 60 * 60 * 1000;

/**
 * Links what the exports say into course documents: treatment records (DICOM or R&V CSV) make the
 * fractions; monitoring logs and reports join the fraction whose beams they overlap; documents and
 * signatures join by course, fraction number or date; charges add the codes the OIS posted. Every record
 * that cannot be placed is returned with the reason.
 */
export function linkCourses(
  records: ExportRecords,
  /** Physician ids of the practice beyond those of the courses linked here (FHIR signer ids). */
  knownPhysicians: Iterable<string> = [],
  links: RecordLinks = new Map(),
): {
  courses: Course[];
  unlinked: Unlinked[];
  notes: LinkNote[];
} {
  const unlinked: Unlinked[] = [];
  const notes: LinkNote[] = [];
  const byPatient = new Map<string, Draft[]>();
  const drafts = records.headers.map((header) => {
    const draft: Draft = {
      header,
      clock: clockFor(header.facility.timeZone),
      fractions: [],
      orders: [],
      necessity: null,
      authorizations: [],
    };
    byPatient.set(header.patient.id, [...(byPatient.get(header.patient.id) ?? []), draft]);
    return draft;
  });
  const byCourseId = new Map(drafts.map((d) => [d.header.courseId, d]));
  /** The course a coder linked the record to, when it is among the courses linked here. */
  const linkedCourse = (record: Pick<Unlinked, 'patientId' | 'source' | 'kind' | 'what'>) => {
    const courseId = links.get(recordKey(record));
    return courseId === undefined ? undefined : byCourseId.get(courseId);
  };
  const courseOf = (
    kind: UnlinkedKind,
    patientId: string | null,
    source: string,
    what: string,
    date: string | null,
    courseId?: string,
  ): Draft | null => {
    const linked = linkedCourse({ patientId, source, kind, what });
    if (linked) return linked;
    const candidates = (patientId && byPatient.get(patientId)) || [];
    const chosen = courseId ? candidates.filter((d) => d.header.courseId === courseId) : candidates;
    if (chosen.length === 1) return chosen[0]!;
    unlinked.push({
      patientId,
      kind,
      source,
      what,
      reason: chosen.length === 0 ? NO_COURSE : SEVERAL_COURSES,
      date,
    });
    return null;
  };

  // Authorizations → every course of the patient (the audit matches them by date and code).
  for (const { source, table } of records.authorizations) {
    for (const a of table.authorizations) {
      const record = {
        patientId: a.patientId,
        kind: 'authorization',
        source,
        what: `authorization on line ${a.line}`,
      } as const;
      const linked = linkedCourse(record);
      const courses = linked ? [linked] : byPatient.get(a.patientId);
      if (!courses) {
        unlinked.push({ ...record, reason: NO_COURSE, date: null });
        continue;
      }
      for (const draft of courses) {
        draft.authorizations.push({
          number: a.authorizationNumber,
          payer: a.payer,
          codes: a.codes.map((c) => [c.code, ...c.modifiers].join('-')),
          fractionsAuthorized: a.fractionsAuthorized,
          validFrom: a.validFrom,
          validTo: a.validTo,
          obtainedOn: a.obtainedOn,
          ...(a.status ? { status: a.status } : {}),
        });
      }
    }
  }

  // Treatment records → fractions.
  const deliveries = groupBeamDeliveries(records.dicom);
  /** The file each beam was read from (for the notes about it). */
  const beamSource = new Map<Fraction['beams'][number], string>();
  const dicomSessions = new Map<string, { draft: Draft; number: number | null; beams: Fraction['beams'] }>();
  for (const d of deliveries) {
    const name = d.beamName ?? `beam ${d.beamNumber}`;
    const draft = courseOf(
      'treatment-record',
      d.patientId,
      d.parts[0]!.source,
      `DICOM beam ${name}`,
      d.beamOn.slice(0, 10),
    );
    if (!draft) continue;
    const key = `${draft.header.courseId}|${d.fractionNumber ?? d.beamOn.slice(0, 10)}`;
    const entry = dicomSessions.get(key) ?? { draft, number: d.fractionNumber, beams: [] };
    deliveredBeams(draft.clock, d, name).forEach((beam, i) => {
      beamSource.set(beam, d.parts[i]!.source);
      entry.beams.push(beam);
    });
    for (const note of d.notes) {
      notes.push({
        source: d.parts.at(-1)!.source,
        what: `DICOM beam ${name}${d.fractionNumber === null ? '' : `, fraction ${d.fractionNumber}`}`,
        note: DELIVERY_NOTES[note],
      });
    }
    dicomSessions.set(key, entry);
  }
  for (const s of dicomSessions.values()) addSessions(s.draft, s.number, s.beams);
  for (const { source, history } of records.histories) {
    for (const f of history.fractions) {
      const draft = courseOf('treatment-record', f.patientId, source, `treatment history ${f.date}`, f.date);
      if (!draft) continue;
      const beams = f.beams.map((b) => ({
        name: b.name,
        beamOn: b.beamOn,
        beamOff: b.beamOff,
        ...(b.radiationType ? { radiationType: b.radiationType } : {}),
      }));
      for (const b of beams) beamSource.set(b, source);
      addSessions(draft, f.fractionNumber ?? null, beams);
    }
  }
  for (const draft of drafts) {
    numberFractions(draft);
    for (const f of draft.fractions) notes.push(...overlappingBeams(draft, f, beamSource));
  }

  // Monitoring logs → the fraction whose beams they overlap.
  for (const log of records.monitoring) {
    const draft = courseOf(
      'monitoring',
      log.patientId,
      log.source,
      'monitoring log',
      log.session.start.slice(0, 10),
    );
    const fraction =
      draft &&
      fractionAt(
        draft,
        log.session.start,
        log.session.end,
        { patientId: log.patientId, kind: 'monitoring', source: log.source, what: 'monitoring log' },
        unlinked,
      );
    if (fraction) fraction.monitoring.push(log.session);
  }
  // Reports: a session already covered by a log is the same monitoring; otherwise it is added. A report
  // does not state thresholds or beam hold: they are unknown, not "none" (the audit then reads the plan).
  for (const { source, report } of records.reports) {
    const draft = courseOf(
      'report',
      report.patientId,
      source,
      'treatment report',
      report.sessions[0]?.start.slice(0, 10) ?? null,
    );
    if (!draft) continue;
    for (const s of report.sessions) {
      const fraction = fractionAt(
        draft,
        s.start,
        s.end,
        { patientId: report.patientId, kind: 'report', source, what: `report session ${s.index}` },
        unlinked,
      );
      if (!fraction || fraction.monitoring.some((m) => m.start <= s.end && s.start <= m.end)) continue;
      fraction.monitoring.push({
        id: `${source}#${s.index}`,
        system: 'AlignRT',
        start: s.start,
        end: s.end,
        thresholds: UNKNOWN,
        gatingActive: UNKNOWN,
        source: { kind: 'treatment-report', location: `${source}#${s.index}` },
        gaps: [],
        excursions: [],
      });
    }
  }
  // Documents and signatures.
  for (const { source, table } of records.documents) {
    for (const doc of table.documents) {
      const at = `${source}:line ${doc.line}`;
      const draft = courseOf('document', doc.patientId, at, doc.kind, doc.date ?? null, doc.courseId);
      if (draft) linkDocument(draft, doc, at, unlinked, 'document');
    }
  }
  // Charges posted by the OIS: the fraction treated on that date (at that time, when the charge has one).
  for (const message of records.charges) {
    for (const charge of message.charges) {
      if (!charge.code) continue;
      const date = charge.transactionDate.date;
      const draft = courseOf('charge', message.patient.id, charge.source, `charge ${charge.code}`, date);
      if (!draft) continue;
      const sameDay = draft.fractions.filter((f) => f.date === date);
      const at = charge.transactionDate.localDateTime;
      const fraction = (at && sameDay.find((f) => near(draft, f, at, at))) || sameDay[0];
      if (fraction) fraction.postedCodes.push(charge.code);
      else
        unlinked.push({
          patientId: message.patient.id,
          kind: 'charge',
          source: charge.source,
          what: `charge ${charge.code}`,
          reason: 'no fraction treated on that date',
          date,
        });
    }
  }
  // FHIR orders and documents, in the same shape as the CSV rows.
  for (const { bundle } of records.fhir) {
    const physicianIds = new Set([...knownPhysicians, ...drafts.map((d) => d.header.physicianId)]);
    for (const { source, document, reason, monitored } of fhirDocuments(bundle, physicianIds)) {
      if (!document) {
        unlinked.push({
          patientId: null,
          kind: 'fhir',
          source,
          what: 'FHIR resource',
          reason: reason ?? 'not used',
          date: null,
        });
        continue;
      }
      const draft = courseOf('fhir', document.patientId, source, document.kind, document.date ?? null);
      if (!draft) continue;
      linkDocument(draft, document, source, unlinked, 'fhir');
      if (monitored) addDocumentedMonitoring(draft, monitored, document.patientId, source, unlinked);
    }
  }
  return { courses: drafts.map(toCourse), unlinked, notes };
}

/**
 * An SGRT record (FHIR DocumentReference) whose `context.period` gives the monitoring it documents: a
 * monitoring session of the fraction at that time, unless a log or report already shows it. A document
 * does not state thresholds or beam hold: they are unknown (the audit then reads the plan's).
 */
function addDocumentedMonitoring(
  draft: Draft,
  period: { start: FhirTime; end: FhirTime },
  patientId: string,
  source: string,
  unlinked: Unlinked[],
): void {
  const start = facilityTime(draft.clock, period.start.localDateTime!, period.start.utcOffset);
  const end = facilityTime(draft.clock, period.end.localDateTime!, period.end.utcOffset);
  const fraction = fractionAt(
    draft,
    start,
    end,
    { patientId, kind: 'fhir', source, what: 'SGRT record period' },
    unlinked,
  );
  const covered = (m: Fraction['monitoring'][number]) =>
    (instant(draft, m.start) ?? Infinity) <= (instant(draft, end) ?? -Infinity) &&
    (instant(draft, start) ?? Infinity) <= (instant(draft, m.end) ?? -Infinity);
  if (!fraction || fraction.monitoring.some(covered)) return;
  fraction.monitoring.push({
    id: `${source}#context.period`,
    system: 'SGRT',
    start,
    end,
    thresholds: UNKNOWN,
    gatingActive: UNKNOWN,
    source: { kind: 'fhir-document', location: source },
    gaps: [],
    excursions: [],
  });
}

/** What each delivery note of a beam (src/formats/dicom/group-beam-deliveries.ts) tells a reviewer. */
const DELIVERY_NOTES: Record<BeamDelivery['notes'][number], string> = {
  'starts-with-continuation':
    'its first part is a CONTINUATION record: the record that began the beam is missing',
  'several-treatment-parts': 'two or more parts are TREATMENT deliveries: the beam may have been repeated',
  'normal-but-short': 'ended NORMAL with less than the specified meterset delivered',
  'delivered-exceeds-specified': 'the delivered meterset of its parts exceeds the specified meterset',
  'part-after-normal-end':
    'a part was delivered after the beam had ended NORMAL (a repeated delivery?): each part is kept with its own times',
  'utc-offsets-differ': 'its records state different UTC offsets (or some state none)',
  'repeated-record':
    'another record (a re-export) holds it at the same or overlapping times: kept once, the repeat is not a continuation',
};

/**
 * A beam's deliveries as the course model's beams: one per record part, each with its own beam-on and
 * beam-off, so that a continuation never stretches the beam across another beam delivered in between
 * (PS3.3 C.8.8.22: a CONTINUATION item delivers the rest of an interrupted beam).
 */
function deliveredBeams(clock: LocalClock, d: BeamDelivery, name: string): Fraction['beams'] {
  const type = radiation(d.radiationType);
  return d.parts.map((p, i) => ({
    name: i === 0 ? name : `${name} (continued)`,
    beamOn: facilityTime(clock, p.beamOn, p.utcOffset),
    beamOff: facilityTime(clock, p.beamOff, p.utcOffset),
    ...(type ? { radiationType: type } : {}),
  }));
}

/**
 * (0008,0201) Timezone Offset From UTC: a record that states its offset is read in it and shown in the
 * facility's wall-clock time (PS3.3 C.12.1.1.8). A time the facility's clock cannot place alone (the
 * repeated hour of a fall-back night) keeps the offset the instant has there, so it stays exact.
 */
function facilityTime(clock: LocalClock, reading: string, utcOffset: string | null): string {
  return utcOffset ? clock.facilityReading(Date.parse(`${reading}${utcOffset}`)) : reading;
}

function radiation(type: string | null): Fraction['beams'][number]['radiationType'] | null {
  return type === 'PHOTON' || type === 'ELECTRON' || type === 'PROTON' ? type : type ? 'OTHER' : null;
}

/** Adds one or more sessions: beams on one day with a long break between them are separate fractions. */
function addSessions(draft: Draft, number: number | null, beams: Fraction['beams']): void {
  const sorted = [...beams].sort((a, b) => byBeamOn(draft, a.beamOn, b.beamOn));
  let current: DraftFraction | null = null;
  let lastOff = -Infinity;
  for (const beam of sorted) {
    const on = instant(draft, beam.beamOn);
    if (!current || (on !== null && on - lastOff > SESSION_BREAK_MS && number === null)) {
      current = {
        number,
        date: beam.beamOn.slice(0, 10),
        beams: [],
        monitoring: [],
        sgrtRecord: null,
        review: null,
        postedCodes: [],
      };
      draft.fractions.push(current);
    }
    current.beams.push(beam);
    lastOff = Math.max(lastOff, instant(draft, beam.beamOff) ?? lastOff);
  }
}

/**
 * A linac delivers one beam at a time, so two beams of a session whose beam-on intervals overlap mean a
 * time in a record is wrong (or two records were given one patient): noted, never merged or moved.
 */
function overlappingBeams(
  draft: Draft,
  f: DraftFraction,
  beamSource: ReadonlyMap<Fraction['beams'][number], string>,
): LinkNote[] {
  const spans = f.beams
    .map((beam) => ({ beam, on: instant(draft, beam.beamOn), off: instant(draft, beam.beamOff) }))
    .filter(
      (s): s is { beam: Fraction['beams'][number]; on: number; off: number } =>
        s.on !== null && s.off !== null,
    )
    .sort((a, b) => a.on - b.on);
  const out: LinkNote[] = [];
  let latest = spans[0];
  for (const s of spans.slice(1)) {
    if (latest && s.on < latest.off) {
      out.push({
        source: beamSource.get(s.beam) ?? draft.header.courseId,
        what: `fraction ${f.number}, beams ${latest.beam.name} and ${s.beam.name}`,
        note: `beam-on intervals overlap (${latest.beam.beamOn}–${latest.beam.beamOff} and ${s.beam.beamOn}–${s.beam.beamOff}): a machine delivers one beam at a time; check the record's times`,
      });
    }
    if (!latest || s.off > latest.off) latest = s;
  }
  return out;
}

/** Fractions without a number from the record are numbered in delivery order after the numbered ones. */
function numberFractions(draft: Draft): void {
  draft.fractions.sort((a, b) => byBeamOn(draft, a.beams[0]?.beamOn ?? '', b.beams[0]?.beamOn ?? ''));
  const used = new Set(draft.fractions.flatMap((f) => (f.number === null ? [] : [f.number])));
  let next = 1;
  for (const f of draft.fractions) {
    if (f.number !== null) continue;
    while (used.has(next)) next++;
    f.number = next;
    used.add(next);
  }
}

/** Time order: by instant (a repeated-hour time with its offset sorts by when it happened), else as text. */
function byBeamOn(draft: Draft, a: string, b: string): number {
  const [x, y] = [instant(draft, a), instant(draft, b)];
  return x !== null && y !== null && x !== y ? x - y : a.localeCompare(b);
}

/** A facility reading, or a time with its offset (a record that stated it), as epoch milliseconds. */
function instant(draft: Draft, local: string): number | null {
  const r = draft.clock.toInstant(local);
  return r.ok ? r.epochMs : null;
}

function near(draft: Draft, f: DraftFraction, start: string, end: string): boolean {
  const on = Math.min(...f.beams.map((b) => instant(draft, b.beamOn) ?? Infinity));
  const off = Math.max(...f.beams.map((b) => instant(draft, b.beamOff) ?? -Infinity));
  const s = instant(draft, start);
  const e = instant(draft, end);
  return s !== null && e !== null && s <= off + WINDOW_MS && e >= on - WINDOW_MS;
}

/**
 * The one fraction of the course near a record's times, else the record is unlinked (under the patient
 * the record names, which is the course's unless a coder linked it to another patient's course).
 */
function fractionAt(
  draft: Draft,
  start: string,
  end: string,
  record: Pick<Unlinked, 'patientId' | 'kind' | 'source' | 'what'>,
  unlinked: Unlinked[],
): DraftFraction | null {
  const candidates = draft.fractions.filter((f) => near(draft, f, start, end));
  if (candidates.length === 1) return candidates[0]!;
  unlinked.push({
    ...record,
    reason: candidates.length === 0 ? 'no fraction at that time' : 'two fractions at that time',
    date: start.slice(0, 10),
  });
  return null;
}

function signature(s: CsvSignature | null): Signature | null {
  return s ? { signerId: s.signerId, role: s.role, signedAt: s.signedAt.instant } : null;
}

function linkDocument(
  draft: Draft,
  doc: ChartDocumentRecord,
  source: string,
  unlinked: Unlinked[],
  kind: UnlinkedKind,
): void {
  switch (doc.kind) {
    case 'motion-management-order':
    case 'image-guidance-order':
      draft.orders.push({
        id: doc.documentId,
        kind: doc.kind === 'motion-management-order' ? 'motion-management' : 'image-guidance',
        ...(doc.text !== undefined ? { text: doc.text } : {}),
        ...(doc.system !== undefined ? { system: doc.system } : {}),
        signature: signature(doc.signature),
      });
      return;
    case 'necessity-note':
      draft.necessity = {
        documentId: doc.documentId,
        text: doc.text ?? '',
        signature: signature(doc.signature),
      };
      return;
    case 'sgrt-record':
    case 'igrt-review': {
      const matches = draft.fractions.filter((f) =>
        doc.fractionNumber !== undefined ? f.number === doc.fractionNumber : f.date === doc.date,
      );
      if (matches.length !== 1) {
        unlinked.push({
          patientId: doc.patientId,
          kind,
          source,
          what: doc.kind,
          reason:
            matches.length === 0
              ? 'no such fraction in the treatment records'
              : 'two fractions that day: give the fraction number',
          date: doc.date ?? null,
        });
        return;
      }
      const f = matches[0]!;
      if (doc.kind === 'sgrt-record')
        f.sgrtRecord = { documentId: doc.documentId, signature: signature(doc.signature) };
      else {
        f.review = signature(doc.signature);
        if (doc.modality) f.reviewModality = doc.modality;
      }
    }
  }
}

function toCourse(draft: Draft): Course {
  const igPlanned = draft.header.plan.imageGuidance?.performed === true;
  const ids = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const fractions: Fraction[] = draft.fractions.map((f) => ({
    id: uniqueId(`${draft.header.courseId}-F${String(f.number).padStart(2, '0')}`),
    number: f.number!,
    date: f.date,
    beams: f.beams,
    monitoring: f.monitoring,
    sgrtRecord: f.sgrtRecord,
    imageGuidance:
      igPlanned || f.review
        ? { performed: true, review: f.review, ...(f.reviewModality ? { modality: f.reviewModality } : {}) }
        : null,
    ...(f.postedCodes.length ? { postedCodes: [...new Set(f.postedCodes)] } : {}),
  }));
  return {
    ...draft.header,
    orders: draft.orders,
    necessity: draft.necessity,
    authorizations: draft.authorizations,
    fractions,
  };
}
