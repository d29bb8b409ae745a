import { isValidTimeZone } from '../../core/time/local-clock.js';
import type { ColumnSpec } from './column-mapping.js';
import { enumKey, type FieldSpec } from './csv-fields.js';
import type { CompiledFormat, DateTimeParts } from './date-time-format.js';

/**
 * One non-empty cell → a typed value, or what was expected (the message; the value is never repeated:
 * it may be patient data).
 */
export type CellResult = { ok: true; value: CellValue } | { ok: false; expected: string };

export interface AuthorizedCode {
  /** CPT/HCPCS code, 5 characters (`77412`, `G6015`). */
  code: string;
  /** Two-character modifiers written after a hyphen (`77387-26` → `['26']`). */
  modifiers: string[];
}

export type CellValue = string | number | DateTimeParts | AuthorizedCode[];

/** The value type of a field, by its spec. */
export type ValueOf<S extends FieldSpec> = S['type'] extends 'decimal' | 'integer'
  ? number
  : S['type'] extends 'time' | 'date-time'
    ? DateTimeParts
    : S['type'] extends 'codes'
      ? AuthorizedCode[]
      : string;

export interface CellContext {
  column: ColumnSpec | undefined;
  /** Dates and times: the compiled format of the column. */
  format?: CompiledFormat;
  decimalSeparator: '.' | ',';
}

const DECIMAL = { '.': /^[+-]?(\d+(\.\d*)?|\.\d+)$/, ',': /^[+-]?(\d+(,\d*)?|,\d+)$/ };
const INTEGER = /^[+-]?\d{1,15}$/;
// CPT/HCPCS Level II codes are five characters; modifiers two (CMS Claims Processing Manual ch. 12 §30).
const CODE = /^([0-9A-Z]{5})((?:-[0-9A-Z]{2})*)$/;

export function readCell(field: FieldSpec, cell: string, ctx: CellContext): CellResult {
  const text = cell.trim();
  switch (field.type) {
    case 'text':
      return { ok: true, value: text };
    case 'decimal':
    case 'integer': {
      const ok = field.type === 'integer' ? INTEGER.test(text) : DECIMAL[ctx.decimalSeparator].test(text);
      const value = ok ? Number(text.replace(',', '.')) : NaN;
      if (!Number.isFinite(value) || (field.min !== undefined && value < field.min)) {
        const kind =
          field.type === 'integer'
            ? 'a whole number'
            : `a number${ctx.decimalSeparator === ',' ? ' with a decimal comma' : ''}`;
        return { ok: false, expected: `expected ${kind}${field.min !== undefined ? ` ≥ ${field.min}` : ''}` };
      }
      return { ok: true, value };
    }
    case 'date':
    case 'time':
    case 'date-time': {
      const parts = ctx.format!.parse(text);
      if (!parts) {
        const what = field.type === 'date' ? 'a date' : field.type === 'time' ? 'a time' : 'a date and time';
        const pattern =
          ctx.format!.pattern === 'ISO' ? 'ISO 8601 (YYYY-MM-DDTHH:mm:ss±HH:mm)' : ctx.format!.pattern;
        return { ok: false, expected: `expected ${what} written ${pattern}` };
      }
      return { ok: true, value: field.type === 'date' ? parts.date! : parts };
    }
    case 'enum': {
      const value = enumValue(text, field, ctx.column);
      if (value === undefined) {
        return {
          ok: false,
          expected: `expected one of ${field.values!.join(', ')} (map other spellings with "values" in the mapping)`,
        };
      }
      return { ok: true, value };
    }
    case 'codes': {
      const codes: AuthorizedCode[] = [];
      for (const token of text.toUpperCase().split(/[\s;,|/]+/)) {
        if (token === '') continue;
        const m = CODE.exec(token);
        if (!m) {
          return {
            ok: false,
            expected:
              'expected procedure codes such as 77412;77387-26 (five characters, modifiers after "-")',
          };
        }
        codes.push({ code: m[1]!, modifiers: m[2] ? m[2].slice(1).split('-') : [] });
      }
      return codes.length > 0
        ? { ok: true, value: codes }
        : { ok: false, expected: 'expected procedure codes' };
    }
    case 'time-zone':
      return isValidTimeZone(text) && /^[A-Za-z]/.test(text)
        ? { ok: true, value: text }
        : { ok: false, expected: 'expected an IANA time zone such as America/New_York' };
  }
}

/** The enum value a cell means under the column's spellings and the field's aliases, or undefined. */
export function enumValue(
  cell: string,
  field: FieldSpec,
  column: ColumnSpec | undefined,
): string | undefined {
  const key = enumKey(cell);
  if (column?.values) {
    for (const [spelling, value] of Object.entries(column.values))
      if (enumKey(spelling) === key) return value;
  }
  const direct = field.values?.find((v) => enumKey(v) === key);
  return direct ?? field.aliases?.[key] ?? field.recognize?.(key);
}
