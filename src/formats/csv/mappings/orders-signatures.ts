import type { CsvMappingInput } from '../column-mapping.js';

/**
 * The default orders-and-signatures layout: one row per chart document (order, SGRT record, IGRT review,
 * medical-necessity note) and its signature; ISO dates, signing times with a UTC offset or a zone column.
 */
export const ordersSignaturesMapping = {
  id: 'orders-signatures',
  name: 'Orders, notes and signatures (default layout)',
  kind: 'orders-signatures',
  delimiter: 'auto',
  encoding: 'auto',
  headerRow: 1,
  decimalSeparator: '.',
  dateFormat: 'YYYY-MM-DD',
  columns: {
    patientId: ['Patient ID', 'PatientID'],
    courseId: ['Course ID', 'CourseID'],
    kind: ['Kind', 'Document Kind', 'Document Type'],
    documentId: ['Document ID', 'DocumentID'],
    fractionNumber: ['Fraction', 'Fraction Number'],
    date: ['Date', 'Fraction Date'],
    signerId: ['Signer ID', 'Signed By'],
    signerRole: ['Signer Role', 'Role'],
    signedAt: { header: ['Signed At', 'Signed'], format: 'ISO' },
    timeZone: ['Time Zone', 'TimeZone'],
    system: ['System'],
    modality: ['Modality', 'Imaging Modality'],
    text: ['Text', 'Note Text'],
  },
} as const satisfies CsvMappingInput;
