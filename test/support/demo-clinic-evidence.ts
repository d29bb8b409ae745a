/**
 * Reads every export of a generated demo clinic (src/app/demo-data) with the project's readers and
 * checks it against the ground truth under `expected/courses`: the tests' stand-in for the import's
 * linking, file by file. Returns the problems found (empty when every file reads back with the facts of
 * the ground truth).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTreatmentReport } from '../../src/formats/alignrt/report/read-treatment-report.js';
import { readRtdLog, toMonitoringSession } from '../../src/formats/alignrt/rtd/read-rtd-log.js';
import { readAuthorizations } from '../../src/formats/csv/read-authorizations.js';
import { readOrdersSignatures } from '../../src/formats/csv/read-orders-signatures.js';
import { readTreatmentHistory } from '../../src/formats/csv/read-treatment-history.js';
import { groupBeamDeliveries } from '../../src/formats/dicom/group-beam-deliveries.js';
import { readRtBeamsRecord } from '../../src/formats/dicom/read-rt-beams-record.js';
import type { RtBeamsRecord } from '../../src/formats/dicom/rt-record-types.js';
import { readFhirBundle } from '../../src/formats/fhir/read-fhir-bundle.js';
import { readDftMessages } from '../../src/formats/hl7v2/read-dft-messages.js';
import { type Course, courseSchema, type Signature } from '../../src/core/model/course.js';
import type { ReadResult } from '../../src/core/model/input-problem.js';
import { clockFor } from '../../src/core/time/local-clock.js';
import { isUnlinkedRecordFile } from '../../src/app/demo-data/emit-unlinked.js';

/** A record's reading in its stated UTC offset, as the facility's clock reads it (the ground truth's). */
const facility = (reading: string, utcOffset: string | null) =>
  utcOffset ? clockFor('America/New_York').facilityReading(Date.parse(`${reading}${utcOffset}`)) : reading;

export function listFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name)).split('\\').join('/')],
    );
  return walk(dir).sort();
}

export interface EvidenceCheck {
  /** Files read, by reader. */
  read: Record<string, number>;
  problems: string[];
}

const sig = (s: Signature | null) => (s ? `${s.signerId}/${s.role}/${s.signedAt}` : null);

export async function checkDemoClinicEvidence(dir: string): Promise<EvidenceCheck> {
  // Records made to match no course (the demo's unlinked records) have no ground truth to match.
  const files = listFiles(dir).filter((f) => !isUnlinkedRecordFile(f));
  const problems: string[] = [];
  const read: Record<string, number> = {};
  const bytes = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
  const ok = <T>(reader: string, f: string, r: ReadResult<T>): T | null => {
    read[reader] = (read[reader] ?? 0) + 1;
    if (!r.ok) problems.push(`${f}: ${JSON.stringify(r.problems.slice(0, 3))}`);
    else if (r.warnings.length) problems.push(`${f}: warnings ${JSON.stringify(r.warnings.slice(0, 3))}`);
    return r.ok ? r.value : null;
  };
  const courses = new Map<string, Course>();
  for (const f of files.filter((x) => x.startsWith('expected/courses/'))) {
    const course = courseSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    courses.set(course.courseId, course);
  }
  const byPatient = new Map([...courses.values()].map((c) => [c.patient.id, c]));
  const fraction = (patientId: string | null, test: (fr: Course['fractions'][number]) => boolean) =>
    byPatient.get(patientId ?? '')?.fractions.find(test);

  // AlignRT logs: each one is a monitoring session of the ground truth, summarised identically.
  const sessions = new Map(
    [...courses.values()].flatMap((c) =>
      c.fractions.flatMap((fr) => fr.monitoring.map((m) => [m.id, m] as const)),
    ),
  );
  const seenSessions = new Set<string>();
  for (const f of files.filter((x) => x.startsWith('alignrt/rtd/'))) {
    const log = ok('rtd', f, readRtdLog(bytes(f), f));
    if (!log) continue;
    const id = f.slice('alignrt/rtd/'.length);
    const session = toMonitoringSession(log, { id, source: f });
    seenSessions.add(id);
    if (!session.ok || JSON.stringify(session.value) !== JSON.stringify(sessions.get(id)))
      problems.push(`${f}: monitoring session differs from the ground truth`);
  }
  // Sessions of a practice that keeps the PDF reports only come from the reports (checked below).
  for (const [id, m] of sessions)
    if (!seenSessions.has(id) && m.source?.kind !== 'treatment-report')
      problems.push(`no log for session ${id}`);

  // DICOM records: grouped per course as the reader documents, the beams of each fraction.
  const records = new Map<string, RtBeamsRecord[]>();
  for (const f of files.filter((x) => x.endsWith('.dcm'))) {
    const record = ok('dicom', f, readRtBeamsRecord(bytes(f), f));
    const courseId = f.split('/')[2]!;
    if (record) records.set(courseId, [...(records.get(courseId) ?? []), record]);
  }
  for (const [courseId, list] of records) {
    const course = courses.get(courseId)!;
    const delivered = new Map<number, string[]>();
    for (const d of groupBeamDeliveries(list)) {
      if (!d.completed || d.notes.length)
        problems.push(`${courseId}: beam ${d.beamName} not completed or noted`);
      const key = d.fractionNumber!;
      // Each part its own beam, the continued part named as linking names it.
      delivered.set(key, [
        ...(delivered.get(key) ?? []),
        ...d.parts.map(
          (p, i) =>
            `${d.beamName}${i ? ' (continued)' : ''} ${facility(p.beamOn, p.utcOffset)} ${facility(p.beamOff, p.utcOffset)} ${d.radiationType}`,
        ),
      ]);
    }
    for (const fr of course.fractions) {
      const expected = fr.beams.map((b) => `${b.name} ${b.beamOn} ${b.beamOff} ${b.radiationType}`).sort();
      if (JSON.stringify((delivered.get(fr.number) ?? []).sort()) !== JSON.stringify(expected))
        problems.push(`${courseId} fraction ${fr.number}: DICOM beams differ`);
    }
  }

  // R&V history (ARIA-like CSV): one fraction per patient, date and fraction number.
  const history = ok(
    'csv',
    'rv-history.csv',
    readTreatmentHistory(bytes('treatment-records/rv-history.csv'), 'rv-history.csv'),
  );
  for (const h of history?.fractions ?? []) {
    const fr = fraction(h.patientId, (x) => x.number === h.fractionNumber);
    const beams = h.beams.map((b) => `${b.name} ${b.beamOn} ${b.beamOff} ${b.radiationType}`);
    const expected = fr?.beams.map((b) => `${b.name} ${b.beamOn} ${b.beamOff} ${b.radiationType}`);
    if (!fr || fr.date !== h.date || JSON.stringify(beams) !== JSON.stringify(expected))
      problems.push(`rv-history.csv: ${h.patientId} fraction ${h.fractionNumber} differs`);
  }

  // Orders and signatures (CSV) and FHIR bundles: the same documents and signatures as the ground truth.
  const documentFacts: string[] = [];
  const docs = ok(
    'csv',
    'orders-signatures.csv',
    readOrdersSignatures(bytes('documents/orders-signatures.csv'), 'o.csv'),
  );
  for (const d of docs?.documents ?? [])
    documentFacts.push(
      `${d.patientId} ${d.kind} ${d.documentId} ${d.fractionNumber ?? ''} ${d.signature ? `${d.signature.signerId}/${d.signature.role}/${d.signature.signedAt.instant}` : null} ${d.text ?? ''}`,
    );
  for (const f of files.filter((x) => x.startsWith('documents/fhir/'))) {
    const b = ok('fhir', f, readFhirBundle(bytes(f), f));
    if (!b) continue;
    const patient = b.patients[0]!.identifiers[0]!.value;
    const signer = (by: { resolved: { id: string | null } | null } | null, at: string | null | undefined) =>
      by?.resolved && at ? `${by.resolved.id}/physician/${at}` : null;
    const fractionOf = new Map(b.procedures.map((p) => [p.id, p.fractionNumber]));
    for (const sr of b.serviceRequests)
      documentFacts.push(
        `${patient} motion-management-order ${sr.id}  ${signer(sr.requester, sr.authoredOn?.instant)} ${sr.notes.join('')}`,
      );
    for (const d of b.documentReferences) {
      const kind = d.type?.codings[0]?.code;
      const number =
        d.related.map((r) => fractionOf.get(r.resolved?.id ?? null)).find((n) => n != null) ?? '';
      documentFacts.push(
        `${patient} ${kind} ${d.id} ${number} ${signer(d.authenticator, d.signature?.signedAt.instant)} ${d.contents[0]?.text && kind === 'necessity-note' ? d.contents[0].text : ''}`,
      );
    }
    for (const p of b.procedures) {
      const fr = fraction(patient, (x) => x.number === p.fractionNumber);
      if (!fr || !p.performed.period?.start?.localDateTime?.startsWith(fr.beams[0]!.beamOn))
        problems.push(`${f}: procedure ${p.id} differs`);
    }
  }
  const expectedFacts: string[] = [];
  for (const c of courses.values()) {
    const p = c.patient.id;
    for (const o of c.orders)
      expectedFacts.push(`${p} motion-management-order ${o.id}  ${sig(o.signature)} ${o.text ?? ''}`);
    if (c.necessity)
      expectedFacts.push(
        `${p} necessity-note ${c.necessity.documentId}  ${sig(c.necessity.signature)} ${c.necessity.text}`,
      );
    for (const fr of c.fractions) {
      if (fr.sgrtRecord)
        expectedFacts.push(
          `${p} sgrt-record ${fr.sgrtRecord.documentId} ${fr.number} ${sig(fr.sgrtRecord.signature)} `,
        );
      if (fr.imageGuidance)
        expectedFacts.push(`${p} igrt-review IGRT-${fr.id} ${fr.number} ${sig(fr.imageGuidance.review)} `);
    }
  }
  if (JSON.stringify(documentFacts.sort()) !== JSON.stringify(expectedFacts.sort()))
    problems.push(
      `documents differ: ${documentFacts
        .filter((x) => !expectedFacts.includes(x))
        .slice(0, 3)
        .join(' | ')} ≠ ${expectedFacts
        .filter((x) => !documentFacts.includes(x))
        .slice(0, 3)
        .join(' | ')}`,
    );

  // Charges: per fraction (patient, first beam-on) the codes posted.
  const posted = new Map<string, string[]>();
  for (const f of files.filter((x) => x.startsWith('charges/'))) {
    for (const m of ok('hl7', f, readDftMessages(bytes(f), f))?.messages ?? []) {
      for (const ch of m.charges) {
        const key = `${m.patient.id} ${ch.transactionDate.localDateTime}`;
        posted.set(key, [...new Set([...(posted.get(key) ?? []), ch.code!])]);
      }
    }
  }
  for (const c of courses.values())
    for (const fr of c.fractions) {
      const key = `${c.patient.id} ${fr.beams[0]!.beamOn}`;
      if (JSON.stringify(posted.get(key)) !== JSON.stringify(fr.postedCodes))
        problems.push(`${fr.id}: charges differ`);
      posted.delete(key);
    }
  if (posted.size) problems.push(`charges for no fraction: ${[...posted.keys()].slice(0, 3).join(', ')}`);

  // Reports: the same sessions (start and end) as the fraction's logs.
  for (const f of files.filter((x) => x.endsWith('.pdf'))) {
    read.pdf = (read.pdf ?? 0) + 1;
    const r = await readTreatmentReport(bytes(f), f, { dateOrder: 'MDY' });
    if (!r.ok || r.warnings.length) {
      problems.push(`${f}: ${JSON.stringify(r.ok ? r.warnings : r.problems)}`);
      continue;
    }
    const fr = fraction(r.value.patientId, (x) => f.endsWith(`-${x.id}.pdf`));
    const got = r.value.sessions.map((s) => `${s.start} ${s.end}`);
    const expected = fr?.monitoring.map((m) => `${m.start} ${m.end}`);
    if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${f}: report sessions differ`);
  }

  const auths = ok(
    'csv',
    'authorizations.csv',
    readAuthorizations(bytes('authorizations.csv'), 'authorizations.csv'),
  );
  for (const a of auths?.authorizations ?? [])
    if (!byPatient.has(a.patientId)) problems.push(`authorization for unknown patient`);
  return { read, problems };
}
