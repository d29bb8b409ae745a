import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Column, tableToCsv, tableToXlsx } from './write-table.js';

const columns: Column[] = [
  { header: 'Course' },
  { header: 'At risk ($)', kind: 'cents' },
  { header: 'Note' },
];
const rows = [
  ['C-1', 12345, '=HYPERLINK("x")'],
  ['C-2', null, 'plain, with comma'],
];

describe('tables for spreadsheets', () => {
  it('writes CSV with a BOM, dollars, and formulas neutralised', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(tableToCsv(columns, rows));
    expect(text.startsWith('\uFEFFCourse,At risk ($),Note\r\n')).toBe(true);
    expect(text).toContain(`C-1,123.45,"'=HYPERLINK(""x"")"`);
    expect(text).toContain('C-2,,"plain, with comma"');
  });

  it('writes an xlsx workbook that reads back with typed cells', async () => {
    const bytes = await tableToXlsx('Holds', columns, rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = wb.getWorksheet('Holds')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Course', 'At risk ($)', 'Note']);
    expect(sheet.getCell('B2').value).toBe(123.45);
    expect(sheet.getCell('C2').value).toBe(`'=HYPERLINK("x")`);
  });
});
