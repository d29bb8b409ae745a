/**
 * What the physician attests by signing a fraction's SGRT record (seed "Key takeaways": monitored from
 * beam-on to beam-off; treatment paused when out of tolerance): the session drawn as a timeline, then per
 * beam its monitored share and longest gap against the occlusion tolerance (DOC-005), the excursions and
 * beam holds (DOC-007), the thresholds and gating (DOC-006), and one button to sign the documents due
 * (the course page's fraction and the signatures worklist's row show the same preview).
 */
import { useEffect, useRef } from 'react';
import type { FractionDetail } from '../../app/views.js';
import { documentLabel, formatTime } from '../format.js';
import { Legend, type LegendItem } from './charts.js';
import { FractionTimeline } from './Timeline.js';
import { TableHead } from './ui.js';

const MONITORING_RULES = new Set(['DOC-004', 'DOC-005', 'DOC-006', 'DOC-007']);

function seconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 && s % 1 ? 1 : 0)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function thresholdsText(t: FractionDetail['monitoring'][number]['thresholds']): string {
  if (t === 'unknown') return 'not stated by the record';
  if (t === null) return 'none (N/A)';
  const parts = Object.entries(t)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) =>
      k.toLowerCase().includes('deg') ? `${k.replace(/Deg$/, '')} ${v}°` : `${k.replace(/Cm$/, '')} ${v} cm`,
    );
  return parts.length ? parts.join(', ') : 'none';
}

export function RecordPreview({
  fraction: f,
  legend,
  documents = ['sgrt-record'],
  busy,
  onConfirm,
  onCancel,
}: {
  fraction: FractionDetail;
  legend: readonly LegendItem[];
  /** What the confirmation signs. */
  documents?: readonly string[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const excursions = f.monitoring.flatMap((m) => m.excursions);
  const held = excursions.filter((e) => e.beamHeld).length;
  const beamOnSeconds = f.beams.reduce(
    (n, b) => n + (Date.parse(b.beamOffAt ?? '') - Date.parse(b.beamOnAt ?? '')) / 1000 || n,
    0,
  );
  const monitored = f.beams.reduce((n, b) => n + b.monitoredSeconds, 0);
  const problems = f.findings.filter((x) => MONITORING_RULES.has(x.ruleId) && x.severity !== 'info');
  const titleId = `preview-${f.id}-title`;
  return (
    <section className="record-preview" aria-labelledby={titleId} data-testid="record-preview">
      <h4 id={titleId} ref={heading} tabIndex={-1}>
        SGRT record of fraction {f.number}: what you sign
      </h4>
      <FractionTimeline fraction={f} />
      <Legend items={legend} />
      <dl className="preview-numbers">
        <div>
          <dt>Monitored beam-on time</dt>
          <dd>
            {beamOnSeconds ? `${Math.round((1000 * monitored) / beamOnSeconds) / 10} %` : '—'} of{' '}
            {seconds(beamOnSeconds)}
          </dd>
        </div>
        <div>
          <dt>Excursions</dt>
          <dd>
            {excursions.length} ({held} with beam hold, {excursions.length - held} without)
          </dd>
        </div>
        <div>
          <dt>Beam holds</dt>
          <dd>{held}</dd>
        </div>
        {f.monitoring.map((m, i) => (
          <div key={i}>
            <dt>{m.system}</dt>
            <dd>
              thresholds {thresholdsText(m.thresholds)}; gating{' '}
              {m.gatingActive === 'unknown' ? 'not stated' : m.gatingActive ? 'active' : 'inactive'}
            </dd>
          </div>
        ))}
      </dl>
      <table className="table compact">
        <caption>Monitoring per beam (gaps up to {f.occlusionToleranceSec} s are tolerated)</caption>
        <TableHead
          columns={[
            'Beam',
            'Beam on',
            'Beam off',
            { label: 'Monitored', num: true },
            { label: 'Longest gap', num: true },
          ]}
        />
        <tbody>
          {f.beams.map((b, i) => {
            const on = (Date.parse(b.beamOffAt ?? '') - Date.parse(b.beamOnAt ?? '')) / 1000;
            return (
              <tr key={i}>
                <th scope="row">{b.name}</th>
                <td>{formatTime(b.beamOnAt)}</td>
                <td>{formatTime(b.beamOffAt)}</td>
                <td className="num">
                  {on > 0 ? `${Math.round((1000 * b.monitoredSeconds) / on) / 10} %` : '—'} (
                  {seconds(b.monitoredSeconds)})
                </td>
                <td className="num">
                  {b.longestGapSeconds > f.occlusionToleranceSec ? (
                    <span className="badge badge-hold">{seconds(b.longestGapSeconds)}</span>
                  ) : b.longestGapSeconds ? (
                    seconds(b.longestGapSeconds)
                  ) : (
                    'none'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length ? (
        <ul className="findings">
          {problems.map((x, i) => (
            <li key={i} className={`finding severity-${x.severity}`}>
              <span className="rule-id">{x.ruleId}</span> {x.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="sub">No monitoring finding on this fraction.</p>
      )}
      <p className="preview-actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {busy ? 'Signing…' : `Confirm and sign the ${documents.map(documentLabel).join(' and ')}`}
        </button>{' '}
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </p>
    </section>
  );
}
