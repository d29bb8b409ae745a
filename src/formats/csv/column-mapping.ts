import { z } from 'zod';
import type { Parsed } from '../../core/model/input-problem.js';
import { validateDocument } from '../json/validate-document.js';
import { CSV_KINDS, type CsvKind, FIELDS_BY_KIND, type FieldSpec } from './csv-fields.js';
import { compileFormat } from './date-time-format.js';
import { CSV_ENCODINGS, type CsvEncoding } from './decode-csv-text.js';
import { CSV_DELIMITERS, type CsvDelimiter } from './detect-delimiter.js';

/**
 * A column mapping: which header names hold which field in one site's CSV export, and how its cells are
 * written (delimiter, encoding, date/time formats, decimal separator). Sites pass their own as JSON
 * (`--mapping site.json`); the bundled ones are in mappings/. Column names differ per site, so this is
 * configuration, never a guess (domain.md §5.4).
 */

/** JSON form of a column: a header name, alternatives, or an object with a format and value spellings. */
export type ColumnSpecInput =
  string | string[] | { header: string | string[]; format?: string; values?: Record<string, string> };

export interface ColumnSpec {
  /** Header names that may hold the field, in order of preference (compared trimmed, case-insensitively). */
  headers: string[];
  /** Dates and times: overrides the mapping's `dateFormat`/`timeFormat`. */
  format?: string;
  /** Enumerations: site spellings → values (`{ "AMM": "motion-management-order" }`). */
  values?: Record<string, string>;
}

export interface CsvMappingInput {
  id: string;
  name: string;
  kind: CsvKind;
  description?: string;
  delimiter?: CsvDelimiter;
  encoding?: CsvEncoding | 'utf-8-bom' | 'latin1';
  headerRow?: number;
  decimalSeparator?: '.' | ',';
  dateFormat?: string;
  timeFormat?: string;
  columns: Record<string, ColumnSpecInput>;
}

export interface CsvMapping {
  id: string;
  name: string;
  kind: CsvKind;
  description?: string;
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
  /** Physical line of the header row (1 = first); lines above it (a report title) are skipped. */
  headerRow: number;
  decimalSeparator: '.' | ',';
  dateFormat: string;
  timeFormat: string;
  columns: Readonly<Record<string, ColumnSpec | undefined>>;
}

const headerName = z.string().trim().min(1).max(200);
const headerNames = z.union([headerName, z.array(headerName).min(1).max(50)]);
const columnSpec = z
  .union(
    [
      headerNames,
      z
        .object({
          header: headerNames,
          format: z.string().min(1).max(100).optional(),
          values: z.record(z.string().trim().min(1), z.string()).optional(),
        })
        .strict(),
    ],
    { error: 'expected a header name, a list of header names, or { "header", "format", "values" }' },
  )
  .transform((spec): ColumnSpec => {
    if (typeof spec === 'string') return { headers: [spec] };
    if (Array.isArray(spec)) return { headers: spec };
    const headers = typeof spec.header === 'string' ? [spec.header] : spec.header;
    return {
      headers,
      ...(spec.format && { format: spec.format }),
      ...(spec.values && { values: spec.values }),
    };
  });

function columnsSchema(kind: CsvKind) {
  const shape = Object.fromEntries(
    Object.entries(FIELDS_BY_KIND[kind]).map(([key, field]: [string, FieldSpec]) => [
      key,
      field.required ? columnSpec.describe(field.label) : columnSpec.optional().describe(field.label),
    ]),
  );
  return z.object(shape).strict();
}

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'an id of lower-case letters, digits, ".", "_" or "-"'),
  name: z.string().min(1),
  description: z.string().optional(),
  delimiter: z.enum(CSV_DELIMITERS).default('auto'),
  encoding: z
    .enum([...CSV_ENCODINGS, 'utf-8-bom', 'latin1'])
    // A BOM is read whatever the setting; WHATWG Encoding maps the label "latin1" to windows-1252.
    .transform((e): CsvEncoding => (e === 'utf-8-bom' ? 'utf-8' : e === 'latin1' ? 'windows-1252' : e))
    .default('auto'),
  headerRow: z.number().int().min(1).max(1000).default(1),
  decimalSeparator: z.enum(['.', ',']).default('.'),
  dateFormat: z.string().min(1).max(100).default('YYYY-MM-DD'),
  timeFormat: z.string().min(1).max(100).default('HH:mm:ss'),
};

const mappingObject = z.discriminatedUnion(
  'kind',
  CSV_KINDS.map((kind) =>
    z.object({ ...common, kind: z.literal(kind), columns: columnsSchema(kind) }).strict(),
  ) as unknown as [
    z.ZodObject<typeof common & { kind: z.ZodLiteral<CsvKind>; columns: ReturnType<typeof columnsSchema> }>,
  ],
);

/** The zod schema of a mapping, with format and value checks located at their JSON path. */
export const csvMappingSchema = mappingObject.superRefine((mapping, ctx) => {
  const fields: Readonly<Record<string, FieldSpec>> = FIELDS_BY_KIND[mapping.kind];
  for (const [key, role] of [
    ['dateFormat', 'date'],
    ['timeFormat', 'time'],
  ] as const) {
    const error = formatError(mapping[key], role);
    if (error) ctx.addIssue({ code: 'custom', path: [key], message: error });
  }
  const columns = mapping.columns as Record<string, ColumnSpec | undefined>;
  for (const [key, column] of Object.entries(columns)) {
    const field = fields[key]!;
    if (!column) continue;
    if (column.format !== undefined) {
      const role = formatRole(field);
      const error = role
        ? formatError(column.format, role)
        : 'a format applies to date and time columns only';
      if (error) ctx.addIssue({ code: 'custom', path: ['columns', key, 'format'], message: error });
    }
    if (column.values !== undefined) {
      if (field.type !== 'enum') {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key, 'values'],
          message: 'values apply to enumerated columns only',
        });
        continue;
      }
      for (const [spelling, value] of Object.entries(column.values)) {
        if (!field.values!.includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', key, 'values', spelling],
            message: `expected one of ${field.values!.map((v) => `"${v}"`).join(', ')}`,
          });
        }
      }
    }
  }
  // Treatment history: the date of service comes from a date column, or from date-time beam columns.
  if (
    mapping.kind === 'treatment-history' &&
    !columns.date &&
    requirement(mapping as CsvMapping, 'date', fields.date!)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['columns', 'date'],
      message: 'a date column is required unless beamOn and beamOff have date-time formats',
    });
  }
}) as unknown as z.ZodType<CsvMapping, CsvMappingInput>;

type FormatRole = 'date' | 'time' | 'date-time';

function formatRole(field: FieldSpec): FormatRole | null {
  return field.type === 'date' || field.type === 'time' || field.type === 'date-time' ? field.type : null;
}

/** Why a format does not suit a column of this role, or null. */
export function formatError(format: string, role: FormatRole): string | null {
  const compiled = compileFormat(format);
  if ('error' in compiled) return compiled.error;
  if (role === 'date' && (!compiled.hasDate || compiled.hasTime)) {
    return `"${format}" is not a date format (YYYY, MM and DD, no time)`;
  }
  if (role === 'time' && !compiled.hasTime) return `"${format}" has no time (HH:mm:ss or h:mm:ss A)`;
  if (role === 'time' && compiled.hasOffset) {
    return `"${format}": beam times are facility wall-clock readings, without a UTC offset (Z)`;
  }
  if (role === 'date-time' && !(compiled.hasDate && compiled.hasTime)) {
    return `"${format}" needs a date and a time`;
  }
  return null;
}

/**
 * How far a field is required under this mapping: as the catalogue says, except that a treatment history
 * needs its date column when the beam times are times of day only.
 */
export function requirement(mapping: CsvMapping, key: string, field: FieldSpec): FieldSpec['required'] {
  if (mapping.kind !== 'treatment-history' || key !== 'date') return field.required;
  const dated = (beam: 'beamOn' | 'beamOff') => {
    const format = compileFormat(mapping.columns[beam]?.format ?? mapping.timeFormat);
    return 'hasDate' in format && format.hasDate;
  };
  return dated('beamOn') && dated('beamOff') ? field.required : 'cell';
}

/** The format that applies to a date/time field of this mapping. */
export function effectiveFormat(mapping: CsvMapping, key: string, field: FieldSpec): string {
  const column = mapping.columns[key];
  if (column?.format) return column.format;
  if (field.defaultFormat === 'ISO') return 'ISO';
  return field.defaultFormat === 'timeFormat' ? mapping.timeFormat : mapping.dateFormat;
}

/** A mapping in its JSON form (what a site writes; `parseColumnMapping` reads it back unchanged). */
export function mappingToJson(mapping: CsvMapping): CsvMappingInput {
  const columns: Record<string, ColumnSpecInput> = {};
  for (const [key, column] of Object.entries(mapping.columns)) {
    if (!column) continue;
    const header = column.headers.length === 1 ? column.headers[0]! : column.headers;
    columns[key] =
      column.format === undefined && column.values === undefined
        ? header
        : {
            header,
            ...(column.format !== undefined && { format: column.format }),
            ...(column.values !== undefined && { values: column.values }),
          };
  }
  return { ...mapping, columns };
}

/** A site's mapping file (JSON) → a mapping, or problems located by JSON path (`site.json:columns.date`). */
export function parseColumnMapping(input: Uint8Array | string, source: string): Parsed<CsvMapping> {
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return {
      ok: false,
      problems: [{ location: source, message: 'not valid UTF-8 (a mapping is a JSON file)' }],
    };
  }
  return validateDocument(text.replace(/^\uFEFF/, ''), source, csvMappingSchema);
}
