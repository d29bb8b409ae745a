import { addDays } from '../time/calendar-date.js';

/** Days to appeal when neither the payer nor its kind says otherwise (domain.md §6.1: often 180). */
export const DEFAULT_APPEAL_DAYS = 180;
/** 42 CFR 405.942(a): a Medicare redetermination is requested within 120 days of receiving the initial determination. */
export const MEDICARE_REDETERMINATION_DAYS = 120;

/**
 * CMS, "Reconsideration by the Medicare Advantage (Part C) Health Plan" (cms.gov, Medicare Appeals and
 * Grievances; likewise medicare.gov "Level 1: Reconsideration" and HHS OMHA's Part C page): requests "must
 * be filed with the health plan within 60 calendar days from the date of the notice of the organization
 * determination" (42 CFR 422.582). Some secondary sources give 65 days; the earlier date is the one that
 * cannot make a practice late. Counted from the remittance date, as the Medicare window is.
 */
export const MEDICARE_ADVANTAGE_RECONSIDERATION_DAYS = 60;

/** SBR09 claim filing indicators of Medicare Part A (MA) and Part B (MB) (X12 837 / 835 code list). */
const MEDICARE_FILING_INDICATORS = new Set(['MA', 'MB']);
/** SBR09 16 "Health Maintenance Organization (HMO) Medicare Risk": a Medicare Advantage plan (X12 code list 1032). */
const MEDICARE_ADVANTAGE_FILING_INDICATORS = new Set(['16']);

/** Who decides an appeal: Medicare (a MAC), a Medicare Advantage plan, or another payer by its contract. */
export type PayerKind = 'medicare' | 'medicare-advantage' | 'other';

/**
 * The payer's kind: as the practice's payer settings declare it, else by its profile (`medicare`) or
 * the claim filing indicator (SBR09 / CLP06).
 */
export function payerKind(
  input: Pick<AppealDeadlineInput, 'claimFilingIndicator' | 'profileId' | 'declaredKind'>,
): PayerKind {
  if (input.declaredKind) return input.declaredKind;
  if (input.profileId === 'medicare' || MEDICARE_FILING_INDICATORS.has(input.claimFilingIndicator ?? ''))
    return 'medicare';
  if (MEDICARE_ADVANTAGE_FILING_INDICATORS.has(input.claimFilingIndicator ?? '')) return 'medicare-advantage';
  return 'other';
}

export interface AppealDeadlineInput {
  /** BPR16 payment date: the remittance stands for the notice of the initial determination. */
  paymentDate: string;
  /** SBR09 of the coverage the line was billed to (MB Medicare Part B…), when known. */
  claimFilingIndicator?: string | null;
  /** The payer profile's id (`medicare`, `uhc`…), when known. */
  profileId?: string | null;
  /**
   * The kind the practice's payer settings give the payer (a plan's name and CLP06 `HM` do not tell a
   * Medicare Advantage plan from a commercial HMO): wins over the profile and the filing indicator.
   */
  declaredKind?: PayerKind | null;
  /** The practice's window for this payer (payer settings): wins, except over a shorter Medicare or Medicare Advantage window. */
  overrideDays?: number | null;
}

export interface AppealDeadline {
  date: string;
  days: number;
  basis: 'payer-setting' | 'medicare-redetermination' | 'medicare-advantage-reconsideration' | 'default';
}

/**
 * The last day to appeal a line. Per-payer settings win unless the regulation's window is shorter; Medicare (profile `medicare` or SBR09 MA/MB)
 * gets the 120-day redetermination window of 42 CFR 405.942(a), counted from the remittance date (the
 * rule presumes receipt 5 days after the notice: counting from the notice is the safe side); a Medicare
 * Advantage plan (declared so, or SBR09 16) the 60-day reconsideration window (CMS Part C page, 42 CFR 422.582);
 * other payers by contract, 180 days when not configured.
 */
export function appealDeadline(input: AppealDeadlineInput): AppealDeadline {
  const window = appealWindow(input);
  return { date: deadlineDate(input.paymentDate, window.days), ...window };
}

/** `addDays` of recent (date, days) pairs: the lines of a remittance share one payment date. */
const deadlines = new Map<string, string>();
function deadlineDate(date: string, days: number): string {
  const key = `${date}+${days}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    deadline = addDays(date, days);
    if (deadlines.size >= 1024) deadlines.clear();
    deadlines.set(key, deadline);
  }
  return deadline;
}

/** The window itself (days and basis), for a payer before any of its remittances arrives. */
export function appealWindow(input: Omit<AppealDeadlineInput, 'paymentDate'>): Omit<AppealDeadline, 'date'> {
  const regulation = regulatoryWindow(payerKind(input));
  if (!input.overrideDays) return regulation ?? { days: DEFAULT_APPEAL_DAYS, basis: 'default' };
  // A practice's window is kept where it is the earlier; for Medicare and Medicare Advantage lines the
  // regulation's window is the latest day (42 CFR 405.942(a), 422.582): a setting made for one payer name
  // that also sends commercial plans (CLP06 CI, 16 on the same N1*PR) must not make the practice late.
  if (regulation && regulation.days < input.overrideDays) return regulation;
  return { days: input.overrideDays, basis: 'payer-setting' };
}

function regulatoryWindow(kind: PayerKind): Omit<AppealDeadline, 'date'> | null {
  if (kind === 'medicare') return { days: MEDICARE_REDETERMINATION_DAYS, basis: 'medicare-redetermination' };
  if (kind === 'medicare-advantage')
    return { days: MEDICARE_ADVANTAGE_RECONSIDERATION_DAYS, basis: 'medicare-advantage-reconsideration' };
  return null;
}
