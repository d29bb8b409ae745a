/** A charge's status history in a popover (a disclosure button; Escape closes it and returns focus). */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChargeHistoryEntry } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { formatInstant } from '../format.js';
import { StatusBadge } from './ui.js';

export function ChargeHistoryButton({ chargeId, label }: { chargeId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<ChargeHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setError(null);
    api.chargeHistory(chargeId, controller.signal).then(
      (h) => setEntries(h),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      },
    );
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      controller.abort();
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open, chargeId]);

  return (
    <span className="popover-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        History<span className="visually-hidden"> of {label}</span>
      </button>
      {open ? (
        <div id={id} ref={panelRef} className="popover" role="region" aria-label={`History of ${label}`}>
          {error ? <p role="alert">{error}</p> : null}
          {!entries && !error ? <p role="status">Loading…</p> : null}
          {entries && entries.length === 0 ? <p>No changes recorded.</p> : null}
          {entries && entries.length > 0 ? (
            <ol className="history">
              {entries.map((h, i) => (
                <li key={i}>
                  <StatusBadge status={h.status} /> <time dateTime={h.at}>{formatInstant(h.at)}</time> by{' '}
                  {h.actor}
                  {h.reason ? <span className="sub">{h.reason}</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
          <button
            type="button"
            className="secondary small"
            onClick={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          >
            Close
          </button>
        </div>
      ) : null}
    </span>
  );
}
