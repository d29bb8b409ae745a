/** Display helpers: money (integer cents), instants in the facility's zone, relative times, labels. */
import type { MoneyTotal } from '../app/views.js';

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
/**
 * A total of expected amounts: `$856.40`, or, when a line has no rate (unknown, never $0.00), what is
 * known and how many lines are missing: `$600.00 known + 1 line without a rate`, `— (2 lines without a rate)`.
 */
export function formatTotal(t: MoneyTotal, format: (cents: number) => string = formatCents): string {
  if (t.cents !== null) return format(t.cents);
  const missing = `${formatCount(t.linesWithoutRate, 'line')} without a rate`;
  return t.knownCents ? `${format(t.knownCents)} known + ${missing}` : `— (${missing})`;
}
/** The noun for a count: `one` for exactly one, else `many` ("1 claim", "0 claims", "2 entries"). */
export const plural = (n: number, one: string, many = `${one}s`): string => (Math.abs(n) === 1 ? one : many);
/**
 * A count and its noun, the count grouped as formatInt: "1 claim", "1,204 claims". The rule of
 * core/text/plural.ts, which the CLI and the API use: src/web imports types only from other layers
 * (architecture.md), so the browser has its own.
 */
export const formatCount = (n: number, one: string, many?: string): string =>
  `${formatInt(n)} ${plural(n, one, many)}`;
export const formatPercent = (share: number): string => percent.format(share);
export const formatInt = (n: number): string => integer.format(n);

/** `$123.45` or `123.45` → cents; null when not an amount. */
export function parseDollars(text: string): number | null {
  const m = /^\$?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/**
 * Where and when the user is: instants are shown in the practice's facility zone (a deadline reads as
 * the clinic reads it, whatever the browser's zone), and "in 3 h" is measured against the app's clock
 * (the demo runs on its own). Set from the session at login.
 */
let timeZone: string | undefined;
let clockOffsetMs = 0;
let dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
let timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
let shortInstant = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export function setDisplayContext(zone: string, serverTime: string): void {
  timeZone = zone;
  const server = Date.parse(serverTime);
  clockOffsetMs = Number.isNaN(server) ? 0 : server - Date.now();
  dateTime = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  timeOnly = new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  });
  shortInstant = new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
}

/** `Mar 20, 4:35 PM` in the facility zone (timeline axes). */
export const formatShortInstant = (t: number): string => shortInstant.format(new Date(t));

/** The app's now (the server's clock, as of the last session check). */
export const appNow = (): number => Date.now() + clockOffsetMs;

/** The facility zone's short name at an instant (`EDT`), for labels. */
export function zoneName(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** An ISO instant in the practice's facility zone, with the zone's name. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dateTime.format(d)} ${zoneName(iso)}`;
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
export function formatRelative(iso: string | null | undefined, now: number = appNow()): string {
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
  partial: 'Partial',
  failed: 'Failed',
  cancelled: 'Cancelled',
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
  operator: 'Installation operator',
};
