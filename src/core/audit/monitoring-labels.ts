import { type MonitoringSession, statedThresholds } from '../model/course.js';

/** Where a session was read from, for evidence: "treatment-report report.pdf#1"; "record" when not given. */
export function sourceLabel(source: MonitoringSession['source']): string {
  return source ? `${source.kind}${source.location ? ` ${source.location}` : ''}` : 'record';
}

/** A monitoring session named once: its id with its source, or the source alone when it holds the id (a file path). */
export function monitoringName(session: Pick<MonitoringSession, 'id' | 'source'>): string {
  const source = sourceLabel(session.source);
  const location = session.source?.location;
  return location && (location.includes(session.id) || session.id.includes(location))
    ? source
    : `${session.id} (${source})`;
}

/** "0.3 cm / 3°"; null when the record shows no thresholds (AlignRT "N/A", domain.md §3.4). */
export function thresholdLabel(stated: MonitoringSession['thresholds'] | undefined): string | null {
  const t = stated === undefined ? null : statedThresholds(stated);
  const parts = [
    t?.translationCm ? `${t.translationCm} cm` : null,
    t?.rotationDeg ? `${t.rotationDeg}°` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' / ') : null;
}
