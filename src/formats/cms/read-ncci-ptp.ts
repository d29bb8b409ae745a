import type { PtpEdit } from '../../core/edits/edit-tables.js';
import type { ReadResult } from '../../core/model/input-problem.js';
import { PTP_COLUMNS } from './cms-columns.js';
import { type CmsReadOptions, type CmsTable, readCmsTable } from './read-cms-table.js';

/**
 * NCCI procedure-to-procedure edits (practitioner or outpatient hospital; the quarterly files, CSV or
 * tab-delimited text): column 1/column 2 codes, effective and deletion dates (`YYYYMMDD`; `*` = none),
 * modifier indicator 0/1/9.
 */
export function readNcciPtp(
  input: Uint8Array | string,
  source: string,
  options: CmsReadOptions = {},
): ReadResult<CmsTable<PtpEdit>> {
  return readCmsTable(input, source, 'NCCI PTP', PTP_COLUMNS, options, (row) => {
    const column1 = row.code('column1');
    const column2 = row.code('column2');
    const effectiveFrom = row.date('effective');
    const deletedOn = row.date('deletion', { optional: true, nulls: ['*'] });
    const modifierIndicator = row.required('modifier');
    if (modifierIndicator !== null && !['0', '1', '9'].includes(modifierIndicator)) {
      row.problem('modifier', 'not a modifier indicator (0, 1 or 9)');
    }
    if (effectiveFrom !== null && deletedOn !== null && deletedOn < effectiveFrom) {
      row.problem('deletion', 'before the effective date');
    }
    if (row.failed) return null;
    return {
      column1: column1!,
      column2: column2!,
      effectiveFrom: effectiveFrom!,
      deletedOn,
      modifierIndicator: modifierIndicator as PtpEdit['modifierIndicator'],
      location: row.location,
    };
  });
}
