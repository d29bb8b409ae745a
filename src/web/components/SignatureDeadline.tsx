import type { ReactNode } from 'react';
import { deadlineNote } from '../deadline-note.js';
import { formatInstant } from '../format.js';

/**
 * A fraction's signature deadline, only while a signature is owed (deadline-note.ts); a passed one is
 * marked overdue, not shown as a bare "18 days ago".
 */
export function SignatureDeadline({
  deadline,
  reasons,
  prefix,
  none = <span className="sub">—</span>,
}: {
  deadline: string | null;
  reasons: readonly string[];
  prefix?: string;
  /** Shown when no signature is owed. */
  none?: ReactNode;
}) {
  const note = deadlineNote(deadline, reasons);
  if (!note || !deadline) return <>{none}</>;
  return (
    <span className={note.overdue ? 'deadline overdue' : 'deadline'}>
      {prefix}
      <time dateTime={deadline}>{formatInstant(deadline)}</time> <span className="sub">({note.text})</span>
    </span>
  );
}
