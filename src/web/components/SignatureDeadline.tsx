import type { ReactNode } from 'react';
import { deadlineNote } from '../deadline-note.js';
import { formatInstant } from '../format.js';

/**
 * A fraction's signature deadline, only while a signature is owed (deadline-note.ts); a passed one is
 * marked "Overdue" as Today and /signatures mark it (Deadline.tsx), never "Sign by" a passed time.
 */
export function SignatureDeadline({
  deadline,
  reasons,
  prefix,
  none = <span className="sub">—</span>,
}: {
  deadline: string | null;
  reasons: readonly string[];
  /** Before a deadline still to come ("Sign by "); a passed one is marked "Overdue" instead. */
  prefix?: string;
  /** Shown when no signature is owed. */
  none?: ReactNode;
}) {
  const note = deadlineNote(deadline, reasons);
  if (!note || !deadline) return <>{none}</>;
  return (
    <span className={note.overdue ? 'deadline overdue' : 'deadline'}>
      {note.overdue ? (
        <>
          <span className="badge badge-hold">Overdue</span>{' '}
        </>
      ) : (
        prefix
      )}
      <time dateTime={deadline}>{formatInstant(deadline)}</time> <span className="sub">({note.text})</span>
    </span>
  );
}
