import type { ReadResult } from '../../core/model/input-problem.js';
import type { PfsRvu } from '../../core/rates/mpfs-payment.js';
import { PPRRVU_COLUMNS } from './cms-columns.js';
import { type CmsReadOptions, type CmsTable, readCmsTable } from './read-cms-table.js';

/**
 * The national physician fee schedule relative value file (PPRRVU, in the quarterly RVU zip): one row per
 * code and modifier. RVUs in thousandths, the conversion factor in ten-thousandths.
 */
export function readPprrvu(
  input: Uint8Array | string,
  source: string,
  options: CmsReadOptions = {},
): ReadResult<CmsTable<PfsRvu>> {
  return readCmsTable(input, source, 'PPRRVU', PPRRVU_COLUMNS, options, (row) => {
    const hcpcs = row.code('hcpcs');
    const modifier = row.modifier('modifier');
    const status = row.required('status');
    const workRvu = row.scaled('workRvu', 3);
    // A PE RVU may be blank or NA where the service is not paid in that setting.
    const nonFacilityPeRvu = row.scaled('nonFacilityPeRvu', 3, { optional: true, blanks: ['NA'] });
    const facilityPeRvu = row.scaled('facilityPeRvu', 3, { optional: true, blanks: ['NA'] });
    const mpRvu = row.scaled('mpRvu', 3);
    const conversionFactor = row.scaled('conversionFactor', 4, { optional: true });
    if (row.failed) return null;
    return {
      hcpcs: hcpcs!,
      modifier,
      status: status!.toUpperCase(),
      workRvu: workRvu!,
      nonFacilityPeRvu,
      facilityPeRvu,
      mpRvu: mpRvu!,
      pctcIndicator: row.optional('pctcIndicator'),
      conversionFactor: conversionFactor === 0 ? null : conversionFactor,
      location: row.location,
    };
  });
}
