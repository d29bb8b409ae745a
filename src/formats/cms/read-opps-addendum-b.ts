import type { ReadResult } from '../../core/model/input-problem.js';
import type { OppsRate } from '../../core/rates/opps-payment.js';
import { ADDENDUM_B_COLUMNS } from './cms-columns.js';
import { type CmsReadOptions, type CmsTable, readCmsTable } from './read-cms-table.js';

/**
 * OPPS Addendum B (payment by HCPCS code): status indicator, APC, relative weight (ten-thousandths),
 * national unadjusted payment rate and copayments (cents, `$` and thousands separators allowed). The
 * short descriptors are not read (CPT descriptors are AMA-copyrighted, domain.md).
 */
export function readOppsAddendumB(
  input: Uint8Array | string,
  source: string,
  options: CmsReadOptions = {},
): ReadResult<CmsTable<OppsRate>> {
  return readCmsTable(input, source, 'OPPS Addendum B', ADDENDUM_B_COLUMNS, options, (row) => {
    const hcpcs = row.code('hcpcs');
    const statusIndicator = row.required('statusIndicator');
    const relativeWeight = row.scaled('relativeWeight', 4, { optional: true });
    const paymentRateCents = row.scaled('paymentRate', 2, { optional: true });
    const nationalCopaymentCents = row.scaled('nationalCopayment', 2, { optional: true });
    const minimumCopaymentCents = row.scaled('minimumCopayment', 2, { optional: true });
    if (row.failed) return null;
    return {
      hcpcs: hcpcs!,
      statusIndicator: statusIndicator!.toUpperCase(),
      apc: row.optional('apc'),
      relativeWeight,
      paymentRateCents,
      nationalCopaymentCents,
      minimumCopaymentCents,
      location: row.location,
    };
  });
}
