import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';

export const CLAIM_003: RuleMeta = {
  id: 'CLAIM-003',
  title:
    'Every 837I line carries a revenue code: 0333 (radiation therapy) for delivery (stereotactic included) and technical IGRT',
  severity: 'error',
  source: 'NUBC UB-04 revenue codes 033X therapeutic radiology, 0333 radiation therapy [C]; issue #5 [seed]',
};

/** Bundled revenue codes per HCPCS code; a practice adds or overrides its own (chargemaster). */
export const DEFAULT_REVENUE_CODES: Readonly<Record<string, string>> = {
  '77402': '0333',
  '77407': '0333',
  '77412': '0333',
  '77387': '0333',
  '77371': '0333',
  '77372': '0333',
  '77373': '0333',
};

export function revenueCodeFor(
  code: string,
  table: Readonly<Record<string, string>>,
  subject: string,
): { revenueCode: string; finding: null } | { revenueCode: null; finding: Finding } {
  const revenueCode = table[code] ?? DEFAULT_REVENUE_CODES[code];
  if (revenueCode) return { revenueCode, finding: null };
  return {
    revenueCode: null,
    finding: {
      ruleId: CLAIM_003.id,
      severity: 'error',
      subject,
      message: `No revenue code for ${code} on the technical claim: line not billed.`,
      evidence: { code },
      fix: 'Add the code to the revenue code table (chargemaster) and build the claim again.',
    },
  };
}
