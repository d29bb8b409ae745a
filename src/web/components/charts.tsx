/**
 * Dashboard charts drawn as SVG. Each is a figure with a caption, an accessible summary on the SVG
 * (role=img) and the numbers as a table behind a disclosure, so nothing is only visual.
 */
import type { ReactNode } from 'react';
import type { DashboardView } from '../../app/views.js';
import { formatCount, formatDate, formatInt, formatPercent, formatShortDate } from '../format.js';
import { useWidth } from '../hooks.js';
import { TableHead } from './ui.js';

/** A chart's frame: caption, text summary, the drawing and its numbers as a table. */
export function ChartFigure({
  id,
  caption,
  summary,
  table,
  children,
}: {
  id: string;
  caption: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <p id={`${id}-summary`} className="chart-summary">
        {summary}
      </p>
      {children}
      <details className="chart-data">
        <summary>Show the data as a table</summary>
        {table}
      </details>
    </figure>
  );
}

/** One entry of a {@link Legend}: the swatch's classes (its colour) and the series' label. */
export interface LegendItem {
  key: string;
  swatch: string;
  label: string;
}

/** A chart's key, a swatch and a label per series; hidden from screen readers (the summary and table say it). */
export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <div className="legend" aria-hidden="true">
      {items.map((s) => (
        <span key={s.key}>
          <span className={`swatch ${s.swatch}`} /> {s.label}
        </span>
      ))}
    </div>
  );
}

/** Horizontal gridlines across the plot from `x1` to `x2` at the value ticks, each labelled left of `x1`. */
export function ValueGridlines({
  ticks,
  x1,
  x2,
  y,
  label,
}: {
  ticks: readonly number[];
  x1: number;
  x2: number;
  y: (value: number) => number;
  label: (value: number) => string;
}) {
  return ticks.map((t) => (
    <g key={t}>
      <line x1={x1} x2={x2} y1={y(t)} y2={y(t)} className="gridline" />
      <text x={x1 - 6} y={y(t) + 4} textAnchor="end" className="axis-label">
        {label(t)}
      </text>
    </g>
  ));
}

/** One bar of a {@link HorizontalBarChart} and its row in the data table. */
export interface BarRow {
  key: string;
  /** The bar's label, left of it, and the table row's heading. */
  label: string;
  /** The bar's length, against the largest value of the chart. */
  value: number;
  /** The label after the bar. */
  valueText: string;
  /** The table row's other cells, one a column after the first. */
  cells: ReactNode[];
  /** The bar's class (`bar`, `bar bar-accent`, `bar bar-muted`). */
  className: string;
}

/**
 * Labelled horizontal bars, one a row, in a {@link ChartFigure} with the rows as a table. `labelWidth`
 * is the room left of the bars for their labels, `valueWidth` the room right of them for the values.
 */
export function HorizontalBarChart({
  id,
  caption,
  summary,
  columns,
  rows,
  labelWidth = 70,
  valueWidth = 90,
  minWidth = 280,
}: {
  id: string;
  caption: string;
  summary: string;
  /** The table's column headers, the row headings' column first. */
  columns: readonly string[];
  rows: readonly BarRow[];
  labelWidth?: number;
  valueWidth?: number;
  minWidth?: number;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 26;
  const [ref, measured] = useWidth<HTMLDivElement>(520);
  const width = Math.max(minWidth, measured);
  const barW = width - labelWidth - valueWidth;
  const height = Math.max(rowH, rows.length * rowH) + 8;
  return (
    <ChartFigure
      id={id}
      caption={caption}
      summary={summary}
      table={
        <table>
          <TableHead columns={columns} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {r.cells.map((cell, i) => (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div ref={ref}>
        <svg
          role="img"
          aria-labelledby={`${id}-caption ${id}-summary`}
          viewBox={`0 0 ${width} ${height}`}
          className="chart-svg"
        >
          {rows.map((r, i) => {
            const y = 4 + i * rowH;
            const w = (r.value / max) * barW;
            return (
              <g key={r.key}>
                <text x={labelWidth - 8} y={y + rowH / 2 + 4} textAnchor="end" className="axis-label">
                  {r.label}
                </text>
                <rect
                  x={labelWidth}
                  y={y + 4}
                  width={Math.max(1, w)}
                  height={rowH - 8}
                  rx={2}
                  className={r.className}
                />
                <text x={labelWidth + w + 6} y={y + rowH / 2 + 4} className="value-label">
                  {r.valueText}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}

const DELIVERY = new Set(['77402', '77407', '77412']);

/**
 * Lines billed per code, as counts: the one 77412 percentage the app shows is its share of delivery
 * sessions (Share77412Chart, the Today page), not a share of every line billed.
 */
export function CodeMixChart({ view }: { view: DashboardView }) {
  const rows = view.codeMix;
  const summary =
    rows.length === 0
      ? 'No codes billed in the period.'
      : rows.map((r) => `${r.code}: ${formatCount(r.count, 'line')}`).join('; ') + '.';
  return (
    <HorizontalBarChart
      id="code-mix"
      caption="Code mix"
      summary={summary}
      columns={['Code', 'Lines']}
      rows={rows.map((r) => ({
        key: r.code,
        label: r.code,
        value: r.count,
        valueText: formatInt(r.count),
        cells: [formatInt(r.count)],
        className: r.code === '77412' ? 'bar bar-accent' : DELIVERY.has(r.code) ? 'bar' : 'bar bar-muted',
      }))}
    />
  );
}

/** The 77412 share on a 0–100% scale with the expected band drawn behind it. */
export function Share77412Chart({ view }: { view: DashboardView }) {
  const { min, max } = view.expected77412;
  const share = view.share77412;
  const [ref, measured] = useWidth<HTMLDivElement>(520);
  const width = Math.max(280, measured);
  const left = 10;
  const scale = width - 2 * left;
  const x = (v: number) => left + Math.min(1, Math.max(0, v)) * scale;
  const position = share < min ? 'below' : share > max ? 'above' : 'within';
  const summary = `77412 was billed for ${formatPercent(share)} of delivery sessions, ${position} the expected band of ${formatPercent(min)} to ${formatPercent(max)}.`;
  return (
    <ChartFigure
      id="share-77412"
      caption="77412 share of delivery sessions"
      summary={summary}
      table={
        <table>
          <tbody>
            <tr>
              <th scope="row">77412 share</th>
              <td className="num">{formatPercent(share)}</td>
            </tr>
            <tr>
              <th scope="row">Expected band</th>
              <td className="num">
                {formatPercent(min)}–{formatPercent(max)}
              </td>
            </tr>
          </tbody>
        </table>
      }
    >
      <div ref={ref}>
        <svg
          role="img"
          aria-labelledby="share-77412-caption share-77412-summary"
          viewBox={`0 0 ${width} 78`}
          className="chart-svg"
        >
          <rect x={left} y={20} width={scale} height={22} className="track" rx={3} />
          <rect x={x(min)} y={14} width={x(max) - x(min)} height={34} className="band" />
          <text x={(x(min) + x(max)) / 2} y={10} textAnchor="middle" className="axis-label">
            expected {formatPercent(min)}–{formatPercent(max)}
          </text>
          <rect
            x={left}
            y={24}
            width={x(share) - left}
            height={14}
            className={`bar share-${position}`}
            rx={2}
          />
          <line x1={x(share)} x2={x(share)} y1={16} y2={46} className="marker" />
          {[0, 0.25, 0.5, 0.75, 1].map((t) => (
            <text
              key={t}
              x={x(t)}
              y={64}
              textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}
              className="axis-label"
            >
              {formatPercent(t)}
            </text>
          ))}
        </svg>
      </div>
      <p className={`share-value share-${position}`}>
        <strong>{formatPercent(share)}</strong> — {position} the expected band
      </p>
    </ChartFigure>
  );
}

const SERIES = [
  { key: 'ready', label: 'Ready' },
  { key: 'downgrade', label: 'Downgrade' },
  { key: 'hold', label: 'Hold' },
] as const;

export function DailyChart({ view }: { view: DashboardView }) {
  const days = view.daily;
  const [ref, measured] = useWidth<HTMLDivElement>(720);
  const width = Math.max(280, measured);
  const height = 220;
  const top = 12;
  const bottom = 40;
  const left = 36;
  const plotH = height - top - bottom;
  const plotW = width - left - 8;
  const maxTotal = Math.max(1, ...days.map((d) => d.ready + d.downgrade + d.hold));
  const step = days.length ? plotW / days.length : plotW;
  const barW = Math.max(2, Math.min(36, step * 0.7));
  const y = (v: number) => top + plotH - (v / maxTotal) * plotH;
  const ticks = [0, Math.round(maxTotal / 2), maxTotal].filter((v, i, a) => a.indexOf(v) === i);
  const labelEvery = Math.max(1, Math.ceil(days.length / 12));
  const totals = SERIES.map((s) => `${s.label} ${formatInt(days.reduce((n, d) => n + d[s.key], 0))}`);
  const summary =
    days.length === 0
      ? 'No fractions in the period.'
      : `Fractions per date of service over ${formatCount(days.length, 'day')}, stacked by status. Totals: ${totals.join(', ')}.`;
  return (
    <ChartFigure
      id="daily"
      caption="Fractions per day by status"
      summary={summary}
      table={
        <table>
          <TableHead columns={['Date', ...SERIES.map((s) => s.label)]} />
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDate(d.date)}</th>
                {SERIES.map((s) => (
                  <td key={s.key} className="num">
                    {formatInt(d[s.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Legend items={SERIES.map((s) => ({ ...s, swatch: `fill-${s.key}` }))} />
      <div ref={ref}>
        <svg
          role="img"
          aria-labelledby="daily-caption daily-summary"
          viewBox={`0 0 ${width} ${height}`}
          className="chart-svg"
        >
          <ValueGridlines ticks={ticks} x1={left} x2={width - 8} y={y} label={String} />
          {days.map((d, i) => {
            const cx = left + i * step + step / 2;
            let acc = 0;
            return (
              <g key={d.date}>
                <title>
                  {`${formatDate(d.date)}: ready ${d.ready}, downgrade ${d.downgrade}, hold ${d.hold}`}
                </title>
                {SERIES.map((s) => {
                  const v = d[s.key];
                  const y0 = y(acc);
                  acc += v;
                  const y1 = y(acc);
                  return v > 0 ? (
                    <rect
                      key={s.key}
                      x={cx - barW / 2}
                      y={y1}
                      width={barW}
                      height={y0 - y1}
                      className={`fill-${s.key}`}
                    />
                  ) : null;
                })}
                {i % labelEvery === 0 ? (
                  <text x={cx} y={height - bottom + 16} textAnchor="middle" className="axis-label">
                    {formatShortDate(d.date)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}
