import type { ReadResult } from '../../core/model/input-problem.js';
import type { Gpci } from '../../core/rates/mpfs-payment.js';
import { GPCI_COLUMNS } from './cms-columns.js';
import { type CmsReadOptions, type CmsTable, readCmsTable } from './read-cms-table.js';

/**
 * The GPCI file (Addendum E of the final rule, GPCI20xx.csv): work, PE and MP indices per contractor and
 * locality, in thousandths. Locality numbers are two digits (`1` → `01`).
 */
export function readGpci(
  input: Uint8Array | string,
  source: string,
  options: CmsReadOptions = {},
): ReadResult<CmsTable<Gpci>> {
  return readCmsTable(input, source, 'GPCI', GPCI_COLUMNS, options, (row) => {
    const carrier = row.required('carrier');
    const locality = localityNumber(row.required('locality'));
    if (row.text('locality') !== '' && locality === null) {
      row.problem('locality', 'not a locality number (one or two digits)');
    }
    const workGpci = row.scaled('workGpci', 3);
    const peGpci = row.scaled('peGpci', 3);
    const mpGpci = row.scaled('mpGpci', 3);
    if (row.failed) return null;
    return {
      carrier: carrier!,
      locality: locality!,
      state: row.optional('state'),
      localityName: row.optional('localityName'),
      workGpci: workGpci!,
      peGpci: peGpci!,
      mpGpci: mpGpci!,
      location: row.location,
    };
  });
}

/** `1`, `01` → `01`; anything else null. */
export function localityNumber(text: string | null): string | null {
  return text !== null && /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : null;
}
