import { type MonitoringSession, statedThresholds } from '../model/course.js';

/** Where a session was read from, for evidence: "treatment-report report.pdf#1"; "record" when not given. */
export function sourceLabel(source: MonitoringSession['source']): string {
  return source ? `${source.kind}${source.location ? ` ${source.location}` : ''}` : 'record';
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
