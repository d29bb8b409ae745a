import type { ReadResult } from '../../core/model/input-problem.js';
import { LOCALITY_COLUMNS } from './cms-columns.js';
import { localityNumber } from './read-gpci.js';
import { type CmsReadOptions, type CmsTable, readCmsTable } from './read-cms-table.js';

/** One payment locality: which contractor, state and counties it covers (for choosing a practice's locality). */
export interface Locality {
  carrier: string;
  locality: string;
  state: string | null;
  feeScheduleArea: string;
  counties: string | null;
  location: string;
}

/**
 * The locality key file (`xxLOCCO.csv`): contractor, locality number, state, fee schedule area, counties.
 * A blank state repeats the state of the row above (CMS writes each state once).
 */
export function readLocalities(
  input: Uint8Array | string,
  source: string,
  options: CmsReadOptions = {},
): ReadResult<CmsTable<Locality>> {
  let state: string | null = null;
  return readCmsTable(input, source, 'locality', LOCALITY_COLUMNS, options, (row) => {
    const carrier = row.required('carrier');
    const locality = localityNumber(row.required('locality'));
    if (row.text('locality') !== '' && locality === null) {
      row.problem('locality', 'not a locality number (one or two digits)');
    }
    const area = row.required('area');
    state = row.optional('state') ?? state;
    if (row.failed) return null;
    return {
      carrier: carrier!,
      locality: locality!,
      state,
      feeScheduleArea: area!,
      counties: row.optional('counties'),
      location: row.location,
    };
  });
}
