import { type MonitoringSession, statedThresholds } from '../model/course.js';

/** "0.3 cm / 3°"; null when the record shows no thresholds (AlignRT "N/A", domain.md §3.4). */
export function thresholdLabel(stated: MonitoringSession['thresholds'] | undefined): string | null {
  const t = stated === undefined ? null : statedThresholds(stated);
  const parts = [
    t?.translationCm ? `${t.translationCm} cm` : null,
    t?.rotationDeg ? `${t.rotationDeg}°` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' / ') : null;
}
