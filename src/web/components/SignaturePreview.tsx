import type { SignatureDue } from '../../app/views.js';
import { api } from '../api/client.js';
import { useLoad } from '../hooks.js';
import { RecordPreview } from './RecordPreview.js';
import { TIMELINE_LEGEND } from './Timeline.js';
import { Loading, Notice } from './ui.js';

/**
 * A signatures-worklist row's record before it is signed: the course page's preview of the fraction
 * (coverage per beam, excursions, holds; `RecordPreview`), loaded from the course, with one confirmation.
 */
export function SignaturePreview({
  row,
  busy,
  onConfirm,
  onCancel,
}: {
  row: SignatureDue;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { data, error } = useLoad(
    async (signal) =>
      (await api.course(row.courseId, signal)).fractionDetails.find((f) => f.id === row.fractionId) ?? null,
    row.fractionId,
  );
  if (error) return <Notice kind="error">{error}</Notice>;
  if (data === null) return <Loading what="the record" />;
  return (
    <RecordPreview
      fraction={data}
      legend={TIMELINE_LEGEND}
      documents={row.documents}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
