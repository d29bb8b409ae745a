import { describe, expect, it } from 'vitest';
import { authorizationsSteps } from '../../formats/csv/read-authorizations.js';
import { ordersSignaturesSteps } from '../../formats/csv/read-orders-signatures.js';
import { ROWS_PER_STEP } from '../../formats/csv/read-csv-table.js';
import { treatmentHistorySteps } from '../../formats/csv/read-treatment-history.js';
import type { Steps } from '../../formats/steps.js';
import { memorySource } from './export-source.js';
import { readExportSources } from './read-export-files.js';

const ROWS = 30_000;
const csv = (header: string, row: (i: number) => string) =>
  new TextEncoder().encode([header, ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\r\n'));

/** Each CSV kind the import reads (the demo's layouts), a row per beam, document or authorization. */
const KINDS: [string, Uint8Array, (bytes: Uint8Array) => Steps<{ ok: boolean }>][] = [
  [
    'rv-history.csv',
    csv(
      '"Patient ID","Treatment Date","Field Id","Beam On","Beam Off","Delivered MU"',
      (i) => `"SYN00417","03/02/2026","F${i}","08:00:00","08:01:00","200"`,
    ),
    (b) => treatmentHistorySteps(b, 'rv-history.csv'),
  ],
  [
    'orders-signatures.csv',
    csv(
      '"Patient ID","Course ID","Kind","Document ID","Fraction","Date","Signer ID","Signer Role","Signed At","Modality"',
      (i) =>
        `"SYN05811","C-5002","igrt-review","IGRT-${i}","1","2026-03-09","DR-SYN-04","physician","2026-03-09T13:07:26-04:00","CBCT"`,
    ),
    (b) => ordersSignaturesSteps(b, 'orders-signatures.csv'),
  ],
  [
    'authorizations.csv',
    csv(
      'Payer,Authorization Number,Patient ID,Codes,Fractions Authorized,Valid From,Valid To,Obtained On',
      (i) => `Payer (synthetic),AUTH-${i},SYN07891,77407,20,2025-12-22,2026-06-30,2025-12-17`,
    ),
    (b) => authorizationsSteps(b, 'authorizations.csv'),
  ],
];

describe('a large CSV is read row by row with pauses, and the import gives the event loop turns meanwhile', () => {
  it.each(KINDS)('%s', async (name, bytes, steps) => {
    // The reader pauses after every ROWS_PER_STEP rows (counted, not timed).
    const reading = steps(bytes);
    let pauses = 0;
    for (let next = reading.next(); !next.done; next = reading.next()) pauses++;
    expect(pauses).toBe(Math.floor(ROWS / ROWS_PER_STEP));

    // Read by the import, other callbacks run while the file is read: a setImmediate chain counts them.
    let turns = 0;
    let inImport = true;
    const tick = () => {
      turns++;
      if (inImport) setImmediate(tick);
    };
    setImmediate(tick);
    const read = await readExportSources([memorySource(name, bytes)]);
    inImport = false;
    expect(read.results[0]).toMatchObject({ status: 'read', records: ROWS });
    expect(turns).toBeGreaterThanOrEqual(pauses);
  });
});
