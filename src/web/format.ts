/** Display helpers: money (integer cents), instants in the browser's zone, relative times, labels. */

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const moneyWhole = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat();

export const formatCents = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '—' : money.format(cents / 100);
export const formatDollars = (cents: number): string => moneyWhole.format(cents / 100);
export const formatPercent = (share: number): string => percent.format(share);
export const formatInt = (n: number): string => integer.format(n);

const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const timeOnly = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An ISO instant in the browser's zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeOnly.format(d);
}

/** A date of service (YYYY-MM-DD), read as a calendar date (no zone shift). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function formatShortDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(undefined, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(d);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 3 hours", "2 days ago" relative to `now`. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const seconds = Math.round((t - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 48 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

export const DOCUMENT_LABELS: Record<string, string> = {
  'sgrt-record': 'SGRT record',
  'igrt-review': 'IGRT review',
  'motion-management-order': 'Motion-management order',
  'image-guidance-order': 'Image-guidance order',
  necessity: 'Medical necessity',
};

export const documentLabel = (doc: string): string => DOCUMENT_LABELS[doc] ?? doc;

export const STATUS_LABELS: Record<string, string> = {
  ready: 'Ready',
  downgrade: 'Downgrade',
  hold: 'Hold',
  'manual-hold': 'Manual hold',
  released: 'Released',
  void: 'Void',
  mixed: 'Mixed',
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  imported: 'Imported',
  duplicate: 'Duplicate',
  skipped: 'Skipped',
};

export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status;

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  physician: 'Physician',
  coder: 'Coder',
  biller: 'Biller',
  viewer: 'Viewer',
};
