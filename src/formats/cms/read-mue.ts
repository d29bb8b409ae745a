import type { MueAdjudication, MueLimit } from '../../core/edits/edit-tables.js';
import type { ReadResult } from '../../core/model/input-problem.js';
import { MUE_COLUMNS } from './cms-columns.js';
import { type CmsReadOptions, type CmsTable, readCmsTable } from './read-cms-table.js';

/**
 * An MUE table (practitioner, outpatient hospital or DME): code, MUE value (whole units), adjudication
 * indicator (written `2 Date of Service Edit: Policy`: the leading digit is read) and rationale.
 */
export function readMue(
  input: Uint8Array | string,
  source: string,
  options: CmsReadOptions = {},
): ReadResult<CmsTable<MueLimit>> {
  return readCmsTable(input, source, 'MUE', MUE_COLUMNS, options, (row) => {
    const hcpcs = row.code('hcpcs');
    const maxUnits = row.scaled('mue', 0);
    const mai = /^([123])(\D|$)/.exec(row.required('adjudication') ?? '');
    if (row.text('adjudication') !== '' && !mai) {
      row.problem('adjudication', 'not an MUE adjudication indicator (1, 2 or 3)');
    }
    if (row.failed) return null;
    return {
      hcpcs: hcpcs!,
      maxUnits: maxUnits!,
      adjudication: mai![1] as MueAdjudication,
      rationale: row.optional('rationale'),
      location: row.location,
    };
  });
}
