import { dollars } from '../../letters/assemble-letter.js';
import type { RuleMeta } from '../../model/rule.js';
import type { ReversalPartner } from '../pair-reversals.js';
import type { RemitVerdict } from '../remit-category.js';
import type { RemitLineInput } from '../remit-line.js';

export const REMIT_010: RuleMeta = {
  id: 'REMIT-010',
  title: 'Reversal: a take-back and the payment it cancels net out; a take-back with no original is reviewed',
  severity: 'warning',
  source:
    'X12 835 005010X221A1 CLP02 22 reversal of previous payment (negative amounts), CLP07 payer claim control number; domain.md §6.1: a take-back, usually followed by the corrected payment [S]',
};

/** `the payment of 2026-03-20 (era-0320.835:ST[1]/2100[2])` */
export const paymentName = (p: ReversalPartner) =>
  `the payment of ${p.paymentDate ?? 'an unknown date'} (${p.source})`;

export function reversal(input: RemitLineInput): RemitVerdict | null {
  const link = input.reversal;
  const takeBack = input.claim.status === '22';
  if (!takeBack && (!link || link.role === 'correction')) return null;
  const base = { category: 'reversal' as const, ruleId: REMIT_010.id };
  if (link?.role === 'reversed' && link.partner)
    return {
      ...base,
      message: `Payment reversed by the take-back of ${link.partner.paymentDate ?? 'an unknown date'} (${link.partner.source}): the two net out.`,
      queue: null,
      nextAction: null,
    };
  if (takeBack && link?.partner)
    return {
      ...base,
      message: `Take-back (CLP02 22) of ${paymentName(link.partner)}: the two net out.`,
      queue: null,
      nextAction: null,
    };
  return {
    ...base,
    message: `Take-back (CLP02 22) of ${dollars(-input.line.paidCents)} with no original payment found (same payer, payer claim number or patient control number and charge).`,
    queue: 'reversal-review',
    nextAction:
      'Find the payment this reverses; if the original payment was right, dispute the take-back; else watch for the corrected claim.',
  };
}
