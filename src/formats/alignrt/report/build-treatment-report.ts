import type { InputProblem, ReadResult } from '../../../core/model/input-problem.js';
import type { FieldText, ReportFields, SessionFields } from './collect-report-fields.js';
import { readReportDate, readReportDateTime, wallClockSeconds } from './report-dates.js';
import type { DateOrder, ReportMonitoringSession, TreatmentReport } from './report-types.js';
import { readDuration, readIsocentre, type ValueRead } from './report-values.js';

/**
 * The collected field texts → a TreatmentReport, or the problems that stop it being used. Required:
 * the title on page 1, "Patient ID", at least one monitoring session, and each session's Start Time and
 * End Time (what the audit measures). Other fields may be absent (a warning), but a field that is printed
 * and cannot be read is a problem: a wrong value is worse than none. Messages name fields, never values.
 */
export interface BuildContext {
  source: string;
  pageCount: number;
  dateOrder: DateOrder;
  looksTruncated: boolean;
}

/** Seconds by which "Total Duration" may differ from End Time − Start Time (AlignRT truncates it). */
const DURATION_SLACK_SEC = 2;

/** Reads field texts into values, filing what goes wrong as problems or warnings. */
interface FieldReader {
  problems: InputProblem[];
  warnings: InputProblem[];
  /** A present field read with `read`; absent → null (+ warning), unreadable → null (+ `unreadable`). */
  value<T>(
    field: FieldText | undefined,
    missingAt: string,
    read: (text: string) => ValueRead<T>,
    unreadable?: InputProblem[],
  ): T | null;
  text(t: string): ValueRead<string>;
  dateTime(t: string): ValueRead<string>;
}

function fieldReader(dateOrder: DateOrder, warnings: InputProblem[]): FieldReader {
  const problems: InputProblem[] = [];
  return {
    problems,
    warnings,
    value(field, missingAt, read, unreadable = problems) {
      if (!field || field.text === '') {
        warnings.push({ location: missingAt, message: 'not found or empty; left out' });
        return null;
      }
      const result = read(field.text);
      if (result.ok) return result.value;
      unreadable.push({ location: field.location, message: `cannot be read: expected ${result.expected}` });
      return null;
    },
    text: (t) => ({ ok: true, value: t }),
    dateTime: (t) => readReportDateTime(t, dateOrder),
  };
}

export function buildTreatmentReport(fields: ReportFields, ctx: BuildContext): ReadResult<TreatmentReport> {
  const { source, dateOrder } = ctx;
  if (!fields.titlePages.includes(1)) {
    return fail(ctx, [
      {
        location: `${source}:page 1`,
        message:
          'not an alignRT Treatment Report: the title "alignRT Treatment Report" is not on page 1 ' +
          '(a scanned report or another document?)',
      },
    ]);
  }
  const r = fieldReader(dateOrder, [...fields.warnings]);
  const { problems, warnings } = r;
  const detailsAt = `${source}:page ${fields.detailsPage ?? 1}`;
  const h = fields.header;
  const patientId = h['Patient ID']?.text ?? '';
  if (patientId === '')
    problems.push({
      location: `${detailsAt}, PATIENT DETAILS, "Patient ID"`,
      message: 'not found or empty: the report cannot be matched to a patient',
    });
  const report: TreatmentReport = {
    format: 'alignrt-treatment-report',
    dateOrder,
    reportDateTime: r.value(h['Report Date/Time'], `${source}:page 1, "Report Date/Time"`, r.dateTime),
    patientName: r.value(h['Name'], `${detailsAt}, PATIENT DETAILS, "Name"`, r.text),
    patientId,
    // Not needed by the audit: an unreadable date of birth is a warning, not a reason to refuse the report.
    dateOfBirth: r.value(
      h['Date of Birth'],
      `${detailsAt}, PATIENT DETAILS, "Date of Birth"`,
      (t) => readReportDate(t, dateOrder),
      warnings,
    ),
    pcrNumber: r.value(h['PCR Number'], `${detailsAt}, SYSTEM DETAILS, "PCR Number"`, r.text),
    start: r.value(h['Start Time'], `${detailsAt}, SYSTEM DETAILS, "Start Time"`, r.dateTime),
    end: r.value(h['End Time'], `${detailsAt}, SYSTEM DETAILS, "End Time"`, r.dateTime),
    totalDurationSec: r.value(
      h['Total Duration'],
      `${detailsAt}, SYSTEM DETAILS, "Total Duration"`,
      readDuration,
    ),
    statement: fields.statement,
    sessions: [],
    graphPages: fields.graphPages,
    pageCount: ctx.pageCount,
  };
  if (report.statement === null)
    warnings.push({ location: `${source}:page 1, STATEMENT`, message: 'not found; left out' });
  checkInterval(report.start, report.end, report.totalDurationSec, h, r);

  if (fields.sessions.length === 0)
    problems.push({
      location: source,
      message: 'no MONITORING SESSION block found: the report documents no monitoring',
    });
  const seen = new Set<number | 'final'>();
  for (const s of fields.sessions) {
    const at = `${source}:page ${s.page}, ${s.heading}`;
    if (seen.has(s.index)) warnings.push({ location: at, message: 'printed twice; both kept' });
    seen.add(s.index);
    const session = buildSession(s, at, r);
    if (!session) continue;
    report.sessions.push(session);
    if (report.start && report.end && (session.start < report.start || session.end > report.end))
      warnings.push({
        location: at,
        message: 'the session lies outside the SYSTEM DETAILS Start Time–End Time',
      });
  }
  checkFooters(fields, ctx, r);
  if (problems.length > 0) return fail(ctx, problems);
  if (ctx.looksTruncated)
    warnings.push({
      location: source,
      message: 'the file does not end with %%EOF: it may have been cut short',
    });
  return { ok: true, value: report, warnings };
}

/** One session; null when its interval is unknown (a problem has then been filed). */
function buildSession(s: SessionFields, at: string, r: FieldReader): ReportMonitoringSession | null {
  const f = s.fields;
  const required = (label: 'Start Time' | 'End Time'): string | null => {
    const field = f[label];
    if (field && field.text !== '') return r.value(field, `${at}, "${label}"`, r.dateTime);
    r.problems.push({
      location: `${at}, "${label}"`,
      message: 'not found or empty: the monitoring interval cannot be known without it',
    });
    return null;
  };
  const session = {
    index: s.index,
    protocol: r.value(f['Protocol'], `${at}, "Protocol"`, r.text),
    planName: r.value(f['Plan Name'], `${at}, "Plan Name"`, r.text),
    isocentre: r.value(f['Isocentre'], `${at}, "Isocentre"`, readIsocentre),
    start: required('Start Time'),
    end: required('End Time'),
    durationSec: r.value(f['Total Duration'], `${at}, "Total Duration"`, readDuration),
    page: s.page,
  };
  checkInterval(session.start, session.end, session.durationSec, f, r);
  const { start, end } = session;
  return start !== null && end !== null ? { ...session, start, end } : null;
}

/** End not before start; Total Duration close to End − Start. */
function checkInterval(
  start: string | null,
  end: string | null,
  durationSec: number | null,
  fields: Partial<Record<'End Time' | 'Total Duration', FieldText>>,
  { problems, warnings }: FieldReader,
): void {
  if (start === null || end === null) return;
  const elapsed = wallClockSeconds(start, end);
  if (elapsed < 0) {
    problems.push({ location: fields['End Time']!.location, message: 'is before the Start Time' });
  } else if (durationSec !== null && Math.abs(durationSec - elapsed) > DURATION_SLACK_SEC) {
    warnings.push({
      location: fields['Total Duration']!.location,
      message: `differs from End Time − Start Time by more than ${DURATION_SLACK_SEC} s`,
    });
  }
}

/** "Page k / n": n must be the file's page count (else pages are missing), k the page's number. */
function checkFooters(fields: ReportFields, ctx: BuildContext, { problems, warnings }: FieldReader): void {
  const short = fields.footers.find((f) => f.n !== ctx.pageCount);
  if (short)
    problems.push({
      location: `${ctx.source}:page ${short.page}`,
      message: `the footer "Page ${short.k} / ${short.n}" does not match the ${ctx.pageCount} page(s) in the file: the report is incomplete; export it again`,
    });
  for (const f of fields.footers)
    if (f.k !== f.page)
      warnings.push({
        location: `${ctx.source}:page ${f.page}`,
        message: `the footer numbers this page ${f.k}: pages may be out of order`,
      });
}

function fail(ctx: BuildContext, problems: InputProblem[]): ReadResult<TreatmentReport> {
  if (ctx.looksTruncated)
    problems.push({
      location: ctx.source,
      message: 'the file does not end with %%EOF: it looks cut short (truncated); export or copy it again',
    });
  return { ok: false, problems };
}
