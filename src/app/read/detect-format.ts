import { looksTreatmentReport } from '../../formats/alignrt/report/read-treatment-report.js';
import { looksRtdLog } from '../../formats/alignrt/rtd/read-rtd-log.js';
import type { CsvMapping } from '../../formats/csv/column-mapping.js';
import { looksAuthorizations } from '../../formats/csv/read-authorizations.js';
import { looksOrdersSignatures } from '../../formats/csv/read-orders-signatures.js';
import { looksTreatmentHistory } from '../../formats/csv/read-treatment-history.js';
import { looksRtBeamsRecord } from '../../formats/dicom/looks-rt-beams-record.js';
import { looksFhirBundle } from '../../formats/fhir/read-fhir-bundle.js';
import { looksDftMessages } from '../../formats/hl7v2/read-dft-messages.js';
import { looksX12Remittance } from '../../formats/x12/looks-x12-835.js';

export const FORMATS = [
  'clinic',
  'course-headers',
  'dicom-rt-record',
  'alignrt-rtd',
  'alignrt-report',
  'rv-history',
  'orders-signatures',
  'authorizations',
  'hl7-dft',
  'fhir',
  'x12-835',
] as const;
export type ExportFormat = (typeof FORMATS)[number];

/**
 * The format of a file, by its content (the first bytes), not its name: each reader's sniff, most
 * specific first. The two JSON documents of our own are told apart by their shape.
 */
export function detectFormat(head: Uint8Array, historyMappings?: readonly CsvMapping[]): ExportFormat | null {
  if (looksRtBeamsRecord(head)) return 'dicom-rt-record';
  if (looksTreatmentReport(head)) return 'alignrt-report';
  if (looksDftMessages(head)) return 'hl7-dft';
  if (looksFhirBundle(head)) return 'fhir';
  if (looksX12Remittance(head)) return 'x12-835';
  const text = new TextDecoder().decode(head.subarray(0, 512)).trimStart();
  if (text.startsWith('[') && /"courseId"\s*:/.test(text)) return 'course-headers';
  if (text.startsWith('{') && /"facility"\s*:/.test(text) && !/"courseId"\s*:/.test(text)) return 'clinic';
  if (looksRtdLog(head)) return 'alignrt-rtd';
  if (looksOrdersSignatures(head)) return 'orders-signatures';
  if (looksAuthorizations(head)) return 'authorizations';
  if (looksTreatmentHistory(head) || (historyMappings && looksTreatmentHistory(head, historyMappings))) {
    return 'rv-history';
  }
  return null;
}
