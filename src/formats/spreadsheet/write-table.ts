import ExcelJS from 'exceljs';
import { type CsvCell, writeCsv } from '../csv/write-csv.js';

/**
 * A table (header + rows) for people to open in Excel: CSV with a UTF-8 byte order mark (so Excel reads
 * accents right) or an .xlsx workbook with a bold, frozen header row, typed cells and a filter. Text
 * cells starting with `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` so a spreadsheet never runs
 * them as formulas (OWASP, "CSV Injection").
 */
export interface Column {
  header: string;
  /** Column width in characters (xlsx). */
  width?: number;
  /** `cents` values are written as dollars with 2 decimals (number format in xlsx). */
  kind?: 'text' | 'number' | 'cents' | 'date';
}

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const dollars = (cents: number) => (cents / 100).toFixed(2);

export function tableToCsv(columns: readonly Column[], rows: readonly (readonly Cell[])[]): Uint8Array {
  const body: CsvCell[][] = [
    columns.map((c) => c.header),
    ...rows.map((row) =>
      row.map((v, i) => (columns[i]?.kind === 'cents' && typeof v === 'number' ? dollars(v) : neutralize(v))),
    ),
  ];
  return new TextEncoder().encode(`\uFEFF${writeCsv(body)}`);
}

export async function tableToXlsx(
  sheetName: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sgrt-billing';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length + 2),
    ...(c.kind === 'cents' ? { style: { numFmt: '"$"#,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      row.map((v, i) => (columns[i]?.kind === 'cents' && typeof v === 'number' ? v / 100 : neutralize(v))),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
