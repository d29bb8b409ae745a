import { deadlineWords } from '../deadline-note.js';
import { formatInstant } from '../format.js';

/**
 * A signature deadline as Today and /signatures both show it (`deadlineWords`): "Overdue" and when it
 * passed, or when it falls, or that the next beam-on is not scheduled.
 */
export function Deadline({ deadline, now }: { deadline: string | null; now: number }) {
  const words = deadlineWords(deadline, now);
  if (!deadline) return <span className="sub">{words.text}</span>;
  return (
    <span className={words.overdue ? 'deadline overdue' : 'deadline'}>
      {words.overdue ? <span className="badge badge-hold">Overdue</span> : 'Sign by'}{' '}
      <time dateTime={deadline}>{formatInstant(deadline)}</time> <span className="sub">({words.text})</span>
    </span>
  );
}
