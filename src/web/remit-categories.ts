/** The remittance line categories and work queues (RemitLineView) in display order, with their labels. */
import type { RemitCategory, RemitQueue } from '../core/remit/remit-category.js';

/** The payer's problems: denials, downcodes, zero payments and underpayments. */
export const PROBLEM_CATEGORIES = [
  'downcoded',
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  'authorization-2025',
  'authorization-denial',
  'frequency-denial',
  'missing-information',
  'underpaid',
  'unbalanced-amounts',
  'other-denial',
] as const satisfies readonly RemitCategory[];

/** What is not a denial (domain.md §6.1): the patient's share, coordination of benefits, reversals. */
export const BALANCE_CATEGORIES = [
  'patient-responsibility',
  'coordination-of-benefits',
  'reversal',
] as const satisfies readonly RemitCategory[];

/** The category tabs of the Remittances page: every category, then the lines matched to no charge. */
export const REMIT_TABS = [
  ...PROBLEM_CATEGORIES,
  ...BALANCE_CATEGORIES,
  'paid-rate-unknown',
  'paid-as-expected',
  'unmatched',
] as const;
export type RemitTab = (typeof REMIT_TABS)[number];

export const REMIT_LABELS: Record<RemitTab, string> = {
  downcoded: 'Downcoded',
  'igrt-professional-denied': 'IGRT professional denied',
  'zero-paid-no-denial-code': 'Zero paid, no denial code',
  'authorization-2025': '2025 authorization denied',
  'authorization-denial': 'Authorization denied',
  'frequency-denial': 'Frequency denied',
  'missing-information': 'Missing information',
  underpaid: 'Underpaid',
  'unbalanced-amounts': 'Amounts do not balance',
  'paid-rate-unknown': 'Paid, expected unknown',
  'other-denial': 'Other denials',
  'patient-responsibility': 'Patient responsibility',
  'coordination-of-benefits': 'Coordination of benefits',
  reversal: 'Reversals',
  'paid-as-expected': 'Paid as expected',
  unmatched: 'Unmatched',
};

export const remitLabel = (category: string): string => REMIT_LABELS[category as RemitTab] ?? category;

export const isRemitTab = (value: string | null): value is RemitTab =>
  (REMIT_TABS as readonly string[]).includes(value ?? '');

/** The work queues, each named for its next action (src/core/remit/remit-category.ts REMIT_QUEUES). */
export const QUEUE_LABELS: Record<RemitQueue, string> = {
  'retro-authorization': 'Retro-authorization',
  'corrected-claim': 'Corrected claim',
  'twice-daily-documentation': 'Twice-daily documentation',
  appeal: 'Appeal',
  'bill-patient-or-secondary': 'Bill patient or secondary',
  'secondary-claim': 'Secondary claim',
  'payer-reprocess': 'Payer reprocess request',
  'underpayment-dispute': 'Underpayment dispute',
  'reversal-review': 'Reversal review',
  'set-contract-rate': 'Set the contract rate',
};
export const REMIT_QUEUE_LIST = Object.keys(QUEUE_LABELS) as RemitQueue[];

export const queueLabel = (queue: string): string => QUEUE_LABELS[queue as RemitQueue] ?? queue;

export const isRemitQueue = (value: string | null): value is RemitQueue =>
  Object.hasOwn(QUEUE_LABELS, value ?? '');

/** CLP02 claim status codes as a biller reads them (X12 835 005010X221A1). */
const CLAIM_STATUS: Record<string, string> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'primary, forwarded',
  '20': 'secondary, forwarded',
  '21': 'tertiary, forwarded',
  '22': 'reversal of a payment',
  '23': 'not our claim, forwarded',
  '25': 'predetermination only',
};
export const claimStatusLabel = (status: string): string => CLAIM_STATUS[status] ?? `status ${status}`;
