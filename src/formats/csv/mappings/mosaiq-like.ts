import type { CsvMappingInput } from '../column-mapping.js';

/**
 * A MOSAIQ-like treatment history export as a European site's database query writes it: semicolon-
 * separated (the list separator where the decimal separator is a comma), upper-case column names,
 * DD.MM.YYYY dates, 12-hour AM/PM times, decimal commas, often Windows-1252. Plausible, not Elekta's
 * documented schema [U].
 */
export const mosaiqLikeMapping = {
  id: 'mosaiq-like',
  name: 'MOSAIQ-like treatment history (semicolon-separated, DD.MM.YYYY, 12-hour times, decimal comma)',
  kind: 'treatment-history',
  delimiter: ';',
  encoding: 'auto',
  headerRow: 1,
  decimalSeparator: ',',
  dateFormat: 'DD.MM.YYYY',
  timeFormat: 'h:mm:ss A',
  columns: {
    patientId: 'PAT_ID1',
    date: 'TX_DATE',
    fieldName: ['FLD_NAME', 'FLD_ID'],
    beamOn: 'START_TIME',
    beamOff: 'END_TIME',
    deliveredMU: 'MU_DELIVERED',
    plannedMU: 'MU_PLANNED',
    fractionNumber: ['FRACTION', 'FX_NUM'],
    planId: ['PLAN_ID', 'SIT_SET_ID'],
    radiationType: { header: 'MODALITY', values: { X: 'PHOTON', E: 'ELECTRON' } },
    machine: ['MACHINE', 'MACHINE_ID'],
  },
} as const satisfies CsvMappingInput;
