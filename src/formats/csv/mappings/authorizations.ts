import type { CsvMappingInput } from '../column-mapping.js';

/** The default prior-authorization layout (domain.md §5.4): one row per authorization, ISO dates. */
export const authorizationsMapping = {
  id: 'authorizations',
  name: 'Prior authorizations (default layout)',
  kind: 'authorizations',
  delimiter: 'auto',
  encoding: 'auto',
  headerRow: 1,
  decimalSeparator: '.',
  dateFormat: 'YYYY-MM-DD',
  columns: {
    payer: 'Payer',
    authorizationNumber: ['Authorization Number', 'Auth Number', 'Authorization #', 'Auth #'],
    patientId: ['Patient ID', 'PatientID'],
    codes: ['Codes', 'CPT Codes', 'Procedure Codes'],
    fractionsAuthorized: ['Fractions Authorized', 'Fractions', 'Units Authorized'],
    validFrom: ['Valid From', 'Start Date'],
    validTo: ['Valid To', 'End Date'],
    obtainedOn: ['Obtained On', 'Date Obtained'],
    status: 'Status',
  },
} as const satisfies CsvMappingInput;
