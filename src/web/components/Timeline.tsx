/**
 * One fraction's evidence as SVG: the treatment session (beam-on bars, monitoring coverage under them,
 * gaps in red, excursions hatched — held or not held) on a minutes scale, then the signatures against
 * the deadline (the next beam-on) on their own scale. A text version follows for screen readers.
 */
import { useId } from 'react';
import type { FractionDetail } from '../../app/views.js';
import { documentLabel, formatCount, formatInstant, formatShortInstant, formatTime } from '../format.js';
import { useWidth } from '../hooks.js';
import type { LegendItem } from './charts.js';

const LEFT = 110;
const RIGHT = 16;
const ROW = 26;

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? null : t;
};

function duration(a: string, b: string): string {
  const s = Math.round(((ms(b) ?? 0) - (ms(a) ?? 0)) / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${s % 60} s`;
}

const anchor = (i: number, n: number) => (i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle');

function scaleFor(times: number[], W: number) {
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 60_000);
  const pad = span * 0.04;
  const t0 = min - pad;
  const t1 = max + pad;
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const ticks: number[] = [];
  for (let i = 0; i <= 4; i++) ticks.push(t0 + ((t1 - t0) * i) / 4);
  return { x, ticks };
}

/** The key of the fraction timelines drawn by {@link FractionTimeline}. */
export const TIMELINE_LEGEND: readonly LegendItem[] = [
  { key: 'beam', swatch: 'beam', label: 'Beam on' },
  { key: 'coverage', swatch: 'coverage', label: 'Monitoring' },
  { key: 'gap', swatch: 'gap', label: 'Gap' },
  { key: 'held', swatch: 'excursion', label: 'Excursion, beam held' },
  { key: 'not-held', swatch: 'excursion not-held', label: 'Excursion, not held' },
  { key: 'deadline', swatch: 'deadline', label: 'Deadline' },
];

export function FractionTimeline({ fraction }: { fraction: FractionDetail }) {
  const uid = useId().replace(/:/g, '');
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const W = Math.max(320, width);
  const beams = fraction.beams
    .map((b) => ({ ...b, on: ms(b.beamOnAt), off: ms(b.beamOffAt) }))
    .filter((b): b is typeof b & { on: number; off: number } => b.on !== null && b.off !== null);
  const monitoring = fraction.monitoring;

  const sessionTimes: number[] = [];
  for (const b of beams) sessionTimes.push(b.on, b.off);
  for (const m of monitoring) {
    for (const t of [m.startAt, m.endAt]) if (ms(t) !== null) sessionTimes.push(ms(t) as number);
    for (const g of [...m.gaps, ...m.excursions]) {
      for (const t of [g.startAt, g.endAt]) if (ms(t) !== null) sessionTimes.push(ms(t) as number);
    }
  }

  const deadline = ms(fraction.signatureDeadline);
  const sigTimes = fraction.signatures.map((s) => ms(s.signedAt)).filter((t): t is number => t !== null);

  const gapsCount = monitoring.reduce((n, m) => n + m.gaps.length, 0);
  const excursions = monitoring.flatMap((m) => m.excursions);
  const notHeld = excursions.filter((e) => !e.beamHeld).length;
  const summary = [
    `${formatCount(beams.length, 'beam')}`,
    monitoring.length
      ? `monitoring by ${monitoring.map((m) => m.system).join(', ')}`
      : 'no monitoring record',
    `${formatCount(gapsCount, 'coverage gap')}`,
    `${formatCount(excursions.length, 'excursion')}${excursions.length ? ` (${notHeld} without beam hold)` : ''}`,
    `${formatCount(fraction.signatures.length, 'signature')}`,
    deadline ? `deadline ${formatInstant(fraction.signatureDeadline)}` : 'no deadline known',
  ].join(', ');

  return (
    <div className="timeline" ref={ref}>
      {sessionTimes.length === 0 ? (
        <p className="sub">No readable beam or monitoring times for this fraction.</p>
      ) : (
        <SessionLane
          W={W}
          uid={uid}
          fraction={fraction}
          beams={beams}
          times={sessionTimes}
          summary={summary}
        />
      )}
      {sigTimes.length || deadline !== null ? (
        <SignatureLane
          W={W}
          fraction={fraction}
          start={sessionTimes.length ? Math.min(...sessionTimes) : null}
        />
      ) : null}
      <details className="timeline-text">
        <summary>Timeline as text</summary>
        <ul>
          {fraction.beams.map((b, i) => (
            <li key={`b${i}`}>
              Beam {b.name}: on {b.beamOnLocal}, off {b.beamOffLocal}
            </li>
          ))}
          {monitoring.map((m, i) => (
            <li key={`m${i}`}>
              {m.system} monitoring {formatTime(m.startAt)}–{formatTime(m.endAt)}
              {m.gatingActive === true ? ', gating active' : ''}
              {m.gaps.map((g, j) => (
                <span key={`g${j}`}>
                  ; gap {formatTime(g.startAt)}–{formatTime(g.endAt)} ({duration(g.startAt, g.endAt)})
                </span>
              ))}
              {m.excursions.map((e, j) => (
                <span key={`e${j}`}>
                  ; excursion {formatTime(e.startAt)}–{formatTime(e.endAt)}, beam{' '}
                  {e.beamHeld ? 'held' : 'not held'}
                </span>
              ))}
            </li>
          ))}
          {fraction.signatures.map((s, i) => (
            <li key={`s${i}`}>
              {documentLabel(s.document)} signed {formatInstant(s.signedAt)} (
              {s.source === 'app' ? 'in the app' : 'imported'})
              {s.beforeDeadline === false
                ? ', after the deadline'
                : s.beforeDeadline
                  ? ', before the deadline'
                  : ''}
            </li>
          ))}
          <li>Deadline (next beam-on): {formatInstant(fraction.signatureDeadline)}</li>
        </ul>
      </details>
    </div>
  );
}

function SessionLane({
  W,
  uid,
  fraction,
  beams,
  times,
  summary,
}: {
  W: number;
  uid: string;
  fraction: FractionDetail;
  beams: { name: string; on: number; off: number }[];
  times: number[];
  summary: string;
}) {
  const { x, ticks } = scaleFor(times, W);
  const monitoring = fraction.monitoring;
  const rows = 1 + Math.max(1, monitoring.length);
  const height = 14 + rows * ROW + 24;
  const axisY = 10 + rows * ROW;
  const hatch = `hatch-${uid}`;
  const hatchNotHeld = `hatch-nh-${uid}`;
  const clamp = (w: number) => Math.max(2, w);
  return (
    <svg
      className="timeline-svg"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={`Treatment session of fraction ${fraction.number}: ${summary}.`}
    >
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" className="hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
        </pattern>
        <pattern
          id={hatchNotHeld}
          patternUnits="userSpaceOnUse"
          width="6"
          height="6"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className="hatch-bg-nh" />
          <line x1="0" y1="0" x2="0" y2="6" className="hatch-line-nh" />
        </pattern>
      </defs>
      {ticks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={6} y2={axisY} className="gridline" />
          <text x={x(t)} y={axisY + 16} textAnchor={anchor(i, ticks.length)} className="axis-label">
            {formatTime(new Date(t).toISOString())}
          </text>
        </g>
      ))}
      <text x={8} y={10 + ROW / 2 + 4} className="lane-label">
        Beam on
      </text>
      {beams.map((b, i) => (
        <rect
          key={i}
          x={x(b.on)}
          y={14}
          width={clamp(x(b.off) - x(b.on))}
          height={ROW - 10}
          className="beam"
          rx={2}
        >
          <title>{`Beam ${b.name}: ${formatTime(new Date(b.on).toISOString())}–${formatTime(new Date(b.off).toISOString())}`}</title>
        </rect>
      ))}
      {monitoring.length === 0 ? (
        <text x={LEFT} y={10 + ROW + ROW / 2 + 4} className="lane-label missing">
          No monitoring record
        </text>
      ) : null}
      {monitoring.map((m, i) => {
        const y = 10 + (i + 1) * ROW;
        const s = ms(m.startAt);
        const e = ms(m.endAt);
        return (
          <g key={i}>
            <text x={8} y={y + ROW / 2 + 4} className="lane-label">
              {m.system.length > 14 ? `${m.system.slice(0, 13)}…` : m.system}
            </text>
            {s !== null && e !== null ? (
              <rect
                x={x(s)}
                y={y + 6}
                width={clamp(x(e) - x(s))}
                height={ROW - 12}
                className="coverage"
                rx={2}
              >
                <title>{`${m.system} monitoring ${formatTime(m.startAt)}–${formatTime(m.endAt)}`}</title>
              </rect>
            ) : null}
            {m.gaps.map((g, j) => {
              const gs = ms(g.startAt) ?? 0;
              const ge = ms(g.endAt) ?? gs;
              return (
                <rect
                  key={`g${j}`}
                  x={x(gs)}
                  y={y + 2}
                  width={clamp(x(ge) - x(gs))}
                  height={ROW - 4}
                  className="gap"
                >
                  <title>{`Coverage gap ${formatTime(g.startAt)}–${formatTime(g.endAt)} (${duration(g.startAt, g.endAt)})`}</title>
                </rect>
              );
            })}
            {m.excursions.map((ex, j) => {
              const es = ms(ex.startAt) ?? 0;
              const ee = ms(ex.endAt) ?? es;
              return (
                <rect
                  key={`e${j}`}
                  x={x(es)}
                  y={y + 2}
                  width={clamp(x(ee) - x(es))}
                  height={ROW - 4}
                  fill={`url(#${ex.beamHeld ? hatch : hatchNotHeld})`}
                  className={ex.beamHeld ? 'excursion' : 'excursion not-held'}
                >
                  <title>{`Excursion ${formatTime(ex.startAt)}–${formatTime(ex.endAt)}: beam ${ex.beamHeld ? 'held' : 'not held'}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function SignatureLane({
  W,
  fraction,
  start,
}: {
  W: number;
  fraction: FractionDetail;
  start: number | null;
}) {
  const deadline = ms(fraction.signatureDeadline);
  const sigs = fraction.signatures
    .map((s) => ({ ...s, t: ms(s.signedAt) }))
    .filter((s): s is typeof s & { t: number } => s.t !== null);
  const times = [...sigs.map((s) => s.t)];
  if (deadline !== null) times.push(deadline);
  if (start !== null) times.push(start);
  const { x, ticks } = scaleFor(times, W);
  const height = 30 + Math.max(1, sigs.length) * 18 + 26;
  const axisY = height - 22;
  return (
    <svg
      className="timeline-svg"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={`Signatures of fraction ${fraction.number} against the deadline: ${
        sigs.length
          ? sigs.map((s) => `${documentLabel(s.document)} ${formatInstant(s.signedAt)}`).join('; ')
          : 'none'
      }; deadline ${formatInstant(fraction.signatureDeadline)}.`}
    >
      {ticks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={6} y2={axisY} className="gridline" />
          <text x={x(t)} y={axisY + 16} textAnchor={anchor(i, ticks.length)} className="axis-label">
            {formatShortInstant(t)}
          </text>
        </g>
      ))}
      <text x={8} y={22} className="lane-label">
        Signatures
      </text>
      {start !== null ? (
        <g>
          <line x1={x(start)} x2={x(start)} y1={8} y2={axisY} className="session-marker" />
          <text x={x(start) + 4} y={16} className="axis-label">
            treatment
          </text>
        </g>
      ) : null}
      {deadline !== null ? (
        <g>
          <line x1={x(deadline)} x2={x(deadline)} y1={8} y2={axisY} className="deadline" />
          <text x={x(deadline) - 4} y={16} textAnchor="end" className="deadline-label">
            deadline (next beam-on)
          </text>
        </g>
      ) : null}
      {sigs.length === 0 ? (
        <text x={(start !== null ? x(start) : LEFT) + 8} y={40} className="lane-label missing">
          Not signed yet
        </text>
      ) : null}
      {sigs.map((s, i) => {
        const cx = x(s.t);
        const cy = 36 + i * 18;
        const late = s.beforeDeadline === false;
        return (
          <g key={i}>
            <path
              d={`M ${cx} ${cy - 6} L ${cx + 6} ${cy} L ${cx} ${cy + 6} L ${cx - 6} ${cy} Z`}
              className={late ? 'sig late' : 'sig'}
            >
              <title>{`${documentLabel(s.document)} signed ${formatInstant(s.signedAt)}${late ? ' (late)' : ''}`}</title>
            </path>
            <text
              x={cx > W / 2 ? cx - 10 : cx + 10}
              y={cy + 4}
              textAnchor={cx > W / 2 ? 'end' : 'start'}
              className="value-label"
            >
              {documentLabel(s.document)}
              {late ? ' (late)' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
