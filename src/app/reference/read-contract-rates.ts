import type { ReadResult } from '../../core/model/input-problem.js';
import type { ColumnSpec } from '../../formats/cms/cms-columns.js';
import { type CmsTable, readCmsTable } from '../../formats/cms/read-cms-table.js';
import type { ContractRate } from './expected-rate.js';

/** The practice's contract-rate CSV: one rate per payer, code, modifier and start date (README). */
export const CONTRACT_COLUMNS: readonly ColumnSpec<
  'payer' | 'code' | 'modifier' | 'rate' | 'effectiveFrom' | 'effectiveTo'
>[] = [
  { field: 'payer', label: 'payer', aliases: ['payer', 'payer name'], required: true },
  { field: 'code', label: 'code', aliases: ['code', 'hcpcs', 'cpt'], required: true },
  { field: 'modifier', label: 'modifier', aliases: ['modifier', 'mod'], required: true },
  { field: 'rate', label: 'rate', aliases: ['rate', 'rate per unit', 'amount'], required: true },
  { field: 'effectiveFrom', label: 'effective_from', aliases: ['effective from'], required: true },
  { field: 'effectiveTo', label: 'effective_to', aliases: ['effective to'], required: true },
];

export type ContractRateRow = Omit<ContractRate, 'id'> & { location: string };

/**
 * A contract-rate CSV (columns payer, code, modifier, rate, effective_from, effective_to; any order):
 * the rate in dollars per unit (`123.45`, `$1,234.00`) → cents; modifier empty, 26 or TC; dates
 * YYYY-MM-DD (or the other CMS forms); effective_to empty while open. Atomic: one bad row refuses the
 * file, every problem located (`rates.csv:line 4, column "rate"`), never quoting a value.
 */
export function readContractRates(
  input: Uint8Array | string,
  source: string,
): ReadResult<CmsTable<ContractRateRow>> {
  return readCmsTable(input, source, 'contract rates', CONTRACT_COLUMNS, {}, (row) => {
    const payer = row.required('payer');
    const code = row.code('code');
    const modifier = row.modifier('modifier');
    if (!['', '26', 'TC'].includes(modifier)) row.problem('modifier', 'expected empty, 26 or TC');
    const cents = row.scaled('rate', 2);
    const effectiveFrom = row.date('effectiveFrom');
    const effectiveTo = row.date('effectiveTo', { optional: true });
    if (effectiveFrom !== null && effectiveTo !== null && effectiveTo < effectiveFrom) {
      row.problem('effectiveTo', 'before effective_from');
    }
    if (row.failed) return null;
    return {
      payer: payer!,
      code: code!,
      modifier,
      cents: cents!,
      effectiveFrom: effectiveFrom!,
      effectiveTo,
      location: row.location,
    };
  });
}
