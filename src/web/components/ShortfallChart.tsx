/** Dollars short per remittance category as horizontal SVG bars, with a text summary and a data table. */
import { formatDollars, formatInt } from '../format.js';
import { useWidth } from '../hooks.js';
import { ChartFigure } from './charts.js';

export interface ShortfallRow {
  category: string;
  label: string;
  lines: number;
  shortCents: number;
}

export function ShortfallChart({ rows }: { rows: ShortfallRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.shortCents));
  const rowH = 26;
  const labelW = 190;
  const [ref, measured] = useWidth<HTMLDivElement>(520);
  const width = Math.max(320, measured);
  const barW = width - labelW - 100;
  const height = Math.max(rowH, rows.length * rowH) + 8;
  const total = rows.reduce((n, r) => n + r.shortCents, 0);
  const summary =
    total === 0
      ? 'No dollars short in any category.'
      : `${formatDollars(total)} short in all: ` +
        rows.map((r) => `${r.label} ${formatDollars(r.shortCents)}`).join('; ') +
        '.';
  return (
    <ChartFigure
      id="shortfall"
      caption="Dollars short per category"
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Lines</th>
              <th scope="col">Dollars short</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.category}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatInt(r.lines)}</td>
                <td className="num">{formatDollars(r.shortCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div ref={ref}>
        <svg
          role="img"
          aria-labelledby="shortfall-caption shortfall-summary"
          viewBox={`0 0 ${width} ${height}`}
          className="chart-svg"
        >
          {rows.map((r, i) => {
            const y = 4 + i * rowH;
            const w = (r.shortCents / max) * barW;
            return (
              <g key={r.category}>
                <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="axis-label">
                  {r.label}
                </text>
                <rect
                  x={labelW}
                  y={y + 4}
                  width={Math.max(1, w)}
                  height={rowH - 8}
                  rx={2}
                  className={r.shortCents > 0 ? 'bar bar-accent' : 'bar bar-muted'}
                />
                <text x={labelW + w + 6} y={y + rowH / 2 + 4} className="value-label">
                  {formatDollars(r.shortCents)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}
