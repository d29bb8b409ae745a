import { chunks, type X12Source } from './tokenize-x12.js';
import { X12Splitter } from './x12-splitter.js';

/** The identifiers of a 2100 claim payment: CLP01 (our CLM01), CLP02 status, CLP07 (payer's control number). */
export interface ClaimKeys {
  patientControlNumber: string;
  status: string;
  payerClaimControlNumber: string;
}

/**
 * CLP01, CLP02 and CLP07 (trimmed, '' when absent) of every CLP segment of an X12 835 file
 * (005010X221A1), in file order, for a quick first look at which claims may be linked: no loop
 * assembly, no validation, only CLP segments are split. Segments are found by the reader's own splitter,
 * so every claim `readRemittances` reads is seen; claims of sets it refuses are seen too (a superset).
 * The strings handed over may share memory with the file's chunks: copy what is kept. Never throws: a
 * source that fails ends the scan (the reader reports it).
 */
export async function scanClaimKeys(source: X12Source, onClaim: (keys: ClaimKeys) => void): Promise<void> {
  const splitter = new X12Splitter((t) => {
    if (t.kind !== 'segment' || t.id !== 'CLP') return;
    onClaim({
      patientControlNumber: (t.elements[1] ?? '').trim(),
      status: (t.elements[2] ?? '').trim(),
      payerClaimControlNumber: (t.elements[7] ?? '').trim(),
    });
  }, 'CLP');
  try {
    for await (const chunk of chunks(source)) splitter.push(chunk);
  } catch {
    return;
  }
  splitter.end();
}
