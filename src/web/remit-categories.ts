/** The remittance line categories (RemitLineView.category) in display order, with their labels. */

/** The categories that need work: denials, downcodes, zero payments and underpayments. */
export const PROBLEM_CATEGORIES = [
  'downcoded',
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  'authorization-2025',
  'underpaid',
  'other-denial',
] as const;

/** The tabs of the Remittances page: every problem, the lines paid as expected, the unmatched ones. */
export const REMIT_TABS = [...PROBLEM_CATEGORIES, 'paid-as-expected', 'unmatched'] as const;
export type RemitTab = (typeof REMIT_TABS)[number];

export const REMIT_LABELS: Record<string, string> = {
  downcoded: 'Downcoded',
  'igrt-professional-denied': 'IGRT professional denied',
  'zero-paid-no-denial-code': 'Zero paid, no denial code',
  'authorization-2025': '2025 authorization denied',
  underpaid: 'Underpaid',
  'other-denial': 'Other denials',
  'paid-as-expected': 'Paid as expected',
  unmatched: 'Unmatched',
};

export const remitLabel = (category: string): string => REMIT_LABELS[category] ?? category;

export const isRemitTab = (value: string | null): value is RemitTab =>
  (REMIT_TABS as readonly string[]).includes(value ?? '');
