import type { ReadResult } from '../../core/model/input-problem.js';
import { decodeCsvText } from '../csv/decode-csv-text.js';
import { ProblemList } from './cms-problem-list.js';

/** One code of an ICD-10-CM release, stored without the dot (`C50911`). */
export interface Icd10cmCode {
  code: string;
  /** Valid for HIPAA-covered transactions; false for a "header" (a category needing more characters). */
  billable: boolean;
  /** The long description (ICD-10-CM is public domain, NCHS). */
  description: string;
  location: string;
}

export type Icd10cmLayout = 'order' | 'codes';

export interface Icd10cmTable {
  layout: Icd10cmLayout;
  rows: Icd10cmCode[];
}

/**
 * An ICD-10-CM code without its dot: a letter, a digit, a digit or letter (C4A, C7A, D3A), then up to
 * four letters or digits (ICD-10-CM Official Guidelines I.A.2, codes of 3 to 7 characters; CMS/NCHS
 * code files carry "Decimal is not included").
 */
export const ICD10CM_CODE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/**
 * The order file's fixed-width line (CMS/NCHS "ICD-10-CM/PCS Order Files", the layout document of the
 * "Code Descriptions in Tabular Order" zip, `icd10cm_order_YYYY.txt`): columns 1–5 order number, right
 * justified, zero filled; 6 blank; 7–13 code, no decimal, left justified; 14 blank; 15 `0` for a
 * "header" not valid for HIPAA-covered transactions, `1` for a valid code; 16 blank; 17–76 short
 * description; 77 blank; 78 to the end (at most 400 characters a line) long description.
 */
const ORDER_START = /^\d{5} [A-Z0-9][A-Z0-9 ]{6} [01] /;
/** The codes file (`icd10cm_codes_YYYY.txt`, valid codes only): code left justified in 7, blank, description. */
const CODES_START = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4} +\S/;

/** The layout of an ICD-10-CM code file, told by its first non-blank line; null for anything else. */
export function icd10cmLayout(text: string): Icd10cmLayout | null {
  const first = /^[^\r\n]*\S[^\r\n]*/m.exec(text.slice(0, 4096))?.[0] ?? '';
  if (ORDER_START.test(first)) return 'order';
  if (CODES_START.test(first)) return 'codes';
  return null;
}

const EXAMPLE =
  'an order file line (order number, code, 0/1, short and long descriptions in fixed columns) or a codes file line (code, spaces, description)';

/**
 * The CMS ICD-10-CM order file or codes file → the release's codes, or located problems (the file is
 * refused whole on any bad line). Never throws on input. The codes file lists valid codes only, so its
 * codes are all billable; only the order file names the headers.
 */
export function readIcd10cm(input: Uint8Array | string, source: string): ReadResult<Icd10cmTable> {
  const decoded = decodeCsvText(input, source);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text;
  if (text.trim() === '') return refuse(source, 'empty file: expected an ICD-10-CM order or codes file');
  const layout = icd10cmLayout(text);
  if (!layout) return refuse(source, `unknown layout: expected ${EXAMPLE}`);
  const problems = new ProblemList(source, 'problem');
  const warnings = new ProblemList(source, 'warning');
  const byCode = new Map<string, Icd10cmCode>();
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const location = `${source}:line ${i + 1}`;
    const row =
      layout === 'order' ? orderLine(line, location, problems) : codesLine(line, location, problems);
    if (!row) continue;
    if (byCode.has(row.code)) {
      warnings.add(location, 'a code listed twice in the file: the later line is kept');
      byCode.delete(row.code);
    }
    byCode.set(row.code, row);
  }
  if (problems.size) return { ok: false, problems: problems.list() };
  if (byCode.size === 0) return refuse(source, 'no codes in the file');
  return { ok: true, value: { layout, rows: [...byCode.values()] }, warnings: warnings.list() };
}

function orderLine(line: string, location: string, problems: ProblemList): Icd10cmCode | null {
  const fail = (columns: string, message: string) => {
    problems.add(`${location}, columns ${columns}`, message);
    return null;
  };
  if (line.length > 400) return fail('1-400', 'a line of the order file is at most 400 characters');
  if (!/^\d{5}$/.test(line.slice(0, 5))) return fail('1-5', 'expected the order number: 5 digits');
  if (line[5] !== ' ' || line[13] !== ' ' || line[15] !== ' ')
    return fail('6, 14, 16', 'expected blanks between the order number, code and flag');
  const code = line.slice(6, 13).trimEnd();
  if (!ICD10CM_CODE.test(code))
    return fail('7-13', 'expected an ICD-10-CM code: 3 to 7 letters and digits, left justified, no dot');
  const flag = line[14];
  if (flag !== '0' && flag !== '1') return fail('15', 'expected 0 (header) or 1 (valid code)');
  if (line.length < 78 || line[76] !== ' ')
    return fail('77-78', 'expected the long description from column 78 (the line stops short)');
  const description = line.slice(77).trim();
  if (!description) return fail('78', 'the long description is empty');
  return { code, billable: flag === '1', description, location };
}

function codesLine(line: string, location: string, problems: ProblemList): Icd10cmCode | null {
  const m = /^(\S+)( +)(\S.*)$/.exec(line);
  if (!m) {
    problems.add(location, 'expected a code, spaces and a description');
    return null;
  }
  if (!ICD10CM_CODE.test(m[1]!)) {
    problems.add(
      location,
      'expected an ICD-10-CM code at the start of the line: 3 to 7 letters and digits, no dot',
    );
    return null;
  }
  return { code: m[1]!, billable: true, description: m[3]!.trim(), location };
}

function refuse(location: string, message: string): ReadResult<never> {
  return { ok: false, problems: [{ location, message }] };
}
