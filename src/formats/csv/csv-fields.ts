import { IMAGING_MODALITIES, SIGNER_ROLES } from '../../core/model/course.js';

/**
 * What each kind of CSV holds, field by field: the value type that decides how a cell is read, whether
 * the mapping must name a column for it, and (for enumerations) the values and their usual spellings.
 * The mapping schema (column-mapping.ts) and the table reader (read-csv-table.ts) are driven by this.
 */
export const CSV_KINDS = ['treatment-history', 'orders-signatures', 'authorizations'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export type FieldType =
  | 'text'
  | 'decimal'
  | 'integer'
  | 'date'
  /** A time of day, or a date and time, per the column's format (beam on/off). */
  | 'time'
  /** A date and time, with or without a UTC offset (signatures). */
  | 'date-time'
  | 'enum'
  | 'codes'
  | 'time-zone';

export interface FieldSpec {
  type: FieldType;
  /**
   * `cell`: the mapping must name the column and every row needs a value; `column`: the column must be
   * named, its cells may be blank; `false`: an optional column.
   */
  required: 'cell' | 'column' | false;
  /** What the field holds, in messages and the README. */
  label: string;
  /** Enumerations: the values, and spellings that mean them (keys normalised by `enumKey`). */
  values?: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  /** Enumerations: a last resort for labels that encode the value (an energy label such as 6X). */
  recognize?: (key: string) => string | undefined;
  /** Dates and times: the mapping-wide default that applies when the column gives no format. */
  defaultFormat?: 'dateFormat' | 'timeFormat' | 'ISO';
  /** Numbers: the smallest value allowed. */
  min?: number;
}

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/** `Motion Management_Order ` → `motion-management-order`: how enum cells and aliases are compared. */
export function enumKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

export const RADIATION_TYPES = ['PHOTON', 'ELECTRON', 'PROTON', 'OTHER'] as const;

export const TREATMENT_HISTORY_FIELDS = {
  patientId: { type: 'text', required: 'cell', label: 'patient ID' },
  date: { type: 'date', required: false, label: 'treatment date', defaultFormat: 'dateFormat' },
  beamOn: { type: 'time', required: 'cell', label: 'beam-on time', defaultFormat: 'timeFormat' },
  beamOff: { type: 'time', required: 'cell', label: 'beam-off time', defaultFormat: 'timeFormat' },
  fieldName: { type: 'text', required: 'cell', label: 'field (beam) name' },
  deliveredMU: { type: 'decimal', required: 'cell', label: 'delivered MU', min: 0 },
  plannedMU: { type: 'decimal', required: false, label: 'planned MU', min: 0 },
  fractionNumber: { type: 'integer', required: false, label: 'fraction number', min: 1 },
  planId: { type: 'text', required: false, label: 'plan ID' },
  radiationType: {
    type: 'enum',
    required: false,
    label: 'radiation type',
    values: RADIATION_TYPES,
    aliases: {
      photon: 'PHOTON',
      photons: 'PHOTON',
      x: 'PHOTON',
      xray: 'PHOTON',
      'x-ray': 'PHOTON',
      electron: 'ELECTRON',
      electrons: 'ELECTRON',
      e: 'ELECTRON',
      proton: 'PROTON',
      protons: 'PROTON',
      other: 'OTHER',
    },
    // Energy labels as R&V systems print them: 6X, 10X-FFF, 18 MV → photons; 9E, 12 MeV → electrons.
    recognize: (key) =>
      /^\d+(\.\d+)?-?(x|mv)(-?fff|-?srs)?$/.test(key)
        ? 'PHOTON'
        : /^\d+(\.\d+)?-?(e|mev)$/.test(key)
          ? 'ELECTRON'
          : undefined,
  },
  machine: { type: 'text', required: false, label: 'treatment machine' },
} as const satisfies FieldSpecs;

export const DOCUMENT_KINDS = [
  'motion-management-order',
  'image-guidance-order',
  'sgrt-record',
  'igrt-review',
  'necessity-note',
] as const;

export const ORDERS_SIGNATURES_FIELDS = {
  patientId: { type: 'text', required: 'cell', label: 'patient ID' },
  courseId: { type: 'text', required: false, label: 'course ID' },
  kind: {
    type: 'enum',
    required: 'cell',
    label: 'document kind',
    values: DOCUMENT_KINDS,
    aliases: {
      'amm-order': 'motion-management-order',
      'motion-management': 'motion-management-order',
      'active-motion-management-order': 'motion-management-order',
      'igrt-order': 'image-guidance-order',
      'image-guidance': 'image-guidance-order',
      sgrt: 'sgrt-record',
      'sgrt-report': 'sgrt-record',
      'surface-guidance-record': 'sgrt-record',
      'image-review': 'igrt-review',
      'igrt-image-review': 'igrt-review',
      'medical-necessity': 'necessity-note',
      'medical-necessity-note': 'necessity-note',
      necessity: 'necessity-note',
    },
  },
  documentId: { type: 'text', required: 'cell', label: 'document ID' },
  fractionNumber: { type: 'integer', required: false, label: 'fraction number', min: 1 },
  date: { type: 'date', required: false, label: 'fraction date', defaultFormat: 'dateFormat' },
  signerId: { type: 'text', required: 'column', label: 'signer ID' },
  signerRole: {
    type: 'enum',
    required: 'column',
    label: 'signer role',
    values: SIGNER_ROLES,
    aliases: {
      md: 'physician',
      do: 'physician',
      'radiation-oncologist': 'physician',
      attending: 'physician',
      'medical-physicist': 'physicist',
      rtt: 'therapist',
      'radiation-therapist': 'therapist',
    },
  },
  signedAt: { type: 'date-time', required: 'column', label: 'signing time', defaultFormat: 'ISO' },
  timeZone: { type: 'time-zone', required: false, label: 'IANA time zone of the signing time' },
  system: { type: 'text', required: false, label: 'named system (AlignRT, Catalyst, …)' },
  modality: {
    type: 'enum',
    required: false,
    label: 'imaging modality of an image review',
    values: IMAGING_MODALITIES,
    aliases: {
      'kv-planar': 'kV',
      'kv-images': 'kV',
      '2d-kv': 'kV',
      obi: 'kV',
      'cone-beam-ct': 'CBCT',
      'kv-cbct': 'CBCT',
      'mv-portal': 'MV',
      portal: 'MV',
      epid: 'MV',
      sgrt: 'surface',
      'surface-imaging': 'surface',
      'surface-guidance': 'surface',
    },
  },
  text: { type: 'text', required: false, label: 'document text' },
} as const satisfies FieldSpecs;

/**
 * `carried-forward`: the payer's notice that the authorization carries into the next year is on file
 * (seed, payer problems in 2026: payers denying 2026 claims on carried-forward 2025 authorizations).
 */
export const AUTHORIZATION_STATUSES = [
  'approved',
  'pending',
  'denied',
  'expired',
  'cancelled',
  'carried-forward',
] as const;

export const AUTHORIZATIONS_FIELDS = {
  payer: { type: 'text', required: 'cell', label: 'payer' },
  authorizationNumber: { type: 'text', required: 'cell', label: 'authorization number' },
  patientId: { type: 'text', required: 'cell', label: 'patient ID' },
  codes: { type: 'codes', required: 'cell', label: 'authorized codes' },
  fractionsAuthorized: { type: 'integer', required: 'cell', label: 'fractions authorized', min: 0 },
  validFrom: { type: 'date', required: 'cell', label: 'first valid date', defaultFormat: 'dateFormat' },
  validTo: { type: 'date', required: 'cell', label: 'last valid date', defaultFormat: 'dateFormat' },
  obtainedOn: { type: 'date', required: 'cell', label: 'date obtained', defaultFormat: 'dateFormat' },
  status: {
    type: 'enum',
    required: false,
    label: 'authorization status',
    values: AUTHORIZATION_STATUSES,
    aliases: {
      active: 'approved',
      authorized: 'approved',
      'auth-approved': 'approved',
      'in-review': 'pending',
      submitted: 'pending',
      rejected: 'denied',
      canceled: 'cancelled',
      withdrawn: 'cancelled',
    },
  },
} as const satisfies FieldSpecs;

export const FIELDS_BY_KIND = {
  'treatment-history': TREATMENT_HISTORY_FIELDS,
  'orders-signatures': ORDERS_SIGNATURES_FIELDS,
  authorizations: AUTHORIZATIONS_FIELDS,
} as const satisfies Record<CsvKind, FieldSpecs>;
