import type { RuleMeta } from '../../model/rule.js';
import { AUTHORIZATION_CARCS } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { lineAdjustments, type RemitLineInput } from '../remit-line.js';

export const REMIT_001: RuleMeta = {
  id: 'REMIT-001',
  title: 'A 2026 service denied for authorization that rode on a 2025 (grandfathered) authorization',
  severity: 'error',
  source:
    'Seed: 2026 claims denied that rode on 2025 grandfathered authorizations; domain.md §4: CARC 15/197/198 on a 2026 date of service whose authorization dates from 2025 [seed]',
};

export function authorization2025(input: RemitLineInput): RemitVerdict | null {
  const auth = lineAdjustments(input).some((a) => AUTHORIZATION_CARCS.has(a.reason));
  const dos = input.line.dateOfService ?? input.charge?.dateOfService ?? null;
  const obtained = input.charge?.authorization?.obtainedOn ?? input.charge?.authorization?.validFrom ?? null;
  if (!auth || !dos || !obtained || dos.slice(0, 4) < '2026' || obtained.slice(0, 4) >= dos.slice(0, 4))
    return null;
  return {
    category: 'authorization-2025',
    ruleId: REMIT_001.id,
    message: `Denied for authorization on a ${dos.slice(0, 4)} date of service; the authorization on the claim was obtained in ${obtained.slice(0, 4)}.`,
    nextAction:
      'Request a 2026 authorization under the 2026 codes (or appeal with the payer’s carry-forward notice), then resubmit.',
  };
}
