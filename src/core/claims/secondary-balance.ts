import type { Adjustment, RemitClaim, RemitServiceLine } from '../model/remittance.js';

/*
 * What a secondary claim may carry. A secondary payer (a Medigap plan, a commercial secondary) covers
 * what the primary left to the patient: group PR (1 deductible, 2 coinsurance, 3 copay…); a CO amount
 * is the provider's to write off or appeal, never the patient's nor the secondary payer's (domain.md
 * §6.1 "Group first, then reason"; Medigap pays the Part B deductible and coinsurance, CMS "Choosing a
 * Medigap Policy"). The 837 secondary claim reports the primary's adjudication per line (TR3 2320 CAS/
 * AMT*D, 2430 SVD/CAS), so only lines the primary adjudicated with a patient share are worth forwarding.
 */

const isPatientShare = (a: Adjustment) => a.group === 'PR' && a.amountCents !== 0;

/** Whether the primary's answer left anything to the patient: a PR adjustment on the claim or a line. */
export function leavesPatientShare(claim: RemitClaim): boolean {
  return (
    claim.adjustments.some(isPatientShare) || claim.lines.some((l) => l.adjustments.some(isPatientShare))
  );
}

/**
 * A line the primary denied to the provider alone: nothing paid, no patient share, a CO adjustment
 * (e.g. CO-197 precertification absent, CO-50 medical necessity). The secondary claim leaves it out.
 */
export function providerLiabilityOnly(line: RemitServiceLine): boolean {
  return (
    line.paidCents === 0 &&
    !line.adjustments.some(isPatientShare) &&
    line.adjustments.some((a) => a.group === 'CO' && a.amountCents !== 0)
  );
}

/** Why no secondary claim carries this primary answer, else null. */
export function secondaryBalanceRefusal(claim: RemitClaim): string | null {
  if (leavesPatientShare(claim)) return null;
  const co = [
    ...new Set(
      [...claim.adjustments, ...claim.lines.flatMap((l) => l.adjustments)]
        .filter((a) => a.group === 'CO' && a.amountCents !== 0)
        .map((a) => `CO-${a.reason}`),
    ),
  ];
  return `the primary payer left nothing to the patient (no PR adjustment on its 835${co.length ? `; ${co.join(', ')} is the provider's liability` : ''}): a secondary payer covers only the patient's share, so there is no secondary claim to send${co.length ? ' — correct or appeal the denial with the primary payer' : ''}`;
}
