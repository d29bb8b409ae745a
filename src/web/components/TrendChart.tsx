/** The payer scorecards over time: denial and downcode rates per week of payment, as lines. */
import type { RemitSummaryView } from '../../app/views.js';
import {
  formatCount,
  formatDate,
  formatDollars,
  formatInt,
  formatPercent,
  formatShortDate,
} from '../format.js';
import { useWidth } from '../hooks.js';
import { ChartFigure, Legend, ValueGridlines } from './charts.js';
import { TableHead } from './ui.js';

const SERIES = [
  { key: 'denialRate', label: 'Denial rate', swatch: 'line-hold' },
  { key: 'downcodeRate', label: 'Downcode rate', swatch: 'line-downgrade' },
] as const;

export function TrendSection({ summary }: { summary: RemitSummaryView }) {
  const weeks = summary.trends;
  const [ref, measured] = useWidth<HTMLDivElement>(640);
  const width = Math.max(280, measured);
  const height = 200;
  const [top, bottom, left, right] = [12, 32, 44, 12];
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(0.1, ...weeks.flatMap((m) => SERIES.map((s) => m[s.key])));
  const x = (i: number) => left + (weeks.length > 1 ? (i / (weeks.length - 1)) * plotW : plotW / 2);
  const y = (rate: number) => top + plotH - (rate / max) * plotH;
  const last = weeks.at(-1);
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  const summaryText = !last
    ? 'No remittance has a payment date yet.'
    : `${formatCount(weeks.length, 'week')} of payments. In the week of ${formatDate(last.week)}: ` +
      `denial rate ${formatPercent(last.denialRate)}, downcode rate ${formatPercent(last.downcodeRate)}, ` +
      `${formatDollars(last.underpaidCents)} underpaid over ${formatCount(last.lines, 'line')}.`;
  return (
    <section className="card" aria-labelledby="trends-title">
      <h2 id="trends-title">Trends</h2>
      <ChartFigure
        id="trends"
        caption="Denial and downcode rates by week of payment, all payers"
        summary={summaryText}
        table={
          <table className="table compact">
            <TableHead
              columns={[
                'Week of',
                'Payer',
                { label: 'Lines', num: true },
                { label: 'Denial rate', num: true },
                { label: 'Downcode rate', num: true },
                { label: 'Underpaid', num: true },
              ]}
            />
            <tbody>
              {weeks.flatMap((m) =>
                [{ payer: 'All payers', ...m }, ...m.payers].map((p) => (
                  <tr key={`${m.week}|${p.payer}`}>
                    <th scope="row">{formatDate(m.week)}</th>
                    <td>{p.payer}</td>
                    <td className="num">{formatInt(p.lines)}</td>
                    <td className="num">{formatPercent(p.denialRate)}</td>
                    <td className="num">{formatPercent(p.downcodeRate)}</td>
                    <td className="num">{formatDollars(p.underpaidCents)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        }
      >
        <Legend items={SERIES} />
        <div ref={ref}>
          <svg
            role="img"
            aria-labelledby="trends-caption trends-summary"
            viewBox={`0 0 ${width} ${height}`}
            className="chart-svg"
          >
            <ValueGridlines
              ticks={[0, max / 2, max]}
              x1={left}
              x2={width - right}
              y={y}
              label={formatPercent}
            />
            {weeks.map((m, i) => (
              <text key={m.week} x={x(i)} y={height - 10} textAnchor="middle" className="axis-label">
                {i % labelEvery === 0 ? formatShortDate(m.week) : ''}
              </text>
            ))}
            {SERIES.map((s) => (
              <g key={s.key} className={s.swatch}>
                <polyline
                  fill="none"
                  strokeWidth={2}
                  points={weeks.map((m, i) => `${x(i)},${y(m[s.key])}`).join(' ')}
                />
                {weeks.map((m, i) => (
                  <circle key={m.week} cx={x(i)} cy={y(m[s.key])} r={3.5}>
                    <title>{`week of ${formatDate(m.week)}: ${s.label.toLowerCase()} ${formatPercent(m[s.key])}`}</title>
                  </circle>
                ))}
              </g>
            ))}
          </svg>
        </div>
      </ChartFigure>
    </section>
  );
}
