/**
 * Small shared pieces: status badges, notices, empty states, pagination, loading, tables (a loaded list's
 * among them) and their headers.
 */
import type { CSSProperties, ReactNode } from 'react';
import { formatInt, statusLabel } from '../format.js';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{statusLabel(status)}</span>;
}

/** An error (role=alert) or a result (polite live region). Rendered empty to keep the region mounted. */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children?: ReactNode }) {
  if (kind === 'error') {
    return (
      <div role="alert" className={children ? 'notice notice-error' : undefined}>
        {children}
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" className={children ? `notice notice-${kind}` : undefined}>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

/** Page buttons; `capped`: `total` is a lower bound (counting stopped there), shown as "1,000+". */
/** The page sizes a list offers (its rows-per-page choice); the first is the default. */
export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** The page size `text` names, when it is one of PAGE_SIZES; else the default. */
export function pageSize(text: string | null): number {
  const n = Number(text);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : PAGE_SIZES[0];
}

/** The "Rows per page" choice of a list's filter form (one of PAGE_SIZES, as text). */
export function PageSizeField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Rows per page</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Pagination({
  total,
  capped = false,
  limit,
  offset,
  onChange,
  label,
  hasNext,
}: {
  total: number;
  capped?: boolean | undefined;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  label: string;
  /** Whether a next page exists (a keyset-paged list knows; else the total says). */
  hasNext?: boolean | undefined;
}) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  const more = capped ? '+' : '';
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <span>
        {formatInt(first)}–{formatInt(last)} of {formatInt(total)}
        {more}
      </span>
      <button type="button" onClick={() => onChange(Math.max(0, offset - limit))} disabled={page <= 1}>
        Previous page
      </button>
      <span aria-current="page">
        Page {page} of {formatInt(pages)}
        {more}
      </span>
      <button
        type="button"
        onClick={() => onChange(offset + limit)}
        disabled={hasNext === undefined ? !capped && page >= pages : !hasNext}
      >
        Next page
      </button>
    </nav>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}

/**
 * A column of a {@link TableHead}: its heading, or the heading with `num` (a number column), `hidden`
 * (a heading for screen readers only, e.g. "Actions") and a style.
 */
export type Column = string | { label: string; num?: boolean; hidden?: boolean; style?: CSSProperties };

/** A table's header row: a `<th scope="col">` a column, with the class `num` on the number columns. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const c: Exclude<Column, string> = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={c.label} scope="col" className={c.num ? 'num' : undefined} style={c.style}>
              {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A table in its scrolling wrapper: a caption for screen readers, the header row of `columns` and the
 * body rows (`children`); `busy` while it reloads, `className` beside `table` (compact, worklist).
 */
export function DataTable({
  caption,
  columns,
  busy,
  className,
  children,
}: {
  caption: ReactNode;
  columns: readonly Column[];
  busy?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A list loaded from the server as a {@link DataTable}: "Loading {what}…" until its first answer, `empty`
 * when it has no item, else the table with a `row` an item.
 */
export function ListTable<T>({
  items,
  loading,
  what,
  empty,
  row,
  ...table
}: {
  items: readonly T[] | null | undefined;
  loading: boolean;
  what: string;
  empty: ReactNode;
  row: (item: T) => ReactNode;
} & Omit<Parameters<typeof DataTable>[0], 'children'>) {
  if (!items) return loading ? <Loading what={what} /> : null;
  if (items.length === 0) return <>{empty}</>;
  return <DataTable {...table}>{items.map(row)}</DataTable>;
}

/**
 * The actions of a text edit form: Save (its submit button, `label`) and Discard changes (`onDiscard`),
 * both off until something changed and while saving; `children` are further actions after them.
 */
export function SaveDiscardActions({
  label,
  dirty,
  busy,
  onDiscard,
  children,
}: {
  label: string;
  dirty: boolean;
  busy: boolean;
  onDiscard: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="page-actions">
      <button type="submit" className="primary" disabled={!dirty || busy}>
        {busy ? 'Saving…' : label}
      </button>
      <button type="button" className="secondary" disabled={!dirty || busy} onClick={onDiscard}>
        Discard changes
      </button>
      {children}
    </div>
  );
}

/** What the server refused: its message and, when it listed them, each problem (claims, batches). */
export interface Failure {
  message: string;
  issues: string[];
}

export function FailureText({ failure }: { failure: Failure }) {
  return (
    <>
      {failure.message}
      {failure.issues.length ? (
        <ul>
          {failure.issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
