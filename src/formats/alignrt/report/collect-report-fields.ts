import type { InputProblem } from '../../../core/model/input-problem.js';
import type { PdfPageText } from './load-pdf-text.js';
import {
  CONTINUED_RE,
  FOOTER_RE,
  GRAPH_AXIS_RE,
  isLeftLabel,
  type Label,
  OTHER_HEADING_RE,
  PATIENT_DETAILS_RE,
  SESSION_RE,
  STATEMENT_RE,
  TITLE_RE,
} from './report-labels.js';
import { labelledValues, layoutPage } from './report-layout.js';

/**
 * Walks the report's lines, page after page, top to bottom, and files each labelled value under the part
 * of the report it is printed in (domain.md §5.2): the header (Report Date/Time, PATIENT DETAILS,
 * SYSTEM DETAILS / SETTINGS), the STATEMENT, and each MONITORING SESSION block, which may continue on the
 * next page after its "alignRT Treatment Report / CONTINUED" page header. Values stay text here; the
 * typed report is built from them by buildTreatmentReport.
 */
export const HEADER_LABELS = [
  'Report Date/Time',
  'Name',
  'Patient ID',
  'Date of Birth',
  'PCR Number',
  'Start Time',
  'End Time',
  'Total Duration',
] as const;
export const SESSION_LABELS = [
  'Protocol',
  'Plan Name',
  'Isocentre',
  'Start Time',
  'End Time',
  'Total Duration',
] as const;
export type HeaderLabel = (typeof HEADER_LABELS)[number];
export type SessionLabel = (typeof SESSION_LABELS)[number];

export interface FieldText {
  text: string;
  page: number;
  /** `file.pdf:page 1, SYSTEM DETAILS, "Start Time"`. */
  location: string;
}

export interface SessionFields {
  index: number | 'final';
  /** The heading as printed, normalised: `MONITORING SESSION 2`, `FINAL MONITORING SESSION`. */
  heading: string;
  page: number;
  fields: Partial<Record<SessionLabel, FieldText>>;
}

export interface ReportFields {
  /** Pages whose text carries the title "alignRT Treatment Report". */
  titlePages: number[];
  /** Page of the PATIENT DETAILS heading, else of the first header field. */
  detailsPage: number | null;
  header: Partial<Record<HeaderLabel, FieldText>>;
  statement: string | null;
  sessions: SessionFields[];
  graphPages: number[];
  footers: { page: number; k: number; n: number }[];
  warnings: InputProblem[];
}

const HEADER = new Set<Label>(HEADER_LABELS);
const SESSION = new Set<Label>(SESSION_LABELS);

type Section = 'top' | 'details' | 'statement' | 'session' | 'other';

/** Where a header field is printed, for locations: the heading of its column. */
function headerPart(label: Label): string {
  if (label === 'Report Date/Time') return '';
  return isLeftLabel(label) ? 'PATIENT DETAILS, ' : 'SYSTEM DETAILS, ';
}

export function collectReportFields(pages: PdfPageText[], source: string): ReportFields {
  const out: ReportFields = {
    titlePages: [],
    detailsPage: null,
    header: {},
    statement: null,
    sessions: [],
    graphPages: [],
    footers: [],
    warnings: [],
  };
  const statement: string[] = [];
  let section: Section = 'top';
  let session: SessionFields | undefined;

  const file = <L extends Label>(
    record: Partial<Record<L, FieldText>>,
    label: L,
    text: string,
    page: number,
    location: string,
  ) => {
    const previous = record[label];
    if (!previous) record[label] = { text, page, location };
    else if (previous.text !== text)
      out.warnings.push({
        location,
        message: 'printed a second time with a different value; the first is kept',
      });
  };

  for (const pageText of pages) {
    const page = pageText.page;
    const at = `${source}:page ${page}`;
    const layout = layoutPage(pageText);
    // Axis labels may be rotated (not on any line) or split over items (only whole on a line).
    if ([...pageText.items, ...layout.lines].some((t) => GRAPH_AXIS_RE.test(t.text)))
      out.graphPages.push(page);
    for (const line of layout.lines) {
      const text = line.text;
      if (TITLE_RE.test(text)) {
        if (!out.titlePages.includes(page)) out.titlePages.push(page);
        continue;
      }
      if (CONTINUED_RE.test(text)) continue;
      const footer = FOOTER_RE.exec(text);
      if (footer) {
        out.footers.push({ page, k: Number(footer[1]), n: Number(footer[2]) });
        continue;
      }
      if (PATIENT_DETAILS_RE.test(text)) {
        section = 'details';
        out.detailsPage ??= page;
        continue;
      }
      const statementStart = STATEMENT_RE.exec(text);
      if (statementStart) {
        section = 'statement';
        if (statementStart[1]) statement.push(statementStart[1]);
        continue;
      }
      const heading = SESSION_RE.exec(text);
      if (heading) {
        const index = heading[1] ? 'final' : heading[2] ? Number(heading[2]) : out.sessions.length + 1;
        // The same heading again (e.g. "MONITORING SESSION 1 (CONTINUED)" on the next page) goes on.
        if (section !== 'session' || session?.index !== index) {
          session = {
            index,
            heading: index === 'final' ? 'FINAL MONITORING SESSION' : `MONITORING SESSION ${index}`,
            page,
            fields: {},
          };
          out.sessions.push(session);
        }
        section = 'session';
        continue;
      }
      const values = labelledValues(line, layout.rightColumnX);
      if (values.length === 0) {
        if (OTHER_HEADING_RE.test(text)) section = 'other';
        else if (section === 'statement') statement.push(text);
        // Anything else (graph ticks, captions) carries no field.
        continue;
      }
      if (section === 'statement') section = 'other';
      for (const { label, value } of values) {
        if (label === 'Time Stamp') continue; // FINAL SCREEN CAPTURE time: not read.
        if (label === 'Report Date/Time') {
          file(out.header, label, value, page, `${at}, "${label}"`);
        } else if ((section === 'top' || section === 'details') && HEADER.has(label)) {
          out.detailsPage ??= page;
          file(out.header, label as HeaderLabel, value, page, `${at}, ${headerPart(label)}"${label}"`);
        } else if (section === 'session' && session && SESSION.has(label)) {
          file(session.fields, label as SessionLabel, value, page, `${at}, ${session.heading}, "${label}"`);
        } else {
          out.warnings.push({
            location: `${at}, "${label}"`,
            message: 'printed outside the part of the report where it belongs; ignored',
          });
        }
      }
    }
  }
  if (statement.length > 0) out.statement = statement.join(' ').replace(/\s+/g, ' ').trim();
  return out;
}
