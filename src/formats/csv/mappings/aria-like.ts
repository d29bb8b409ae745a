import type { CsvMappingInput } from '../column-mapping.js';

/**
 * An ARIA-like treatment history export: comma-separated, every cell quoted, US dates (MM/DD/YYYY) and
 * 24-hour times in separate columns. The layout is plausible, not Varian's documented one [U]: column
 * names of real exports vary by version and report template, so sites copy this as a starting point.
 */
export const ariaLikeMapping = {
  id: 'aria-like',
  name: 'ARIA-like treatment history (comma-separated, MM/DD/YYYY, 24-hour times)',
  kind: 'treatment-history',
  delimiter: ',',
  encoding: 'auto',
  headerRow: 1,
  decimalSeparator: '.',
  dateFormat: 'MM/DD/YYYY',
  timeFormat: 'HH:mm:ss',
  columns: {
    patientId: ['Patient ID', 'PatientID'],
    date: ['Treatment Date', 'Tx Date'],
    fieldName: ['Field Id', 'Field Name', 'Beam Name'],
    beamOn: ['Beam On', 'Beam On Time'],
    beamOff: ['Beam Off', 'Beam Off Time'],
    deliveredMU: ['Delivered MU', 'MU Delivered'],
    plannedMU: 'Planned MU',
    fractionNumber: ['Fraction', 'Fraction Number'],
    planId: ['Plan ID', 'Plan Id'],
    radiationType: ['Energy', 'Radiation Type'],
    machine: ['Machine', 'Machine ID'],
  },
} as const satisfies CsvMappingInput;
