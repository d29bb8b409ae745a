/**
 * Typed client of the HTTP API (api-contract.md). Every call sends the session cookie; state-changing
 * calls carry the session's CSRF token in `x-csrf-token`. Errors come back as `ApiError` with the
 * server's code and message (`{ error: { code, message, issues? } }`), ready to show.
 */
import type {
  CoverDesignationView,
  AccessLogEntry,
  AccessLogQuery,
  BillingSettings,
  BillingSettingsView,
  ChargeHistoryEntry,
  ClaimBatchResult,
  ClaimBatchView,
  ClaimHistoryView,
  ClaimSummaryView,
  ClaimFormat,
  ClaimPeriod,
  ClaimPreviewView,
  CmsReleaseView,
  ContractRateView,
  CourseDocumentsView,
  CourseSummary,
  CourseView,
  DocumentDueView,
  DraftedLetters,
  NecessityCheckView,
  DashboardView,
  TodayView,
  ExpectedRateView,
  FractionDetail,
  FractionQuery,
  WorklistChoices,
  FractionRow,
  ImportJobView,
  LetterQuery,
  LetterStatus,
  LetterSummary,
  LetterTemplateSummary,
  LetterTemplateView,
  LetterView,
  LocalityView,
  Page,
  PayerSettingView,
  PracticeUserView,
  ReferenceImportView,
  RemitLineView,
  RemitPaymentQuery,
  RemitPaymentView,
  RemitQuery,
  RemitSummaryView,
  SessionView,
  SignatureDue,
  UnlinkedRecordRow,
} from '../../app/views.js';
import { setDisplayContext } from '../format.js';

export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid_input'
  | 'unauthenticated'
  | 'rate_limited'
  | 'csrf'
  | 'internal'
  | 'network';

export interface Issue {
  location: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A message for people: the server's message, with the issues when it listed any. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = error.issues.map((i) => (i.location ? `${i.location}: ${i.message}` : i.message));
    return [error.message, ...issues].join(' — ');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export type SignDocument = 'sgrt-record' | 'igrt-review';
export interface ChargeChangeResult {
  changed: number;
  skipped: { fractionId: string; reason: string }[];
}
export type ExportList = 'holds' | 'signatures' | 'charges' | 'fractions' | 'remittances';
export type ExportFormat = 'csv' | 'xlsx';

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Called when any request (other than login) answers 401: the session is gone. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values (empty string when none). */
export function queryString(query: Record<string, QueryValue> | object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function parseError(response: Response): Promise<ApiError> {
  let code: string = response.status === 401 ? 'unauthenticated' : 'internal';
  let message = `The server answered ${response.status} ${response.statusText}`.trim();
  let issues: Issue[] = [];
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; issues?: Issue[] };
    };
    if (body.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      issues = Array.isArray(body.error.issues) ? body.error.issues : [];
    }
  } catch {
    // Not JSON (a proxy error page): keep the status line.
  }
  return new ApiError(response.status, code, message, issues);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
  }
  if (!response.ok) {
    const error = await parseError(response);
    if (response.status === 401 && path !== '/api/auth/login') {
      csrfToken = null;
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function remember(session: SessionView): SessionView {
  csrfToken = session.csrfToken;
  setDisplayContext(session.user.timeZone, session.serverTime);
  return session;
}

/** An upload's multipart body: the `files` field, repeated. */
function filesForm(files: File[]): FormData {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return form;
}

export const api = {
  async login(email: string, password: string): Promise<SessionView> {
    return remember(
      await request<SessionView>('/api/auth/login', { method: 'POST', body: { email, password } }),
    );
  },
  async logout(): Promise<void> {
    try {
      await request<void>('/api/auth/logout', { method: 'POST' });
    } finally {
      csrfToken = null;
    }
  },
  /** Who is logged in (null: nobody), asked without an error so a first load logs no 401. */
  async session(signal?: AbortSignal): Promise<SessionView | null> {
    const s = await request<SessionView | { user: null }>('/api/session', { signal });
    return s.user ? remember(s as SessionView) : null;
  },
  today(signal?: AbortSignal): Promise<TodayView> {
    return request('/api/today', { signal });
  },
  dashboard(q: { from?: string; to?: string } = {}, signal?: AbortSignal): Promise<DashboardView> {
    return request(`/api/dashboard${queryString(q)}`, { signal });
  },
  fractions(q: FractionQuery, signal?: AbortSignal): Promise<Page<FractionRow>> {
    return request(`/api/fractions${queryString(q)}`, { signal });
  },
  worklistChoices(signal?: AbortSignal): Promise<WorklistChoices> {
    return request('/api/worklists/choices', { signal });
  },
  signatures(
    q: { physicianId?: string; document?: 'igrt-review'; limit?: number; offset?: number } = {},
    signal?: AbortSignal,
  ): Promise<Page<SignatureDue>> {
    return request(`/api/worklists/signatures${queryString(q)}`, { signal });
  },
  courses(
    q: { search?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<Page<CourseSummary>> {
    return request(`/api/courses${queryString(q)}`, { signal });
  },
  course(id: string, signal?: AbortSignal): Promise<CourseView> {
    return request(`/api/courses/${encodeURIComponent(id)}`, { signal });
  },
  chargeHistory(id: string, signal?: AbortSignal): Promise<ChargeHistoryEntry[]> {
    return request(`/api/charges/${encodeURIComponent(id)}/history`, { signal });
  },
  sign(fractionId: string, documents: SignDocument[]): Promise<FractionDetail> {
    return request(`/api/fractions/${encodeURIComponent(fractionId)}/sign`, {
      method: 'POST',
      body: { documents },
    });
  },
  courseDocuments(courseId: string, signal?: AbortSignal): Promise<CourseDocumentsView> {
    return request(`/api/courses/${encodeURIComponent(courseId)}/documents`, { signal });
  },
  signCourseDocument(
    courseId: string,
    document: 'motion-management-order' | 'necessity',
  ): Promise<CourseDocumentsView> {
    return request(`/api/courses/${encodeURIComponent(courseId)}/documents/sign`, {
      method: 'POST',
      body: { document },
    });
  },
  writeNecessity(courseId: string, text: string): Promise<CourseDocumentsView> {
    return request(`/api/courses/${encodeURIComponent(courseId)}/necessity`, {
      method: 'POST',
      body: { text },
    });
  },
  checkNecessity(courseId: string, text: string, signal?: AbortSignal): Promise<NecessityCheckView> {
    return request(`/api/courses/${encodeURIComponent(courseId)}/necessity/check`, {
      method: 'POST',
      body: { text },
      signal,
    });
  },
  documentsDue(q: { ruleId?: string } = {}, signal?: AbortSignal): Promise<DocumentDueView[]> {
    return request(`/api/physician/documents${queryString(q)}`, { signal });
  },
  release(fractionIds: string[]): Promise<ChargeChangeResult> {
    return request('/api/charges/release', { method: 'POST', body: { fractionIds } });
  },
  hold(fractionIds: string[], reason: string): Promise<ChargeChangeResult> {
    return request('/api/charges/hold', { method: 'POST', body: { fractionIds, reason } });
  },
  unlinkedRecords(
    q: { dismissed?: boolean; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<Page<UnlinkedRecordRow>> {
    return request(`/api/unlinked-records${queryString(q)}`, { signal });
  },
  dismissUnlinked(id: string, reason: string): Promise<void> {
    return request(`/api/unlinked-records/${encodeURIComponent(id)}/dismiss`, {
      method: 'POST',
      body: { reason },
    });
  },
  /** `overrideReason`: link a record of another MRN, for this reason (kept in the access log). */
  linkUnlinked(id: string, courseId: string, overrideReason?: string): Promise<void> {
    return request(`/api/unlinked-records/${encodeURIComponent(id)}/link`, {
      method: 'POST',
      body: overrideReason === undefined ? { courseId } : { courseId, override: { reason: overrideReason } },
    });
  },
  upload(files: File[]): Promise<ImportJobView> {
    return request('/api/imports', { method: 'POST', body: filesForm(files) });
  },
  imports(signal?: AbortSignal): Promise<ImportJobView[]> {
    return request('/api/imports', { signal });
  },
  importJob(id: string, signal?: AbortSignal): Promise<ImportJobView> {
    return request(`/api/imports/${encodeURIComponent(id)}`, { signal });
  },
  cancelImport(id: string): Promise<ImportJobView> {
    return request(`/api/imports/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  },
  remitLines(q: RemitQuery, signal?: AbortSignal): Promise<Page<RemitLineView>> {
    return request(`/api/remittances/lines${queryString(q)}`, { signal });
  },
  remitSummary(signal?: AbortSignal): Promise<RemitSummaryView> {
    return request('/api/remittances/summary', { signal });
  },
  remitPayments(q: RemitPaymentQuery, signal?: AbortSignal): Promise<Page<RemitPaymentView>> {
    return request(`/api/remittances/payments${queryString(q)}`, { signal });
  },
  claimPreview(signal?: AbortSignal): Promise<ClaimPreviewView> {
    return request('/api/claims/preview', { signal });
  },
  claimBatches(q: { limit?: number; offset?: number }, signal?: AbortSignal): Promise<Page<ClaimBatchView>> {
    return request(`/api/claims/batches${queryString(q)}`, { signal });
  },
  createClaimBatch(body: { format: ClaimFormat; period?: ClaimPeriod }): Promise<ClaimBatchResult> {
    return request('/api/claims/batches', { method: 'POST', body });
  },
  claims(
    q: { q?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<Page<ClaimSummaryView>> {
    return request(`/api/claims${queryString(q)}`, { signal });
  },
  claimHistory(claimNumber: string, signal?: AbortSignal): Promise<ClaimHistoryView> {
    return request(`/api/claims/${encodeURIComponent(claimNumber)}/history`, { signal });
  },
  /** A replacement (CLM05-3 7) or void (8) of a claim, with the payer's claim control number (REF*F8). */
  sendClaimVersion(
    claimNumber: string,
    body: { action: 'replace' | 'void'; payerClaimNumber?: string },
  ): Promise<ClaimBatchView> {
    return request(`/api/claims/${encodeURIComponent(claimNumber)}/versions`, { method: 'POST', body });
  },
  sendSecondaryClaim(claimNumber: string): Promise<ClaimBatchView> {
    return request(`/api/claims/${encodeURIComponent(claimNumber)}/secondary`, { method: 'POST' });
  },
  accessLog(q: AccessLogQuery, signal?: AbortSignal): Promise<Page<AccessLogEntry>> {
    return request(`/api/access-log${queryString(q)}`, { signal });
  },
  /** Drafts one letter per remittance line (the lines refused listed with why), or a letter of a type for a course. */
  draftLetters(
    body: { remitLineIds: string[] } | { type: LetterView['type']; courseId: string },
  ): Promise<DraftedLetters> {
    return request('/api/letters', { method: 'POST', body });
  },
  letters(q: LetterQuery, signal?: AbortSignal): Promise<Page<LetterSummary>> {
    return request(`/api/letters${queryString(q)}`, { signal });
  },
  letter(id: string, signal?: AbortSignal): Promise<LetterView> {
    return request(`/api/letters/${encodeURIComponent(id)}`, { signal });
  },
  updateLetter(id: string, change: { body?: string; status?: LetterStatus }): Promise<LetterView> {
    return request(`/api/letters/${encodeURIComponent(id)}`, { method: 'PUT', body: change });
  },
  /** Drafts the letter again from the chart, in place (its edited text is replaced). */
  redraftLetter(id: string): Promise<LetterView> {
    return request(`/api/letters/${encodeURIComponent(id)}/redraft`, { method: 'POST' });
  },
  letterTemplates(signal?: AbortSignal): Promise<LetterTemplateSummary[]> {
    return request('/api/letter-templates', { signal });
  },
  letterTemplate(type: string, signal?: AbortSignal): Promise<LetterTemplateView> {
    return request(`/api/letter-templates/${encodeURIComponent(type)}`, { signal });
  },
  saveLetterTemplate(type: string, text: string): Promise<LetterTemplateView> {
    return request(`/api/letter-templates/${encodeURIComponent(type)}`, { method: 'PUT', body: { text } });
  },
  releases(signal?: AbortSignal): Promise<CmsReleaseView[]> {
    return request('/api/reference/releases', { signal });
  },
  /** The operator's CMS files of a release (year, quarter), and contract-rate CSVs: all or nothing. */
  importReference(files: File[], release: { year: number; quarter: number }): Promise<ReferenceImportView> {
    return request(`/api/reference/import${queryString(release)}`, {
      method: 'POST',
      body: filesForm(files),
    });
  },
  /** The practice's contract-rate CSVs: all or nothing. */
  importContractRates(files: File[]): Promise<ReferenceImportView> {
    return request('/api/contract-rates/import', { method: 'POST', body: filesForm(files) });
  },
  locality(signal?: AbortSignal): Promise<LocalityView> {
    return request('/api/reference/locality', { signal });
  },
  setLocality(body: { carrier: string; locality: string }): Promise<LocalityView> {
    return request('/api/reference/locality', { method: 'PUT', body });
  },
  expectedRate(
    q: { code: string; modifiers?: string; payer?: string; placeOfService?: string; dateOfService: string },
    signal?: AbortSignal,
  ): Promise<ExpectedRateView> {
    return request(`/api/reference/expected${queryString(q)}`, { signal });
  },
  payerSettings(signal?: AbortSignal): Promise<PayerSettingView[]> {
    return request('/api/payer-settings', { signal });
  },
  savePayerSetting(body: {
    payer: string;
    payerProfile: string | null;
    appealDays: number | null;
    payerKind: PayerSettingView['payerKind'];
    notes: string | null;
  }): Promise<PayerSettingView[]> {
    return request('/api/payer-settings', { method: 'PUT', body });
  },
  contractRates(signal?: AbortSignal): Promise<ContractRateView[]> {
    return request('/api/contract-rates', { signal });
  },
  addContractRate(body: Omit<ContractRateView, 'id'>): Promise<ContractRateView[]> {
    return request('/api/contract-rates', { method: 'POST', body });
  },
  deleteContractRate(id: string): Promise<ContractRateView[]> {
    return request(`/api/contract-rates/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
  billingSettings(signal?: AbortSignal): Promise<BillingSettingsView> {
    return request('/api/practice/billing', { signal });
  },
  /** Replaces the practice's billing settings; a 400 lists each field's problem (`body.provider.npi`). */
  saveBillingSettings(body: BillingSettings): Promise<BillingSettingsView> {
    return request('/api/practice/billing', { method: 'PUT', body });
  },
  users(signal?: AbortSignal): Promise<PracticeUserView[]> {
    return request('/api/users', { signal });
  },
  addUser(body: {
    email: string;
    role: PracticeUserView['role'];
    displayName: string | null;
    physicianId: string | null;
    password: string;
  }): Promise<PracticeUserView[]> {
    return request('/api/users', { method: 'POST', body });
  },
  disableUser(id: string): Promise<PracticeUserView[]> {
    return request(`/api/users/${encodeURIComponent(id)}/disable`, { method: 'POST' });
  },
  covers(signal?: AbortSignal): Promise<CoverDesignationView[]> {
    return request('/api/practice/covers', { signal });
  },
  /** Per course (`courseKey`) or per physician over dates (`forPhysicianId`, `from`, `to`). */
  addCover(body: {
    coveringPhysicianId: string;
    courseKey: string | null;
    forPhysicianId: string | null;
    from: string | null;
    to: string | null;
  }): Promise<CoverDesignationView[]> {
    return request('/api/practice/covers', { method: 'POST', body });
  },
  removeCover(id: string): Promise<CoverDesignationView[]> {
    return request(`/api/practice/covers/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
};

/** The download address of a letter as PDF or Word (made from its saved text). */
export const letterFileUrl = (id: string, format: 'pdf' | 'docx'): string =>
  `/api/letters/${encodeURIComponent(id)}/file?format=${format}`;
/** The letter with an evidence page per enclosure, as one PDF. */
export const letterPacketUrl = (id: string): string => `/api/letters/${encodeURIComponent(id)}/packet`;

/** The download address of the practice's contract rates (the import's CSV layout, or Excel). */
export const contractRatesUrl = (format: ExportFormat): string => `/api/contract-rates/export/${format}`;

/** The download address of an 837 batch's file. */
export const claimFileUrl = (id: string): string => `/api/claims/batches/${encodeURIComponent(id)}/file`;

/** The download address of a list export, with the same filters as the worklist. */
export function exportUrl(list: ExportList, format: ExportFormat, q: FractionQuery = {}): string {
  const { limit: _limit, offset: _offset, after: _after, ...filters } = q;
  return `/api/exports/${list}.${format}${queryString(filters)}`;
}
