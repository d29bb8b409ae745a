import type { AuditOptions } from '../../core/audit/audit-options.js';
import { resolveTimeline } from '../../core/audit/fraction-timeline.js';
import { uncovered } from '../../core/audit/intervals.js';
import { sourceLabel, thresholdLabel } from '../../core/audit/monitoring-labels.js';
import { statedCourseThresholds } from '../../core/audit/motion-settings.js';
import type { Enclosure } from '../../core/letters/appeal-facts.js';
import { dollars, type LetterClaim } from '../../core/letters/assemble-letter.js';
import { imagingLabel } from '../../core/letters/imaging-modality.js';
import { CLAIM_LETTER_TYPES, type LetterType } from '../../core/letters/letter-types.js';
import { type LetterPhysician, physicianLabel } from '../../core/letters/letter-signer.js';
import { permilleLabel } from '../../core/letters/motion-evidence.js';
import {
  type Course,
  type Fraction,
  type MonitoringSession,
  type Signature,
  UNKNOWN,
} from '../../core/model/course.js';
import { clockFor, type LocalClock, parseInstant } from '../../core/time/local-clock.js';
import type { Actor, AppContext } from '../app-context.js';
import type { ExportRecords } from '../read/export-records.js';
import { fhirDocuments } from '../read/fhir-documents.js';
import { authorizationPages } from './authorization-pages.js';
import {
  type AppealLine,
  appealLineFacts,
  claimLines,
  type CourseLetterFacts,
  courseLetterFacts,
} from './letter-facts.js';

/** What the enclosures of a letter are read from: the course and its audits, the line appealed. */
export interface EnclosureInput {
  facts: CourseLetterFacts;
  claim: LetterClaim | null;
  /** A claim's letter (`CLAIM_LETTER_TYPES`): the claim's lines it lists, whose dates' records it encloses. */
  services?: readonly LetterClaim[];
  line: AppealLine | null;
  options: AuditOptions;
}

/** The imported file and row of a chart document, by `kind|documentId` (IGRT reviews by fraction). */
export type DocumentSources = ReadonlyMap<string, string>;

const NOT_RECORDED = 'not recorded in the imports';

/**
 * The documents of the date that support a letter (issue "the right letter to the right payer"), in the
 * order a reviewer reads them: for a 77412 line resting on motion management, the monitoring records of
 * the date, the signed motion-management orders and the necessity statement (CPT 2026 77412; domain.md
 * §3.2-3.3: order, necessity and monitoring record are what reviewers ask for); for a 77387 line, the
 * signed image-guidance orders and the physician's image reviews of the date (77387-26 is the
 * physician's review, domain.md §4); the authorization records the appeal rests on
 * (authorization-pages.ts); then the remittance line itself. A letter without a claim line
 * (prior authorization, peer-to-peer) encloses the order and the necessity statement.
 */
export function letterEnclosures(input: EnclosureInput, sources: DocumentSources = new Map()): Enclosure[] {
  const { facts, claim, line } = input;
  const { course } = facts;
  const clock = clockFor(course.facility.timeZone);
  const dates = new Set(
    (input.services?.length ? input.services : claim ? [claim] : []).flatMap((l) =>
      l.dateOfService ? [l.dateOfService] : [],
    ),
  );
  const ofDate = course.fractions.filter((f) => dates.has(f.date)).sort((a, b) => a.number - b.number);
  const motion = course.plan.motionManagement !== null && (!claim || claim.submittedCode === '77412');
  // A 77412 line that rests on the plan's isocenters or fields (CPT 2026: multiple isocenters, mixed
  // electron/photon fields) shows the plan and the beams delivered that day.
  const byPlan =
    claim?.submittedCode === '77412' &&
    (course.plan.isocenters > 1 || course.plan.modality === 'mixed' || course.plan.motionManagement === null);
  const imaging = claim?.submittedCode === '77387';
  const deadline = (f: Fraction) =>
    facts.fractions.find((a) => a.fractionId === f.id)?.signatureDeadline ?? null;
  const page = { clock, sources, course, physicians: facts.physicians };
  const out: Enclosure[] = [];
  if (motion) {
    for (const f of ofDate)
      if (f.monitoring.length || f.sgrtRecord) out.push(monitoringPage(page, f, deadline(f), input.options));
    for (const o of signedOrders(course, 'motion-management')) out.push(orderPage(page, o));
    if (course.necessity?.text.trim()) out.push(necessityPage(page, course.necessity));
  }
  if (byPlan) out.push(planPage(page, ofDate));
  if (imaging) {
    for (const o of signedOrders(course, 'image-guidance')) out.push(orderPage(page, o));
    for (const f of ofDate)
      if (f.imageGuidance?.performed && f.imageGuidance.review)
        out.push(reviewPage(page, f, f.imageGuidance.review, deadline(f)));
  }
  out.push(...authorizationPages(course, claim));
  // Each line the letter covers (a claim's letter: each of its lines), with its own remittance figures.
  if (claim && line)
    for (const l of input.services?.length ? input.services : [claim]) out.push(remittancePage(l, line));
  return out;
}

/**
 * The enclosures of a letter for a course and, for an appeal, its remittance line, with each chart
 * document's source file read from the stored imports. The caller records the access.
 */
export async function enclosuresFor(
  ctx: AppContext,
  actor: Actor,
  type: LetterType,
  courseId: string,
  remitLineId: string | null | undefined,
): Promise<Enclosure[]> {
  const facts = await courseLetterFacts(ctx, actor, courseId);
  const { claim, line } = remitLineId
    ? await appealLineFacts(ctx, actor, remitLineId, facts.courseId)
    : { claim: null, line: null };
  const services =
    remitLineId && CLAIM_LETTER_TYPES.includes(type) ? await claimLines(ctx, actor, remitLineId) : [];
  const options = ctx.auditContext(ctx.now()).options;
  const sources = await documentSources(ctx, actor, facts.patientId, facts.course.courseId);
  return letterEnclosures({ facts, claim, services, line, options }, sources);
}

interface PageContext {
  clock: LocalClock;
  sources: DocumentSources;
  course: Course;
  /** The practice's physicians (billing settings): signers named as the letter names them. */
  physicians: Readonly<Record<string, LetterPhysician>>;
}

function monitoringPage(
  { clock, sources, course, physicians }: PageContext,
  f: Fraction,
  deadline: string | null,
  options: AuditOptions,
): Enclosure {
  const timeline = resolveTimeline(f, clock, options);
  const rows: Enclosure['rows'] = [
    { label: 'Course', value: course.courseId },
    { label: 'Fraction', value: `${f.number} on ${f.date}` },
    { label: 'System', value: [...new Set(f.monitoring.map((m) => m.system))].sort().join(', ') || 'none' },
  ];
  for (const beam of timeline.beams) {
    const ms = beam.interval.end - beam.interval.start;
    const gaps = uncovered(beam.interval, timeline.coverage).reduce((n, g) => n + g.end - g.start, 0);
    const coverage =
      ms > 0 ? `${permilleLabel(Math.floor((1000 * (ms - gaps)) / ms))} monitored` : 'no beam-on time';
    rows.push({
      label: `Beam ${beam.name}`,
      value: `${timeOfDay(clock, beam.interval.start)}-${timeOfDay(clock, beam.interval.end)}, ${coverage}`,
    });
  }
  for (const m of timeline.monitoring)
    rows.push({
      label: `Monitoring ${timeOfDay(clock, m.interval.start)}-${timeOfDay(clock, m.interval.end)}`,
      value: `${m.session.system}; thresholds ${thresholdsOf(m.session, course)}; beam hold ${beamHoldOf(m.session, course)}`,
    });
  const held = timeline.excursions.filter((x) => x.beamHeld).length;
  rows.push({
    label: 'Excursions out of tolerance',
    value: timeline.excursions.length
      ? `${timeline.excursions.length}, beam held for ${held}: ${timeline.excursions
          .map(
            (x) =>
              `${timeOfDay(clock, x.interval.start)} ${Math.round((x.interval.end - x.interval.start) / 100) / 10} s ${x.beamHeld ? 'held' : 'not held'}`,
          )
          .join('; ')}`
      : 'none recorded',
  });
  rows.push(
    { label: 'SGRT record', value: f.sgrtRecord?.documentId ?? 'none' },
    {
      label: 'Physician signature',
      value: signatureLabel(clock, f.sgrtRecord?.signature ?? null, deadline, physicians),
    },
  );
  const files = [
    ...f.monitoring.map((m) => sourceLabel(m.source)),
    ...(f.sgrtRecord ? [sources.get(`sgrt-record|${f.sgrtRecord.documentId}`) ?? NOT_RECORDED] : []),
  ];
  return {
    title: `SGRT monitoring record, fraction ${f.number} (${f.date})`,
    what: "The surface monitoring of this fraction's beams: coverage of each beam-on, the thresholds and beam hold, excursions, and the physician's signature of the record.",
    source: [...new Set(files)].join('; '),
    rows,
  };
}

/** The treatment plan and the beams the record-and-verify export shows delivered on the date. */
function planPage({ course }: PageContext, ofDate: readonly Fraction[]): Enclosure {
  const { plan } = course;
  return {
    title: `Treatment plan ${plan.id} and the beams delivered on the date`,
    what: 'The plan the delivery followed (technique, isocenters, modality) and the beams the treatment record shows delivered that day.',
    source: 'the course export (courses.json) and the treatment records of the date',
    rows: [
      { label: 'Course', value: course.courseId },
      { label: 'Plan', value: plan.id },
      { label: 'Technique', value: plan.technique },
      { label: 'Modality', value: plan.modality },
      { label: 'Isocenters', value: String(plan.isocenters) },
      ...ofDate.flatMap((f) =>
        f.beams.map((b) => ({
          label: `Fraction ${f.number}, beam ${b.name}`,
          // Facility wall-clock readings, as the record states them.
          value: `${b.beamOn.slice(11, 19)}-${b.beamOff.slice(11, 19)}${b.radiationType ? `, ${b.radiationType.toLowerCase()}` : ''}`,
        })),
      ),
    ],
  };
}

function orderPage({ clock, sources, physicians }: PageContext, o: Course['orders'][number]): Enclosure {
  const kind = o.kind === 'motion-management' ? 'motion-management' : 'image-guidance';
  return {
    title: `Signed ${kind} order ${o.id}`,
    what: `The physician's order for ${kind === 'motion-management' ? 'active motion management during delivery' : 'image guidance'}.`,
    source: sources.get(`${kind}-order|${o.id}`) ?? NOT_RECORDED,
    rows: [
      { label: 'Order', value: o.id },
      // The order's structured system field only; its free text is printed below as written.
      { label: 'System', value: o.system ?? 'not stated in a structured field' },
      { label: 'Text', value: o.text?.trim() || 'no text' },
      { label: 'Signed', value: signatureLabel(clock, o.signature, null, physicians) },
    ],
  };
}

function necessityPage(
  { clock, sources, physicians }: PageContext,
  n: NonNullable<Course['necessity']>,
): Enclosure {
  return {
    title: `Medical necessity statement ${n.documentId}`,
    what: "The treating physician's statement of why this patient needs motion management.",
    source: sources.get(`necessity-note|${n.documentId}`) ?? NOT_RECORDED,
    rows: [
      { label: 'Document', value: n.documentId },
      { label: 'Statement', value: n.text.trim() },
      { label: 'Signed', value: signatureLabel(clock, n.signature, null, physicians) },
    ],
  };
}

function reviewPage(
  { clock, sources, course, physicians }: PageContext,
  f: Fraction,
  review: Signature,
  deadline: string | null,
): Enclosure {
  // The review's record names its imaging when it states it; else an image-guidance order may name the
  // system; else it stays unknown.
  const imaging = imagingLabel(f.imageGuidance?.modality);
  const order = signedOrders(course, 'image-guidance').find((o) => o.system);
  return {
    title: `Image-guidance review, fraction ${f.number} (${f.date})`,
    what: "The physician's review of the image guidance of this fraction (the professional component of 77387).",
    source: sources.get(`igrt-review|#${f.number}`) ?? sources.get(`igrt-review|@${f.date}`) ?? NOT_RECORDED,
    rows: [
      { label: 'Course', value: course.courseId },
      { label: 'Fraction', value: `${f.number} on ${f.date}` },
      {
        label: 'Modality',
        value:
          imaging ?? (order ? `${order.system} (order ${order.id})` : 'not stated in the imported records'),
      },
      { label: 'Reviewer', value: signerName(review, physicians) },
      { label: 'Signed', value: signatureLabel(clock, review, deadline, physicians) },
    ],
  };
}

/**
 * A covered line's remittance record: the claim's facts (the payer's claim number, the payment) from the
 * line appealed, the line's own figures (date, codes, amounts, CARCs, RARCs) from the line itself.
 */
function remittancePage(claim: LetterClaim, line: AppealLine): Enclosure {
  const code = (c: string) => [c, ...claim.modifiers].join('-');
  const remarks = claim.remarks ?? line.remarks;
  return {
    title: `Remittance advice line: claim ${claim.claimNumber}, date of service ${claim.dateOfService ?? 'not given'}`,
    what: "The payer's answer to the line, as its electronic remittance advice (X12 835) states it.",
    source: line.source,
    rows: [
      { label: 'Payer', value: claim.payer ?? 'not named' },
      { label: 'Our claim number', value: claim.claimNumber },
      { label: "Payer's claim number", value: line.payerClaimNumber ?? 'not given' },
      { label: 'Payment date', value: line.paymentDate ?? 'not given' },
      { label: 'Payment trace number', value: line.traceNumber ?? 'not given' },
      { label: 'Date of service', value: claim.dateOfService ?? 'not given' },
      { label: 'Billed', value: `${code(claim.submittedCode)}, ${dollars(claim.billedCents)}` },
      {
        label: 'Adjudicated',
        value: `${code(claim.code)}, allowed ${dollars(claim.allowedCents ?? line.allowedCents)}, paid ${dollars(claim.paidCents)}`,
      },
      { label: 'Adjustments (CARC)', value: claim.carcs.join(', ') || 'none' },
      { label: 'Remarks (RARC)', value: remarks.join(', ') || 'none' },
      { label: 'Appeal by', value: line.appealBy ?? 'not known' },
    ],
  };
}

function signedOrders(course: Course, kind: Course['orders'][number]['kind']) {
  return course.orders.filter((o) => o.kind === kind && o.signature).sort((a, b) => a.id.localeCompare(b.id));
}

/** The thresholds a session worked to and where they are stated (the record, else the plan or an order: DOC-006). */
function thresholdsOf(s: MonitoringSession, course: Course): string {
  if (s.thresholds !== UNKNOWN) return `${thresholdLabel(s.thresholds) ?? 'none'} (stated by the record)`;
  const stated = statedCourseThresholds(course);
  return stated.thresholds
    ? `${thresholdLabel(stated.thresholds) ?? 'none'} (the record does not state them; from the ${stated.from})`
    : 'not stated by the record, the plan or an order';
}

/** Beam hold as the record states it, else the plan's (DOC-006: a report does not state gating). */
function beamHoldOf(s: MonitoringSession, course: Course): string {
  if (s.gatingActive !== UNKNOWN) return `${s.gatingActive ? 'on' : 'off'} (stated by the record)`;
  const planned = course.plan.motionManagement?.beamHold;
  return planned === undefined
    ? 'not stated'
    : `${planned ? 'on' : 'off'} (the record does not state it; from the plan)`;
}

/**
 * "Rita Doctorfake, MD, 2026-03-09 17:02 EDT, before the next beam-on (2026-03-10 08:11 EDT)": the signer
 * named as the letter names physicians (the practice's billing settings), else by chart id and role.
 */
function signatureLabel(
  clock: LocalClock,
  signature: Signature | null,
  deadline: string | null,
  physicians: Readonly<Record<string, LetterPhysician>>,
): string {
  const next = deadline === null ? null : parseInstant(deadline);
  if (!signature)
    return `not signed${next === null ? '' : `; due before the next beam-on (${clock.format(next)})`}`;
  const at = parseInstant(signature.signedAt);
  const timing =
    next === null ? '' : `, ${at <= next ? 'before' : 'after'} the next beam-on (${clock.format(next)})`;
  return `${signerName(signature, physicians)}, ${clock.format(at)}${timing}`;
}

/** The signer as the practice settings name the physician; the chart's id and role when they do not. */
function signerName(signature: Signature, physicians: Readonly<Record<string, LetterPhysician>>): string {
  return physicianLabel(physicians[signature.signerId]) ?? `${signature.signerId} (${signature.role})`;
}

function timeOfDay(clock: LocalClock, epochMs: number): string {
  return clock.toLocal(epochMs).slice(11, 19);
}

/**
 * Where each chart document of the patient was imported from: the orders/signatures CSV rows
 * (`file:line N`, as linking names them) and the FHIR bundles' resources, later imports winning as they
 * do in linking; a row naming another course of the patient is not this course's. Patient ids are
 * compared, never returned.
 */
export async function documentSources(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  courseKey: string,
): Promise<DocumentSources> {
  const patient = await ctx.db
    .selectFrom('patients')
    .select('mrn')
    .where('practice_id', '=', actor.practiceId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  // The patient's records of the chart-document files, kept split by patient (import_records).
  const rows = patient
    ? await ctx.db
        .selectFrom('import_records as r')
        .innerJoin('imports as i', 'i.id', 'r.import_id')
        .select('r.content')
        .where('r.practice_id', '=', actor.practiceId)
        .where('r.patient_key', '=', patient.mrn)
        .where('i.format', 'in', ['orders-signatures', 'fhir'])
        .orderBy('r.import_id')
        .execute()
    : [];
  const out = new Map<string, string>();
  const add = (doc: ChartDocument | null, source: string) => {
    if (!doc || doc.patientId !== patient?.mrn || (doc.courseId && doc.courseId !== courseKey)) return;
    if (doc.kind !== 'igrt-review') out.set(`${doc.kind}|${doc.documentId}`, source);
    else if (doc.fractionNumber !== undefined) out.set(`igrt-review|#${doc.fractionNumber}`, source);
    else if (doc.date) out.set(`igrt-review|@${doc.date}`, source);
  };
  for (const row of rows) {
    const records = row.content as Partial<ExportRecords>;
    for (const { source, table } of records.documents ?? [])
      for (const doc of table.documents) add(doc, `${source}:line ${doc.line}`);
    for (const { bundle } of records.fhir ?? [])
      for (const { source, document } of fhirDocuments(bundle)) add(document, source);
  }
  return out;
}

type ChartDocument = NonNullable<ExportRecords['documents'][number]['table']['documents'][number]>;
