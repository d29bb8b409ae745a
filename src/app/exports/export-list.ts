import { type Cell, type Column, tableToCsv, tableToXlsx } from '../../formats/spreadsheet/write-table.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, forbidden } from '../app-errors.js';
import { fractionRows } from '../queries/fractions.js';
import { signatureRows } from '../queries/signatures-due.js';
import type { FractionQuery, MoneyTotal } from '../views.js';

export const EXPORT_LISTS = ['holds', 'signatures', 'charges', 'fractions', 'remittances'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Rows per export: larger lists go through the API in pages. */
export const MAX_EXPORT_ROWS = 100_000;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

interface Table {
  columns: Column[];
  rows: Cell[][];
  patientIds: string[];
}

/**
 * `GET /api/exports/:list.:format`: a worklist or the charges as CSV (UTF-8 with BOM) or Excel, with the
 * same filters as the worklist on screen. The access log records every patient in the file.
 */
export async function exportList(
  ctx: AppContext,
  actor: Actor,
  list: ExportList,
  format: ExportFormat,
  q: FractionQuery,
): Promise<ExportFile> {
  if (list === 'remittances' && actor.role === 'physician')
    throw forbidden('remittances are for billing staff');
  const table = await TABLES[list](ctx, actor, q);
  if (table.rows.length > MAX_EXPORT_ROWS) {
    throw new AppError(
      'invalid_input',
      `more than ${MAX_EXPORT_ROWS} rows: narrow the filters (dates, payer)`,
    );
  }
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: table.patientIds,
    route: `GET /api/exports/${list}`,
  });
  const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
  const filename = `sgrt-${list}-${stamp}.${format}`;
  return format === 'csv'
    ? { filename, contentType: 'text/csv; charset=utf-8', body: tableToCsv(table.columns, table.rows) }
    : {
        filename,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await tableToXlsx(list, table.columns, table.rows),
      };
}

/** The first columns of every fraction-level list: who, which course, which fraction, when. */
const FRACTION_IDENTITY: Column[] = [
  { header: 'Patient', width: 24 },
  { header: 'MRN', width: 14 },
  { header: 'Course', width: 14 },
  { header: 'Fraction', kind: 'number' },
  { header: 'Date of service', kind: 'date', width: 14 },
];

/**
 * A total at risk in three cells: the total, empty when a line has no rate (never summed as $0.00), the
 * known part, and the lines without a rate.
 */
const AT_RISK_COLUMNS: Column[] = [
  { header: 'At risk ($)', kind: 'cents', width: 12 },
  { header: 'At risk known ($)', kind: 'cents', width: 12 },
  { header: 'Lines without a rate', kind: 'number' },
];
const atRiskCells = (t: MoneyTotal): Cell[] => [t.cents, t.knownCents, t.linesWithoutRate];

const FRACTION_COLUMNS: Column[] = [
  ...FRACTION_IDENTITY,
  { header: 'Status' },
  { header: 'Codes', width: 22 },
  { header: 'Reasons', width: 24 },
  ...AT_RISK_COLUMNS,
  { header: 'Signature deadline (UTC)', width: 24 },
  { header: 'Physician', width: 14 },
  { header: 'Payer', width: 14 },
  { header: 'Charge status', width: 14 },
];

async function fractionTable(ctx: AppContext, actor: Actor, q: FractionQuery): Promise<Table> {
  const rows = await fractionRows(ctx, actor, { ...q, offset: 0 }, MAX_EXPORT_ROWS + 1);
  return {
    columns: FRACTION_COLUMNS,
    rows: rows.map((r) => [
      r.patientName,
      r.mrn,
      r.courseKey,
      r.number,
      r.date,
      r.status,
      r.codes.join(' '),
      r.reasons.join(' '),
      ...atRiskCells(r.atRisk),
      r.signatureDeadline,
      r.physicianId,
      r.payer,
      r.chargeStatus,
    ]),
    patientIds: rows.map((r) => r.patientId),
  };
}

async function signatureTable(ctx: AppContext, actor: Actor, q: FractionQuery): Promise<Table> {
  const due = await signatureRows(ctx, actor, {
    physicianId: q.physicianId,
    search: q.search,
    limit: MAX_EXPORT_ROWS + 1,
  });
  return {
    columns: [
      ...FRACTION_IDENTITY,
      { header: 'To sign', width: 24 },
      { header: 'Next beam-on (UTC)', width: 24 },
      { header: 'Deadline (UTC)', width: 24 },
      { header: 'Overdue' },
      ...AT_RISK_COLUMNS,
      { header: 'Physician', width: 14 },
    ],
    rows: due.map((d) => [
      d.patientName,
      d.mrn,
      d.courseKey,
      d.fractionNumber,
      d.date,
      d.documents.join(' '),
      d.nextBeamOn,
      d.deadline,
      d.overdue ? 'yes' : 'no',
      ...atRiskCells(d.atRisk),
      d.physicianId,
    ]),
    patientIds: due.map((d) => d.patientId),
  };
}

async function chargeTable(ctx: AppContext, actor: Actor, q: FractionQuery): Promise<Table> {
  const rows = await ctx.db
    .selectFrom('charges as ch')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select([
      'p.name',
      'p.mrn',
      'c.patient_id',
      'c.course_key',
      'f.number',
      'f.date_of_service',
      'ch.code',
      'ch.modifiers',
      'ch.units',
      'ch.expected_cents',
      'ch.status',
      'ch.reason',
      'c.payer_profile',
    ])
    .where('ch.practice_id', '=', actor.practiceId)
    .$if(q.from !== undefined, (s) => s.where('f.date_of_service', '>=', q.from!))
    .$if(q.to !== undefined, (s) => s.where('f.date_of_service', '<=', q.to!))
    .$if(q.payer !== undefined, (s) => s.where('c.payer_profile', '=', q.payer!))
    .$if(q.physicianId !== undefined, (s) => s.where('c.physician_id', '=', q.physicianId!))
    .$if(q.courseId !== undefined, (s) => s.where('c.id', '=', q.courseId!))
    .orderBy('f.date_of_service')
    .orderBy('c.course_key')
    .orderBy('f.number')
    .orderBy('ch.code')
    .limit(MAX_EXPORT_ROWS + 1)
    .execute();
  return {
    columns: [
      ...FRACTION_IDENTITY,
      { header: 'Code' },
      { header: 'Modifiers' },
      { header: 'Units', kind: 'number' },
      { header: 'Expected ($)', kind: 'cents', width: 12 },
      { header: 'Status', width: 12 },
      { header: 'Reason', width: 30 },
      { header: 'Payer', width: 14 },
    ],
    rows: rows.map((r) => [
      r.name,
      r.mrn,
      r.course_key,
      r.number,
      r.date_of_service,
      r.code,
      r.modifiers,
      r.units,
      r.expected_cents === null ? null : Number(r.expected_cents),
      r.status,
      r.reason,
      r.payer_profile,
    ]),
    patientIds: rows.map((r) => r.patient_id),
  };
}

async function remittanceTable(ctx: AppContext, actor: Actor, q: FractionQuery): Promise<Table> {
  const rows = await ctx.db
    .selectFrom('remit_lines as r')
    .leftJoin('patients as p', 'p.id', 'r.patient_id')
    .select([
      'r.payer',
      'r.payment_date',
      'r.claim_pcn',
      'r.payer_claim_control_number',
      'r.claim_status',
      'r.line_no',
      'p.name',
      'p.mrn',
      'r.patient_id',
      'r.date_of_service',
      'r.code',
      'r.modifiers',
      'r.submitted_code',
      'r.billed_cents',
      'r.paid_cents',
      'r.allowed_cents',
      'r.expected_cents',
      'r.patient_responsibility_cents',
      'r.category',
      'r.queue',
      'r.rule_id',
      'r.carcs',
      'r.remarks',
      'r.next_action',
      'r.appeal_by',
    ])
    .where('r.practice_id', '=', actor.practiceId)
    .$if(q.payer !== undefined, (s) => s.where('r.payer', '=', q.payer!))
    .orderBy('r.payment_date', 'desc')
    .orderBy('r.claim_pcn')
    .orderBy('r.line_no')
    .limit(MAX_EXPORT_ROWS + 1)
    .execute();
  const cents = (v: string | null) => (v === null ? null : Number(v));
  return {
    columns: [
      { header: 'Payer', width: 22 },
      { header: 'Payment date', kind: 'date', width: 13 },
      { header: 'Claim', width: 16 },
      { header: 'Payer claim (CLP07)', width: 18 },
      { header: 'Claim status (CLP02)' },
      { header: 'Line', kind: 'number' },
      { header: 'Patient', width: 24 },
      { header: 'MRN', width: 14 },
      { header: 'Date of service', kind: 'date', width: 14 },
      { header: 'Paid as', width: 12 },
      { header: 'Sent as' },
      { header: 'Billed ($)', kind: 'cents', width: 12 },
      { header: 'Paid ($)', kind: 'cents', width: 12 },
      { header: 'Allowed ($)', kind: 'cents', width: 12 },
      { header: 'Expected ($)', kind: 'cents', width: 12 },
      { header: 'Patient owes ($)', kind: 'cents', width: 12 },
      { header: 'Category', width: 24 },
      { header: 'Work queue', width: 22 },
      { header: 'Rule' },
      { header: 'Adjustments', width: 16 },
      { header: 'Remarks', width: 12 },
      { header: 'Next action', width: 50 },
      { header: 'Appeal by', kind: 'date', width: 12 },
    ],
    rows: rows.map((r) => [
      r.payer,
      r.payment_date,
      r.claim_pcn,
      r.payer_claim_control_number,
      r.claim_status,
      r.line_no,
      r.name ?? null,
      r.mrn ?? null,
      r.date_of_service,
      [r.code, ...(r.modifiers ? r.modifiers.split(',') : [])].join('-'),
      r.submitted_code,
      cents(r.billed_cents),
      cents(r.paid_cents),
      cents(r.allowed_cents),
      cents(r.expected_cents),
      cents(r.patient_responsibility_cents),
      r.category,
      r.queue,
      r.rule_id,
      r.carcs.replaceAll(',', ' '),
      r.remarks.replaceAll(',', ' '),
      r.next_action,
      r.appeal_by,
    ]),
    patientIds: rows.flatMap((r) => (r.patient_id ? [r.patient_id] : [])),
  };
}

const TABLES: Record<ExportList, (ctx: AppContext, actor: Actor, q: FractionQuery) => Promise<Table>> = {
  holds: (ctx, actor, q) => fractionTable(ctx, actor, { ...q, status: 'hold' }),
  fractions: fractionTable,
  signatures: signatureTable,
  charges: chargeTable,
  remittances: remittanceTable,
};
