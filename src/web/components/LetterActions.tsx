/**
 * Drafting letters from other pages: a remittance line (its button, or a selection of lines: one letter
 * each) and a course (prior-authorization request, peer-to-peer sheet). A single draft opens in the letter
 * editor; a batch opens the Letters list, unless some lines were refused: then what was drafted and why
 * each other line has no letter are said here.
 */
import { useCallback, useMemo, useState } from 'react';
import type { DraftedLetters, RemitLineView } from '../../app/views.js';
import type { LetterType } from '../../core/letters/letter-types.js';
import { api, errorMessage } from '../api/client.js';
import { formatCount } from '../format.js';
import { letterLabel } from '../letter-types.js';
import { Link, navigate } from '../router.js';

type DraftRequest = Parameters<typeof api.draftLetters>[0];

function useDraft(onPartial?: (result: DraftedLetters) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const draft = useCallback(
    async (request: DraftRequest) => {
      setBusy(true);
      setError(null);
      try {
        const result = await api.draftLetters(request);
        const { letters, refused } = result;
        if (refused.length) {
          if (onPartial) onPartial(result);
          else setError(refused.map((r) => r.reason).join('; '));
          setBusy(false);
        } else navigate(letters.length === 1 ? `/letters/${encodeURIComponent(letters[0]!.id)}` : '/letters');
      } catch (e) {
        setError(errorMessage(e));
        setBusy(false);
      }
    },
    [onPartial],
  );
  return { busy, error, draft };
}

/** Why a draft failed, announced; nothing while there is no error. */
function DraftError({ error }: { error: string | null }) {
  return error ? (
    <span role="alert" className="field-error">
      {error}
    </span>
  ) : null;
}

/** A line can have its letter drafted: the server names its letter and refuses nothing (`letter`). */
export const draftable = (row: RemitLineView): boolean => row.letter !== null && row.letter.refusal === null;
/** A line to select for a batch of drafts: one that can have a letter and has none yet. */
const selectable = (row: RemitLineView): boolean => draftable(row) && row.letterId === null;

const draftVerb = (type: LetterType) =>
  type === 'peer-to-peer'
    ? 'Draft peer-to-peer sheet'
    : type === 'prior-authorization'
      ? 'Draft authorization request'
      : type === 'retro-authorization'
        ? 'Draft retro-authorization request'
        : type === 'redetermination'
          ? 'Draft redetermination request'
          : 'Draft appeal';
const lineName = (row: RemitLineView) => `claim ${row.claim}, line ${row.line}`;

export interface LineSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
}

/** The selected lines among those shown (a line no longer shown is no longer selected). */
export function useLineSelection(rows: readonly RemitLineView[]): LineSelection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(
    () => new Set(rows.filter((r) => picked.has(r.id) && selectable(r)).map((r) => r.id)),
    [rows, picked],
  );
  const toggle = useCallback(
    (id: string) =>
      setPicked((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  return { selected, toggle };
}

/**
 * The "Letter" cell of a remittance line: its letter when it has one, or its claim's letter drafted from
 * another of its lines (a retro-authorization request or 2025 authorization appeal lists them all): opened,
 * never drafted twice; else,
 * when the server refuses the line's letter, why and what to do instead (no draft, no checkbox); else
 * select it for a batch, or draft its letter now.
 */
export function LineLetterCell({ row, selection }: { row: RemitLineView; selection: LineSelection }) {
  const { busy, error, draft } = useDraft();
  if (row.letterId !== null) {
    return (
      <td>
        <Link
          to={`/letters/${encodeURIComponent(row.letterId)}`}
          aria-label={`Open the letter of ${lineName(row)}`}
        >
          Open letter
        </Link>
        {row.letterCovers === 'claim' ? (
          <span className="sub">the claim&apos;s letter, listing this line too</span>
        ) : null}
      </td>
    );
  }
  if (!row.letter) return <td>—</td>;
  const { type, refusal } = row.letter;
  if (refusal !== null) {
    return (
      <td className="wrap-any" style={{ minWidth: '9rem' }}>
        <strong className="sub">No letter</strong>
        <span className="sub letter-refusal">{refusal}</span>
      </td>
    );
  }
  // The button's words may wrap: the Remittances table fits a 1366 px screen without scrolling sideways.
  return (
    <td style={{ minWidth: '9rem' }}>
      <input
        type="checkbox"
        aria-label={`Select ${lineName(row)} for a letter`}
        checked={selection.selected.has(row.id)}
        onChange={() => selection.toggle(row.id)}
      />{' '}
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={`${draftVerb(type)} for ${lineName(row)}`}
        title={letterLabel(type)}
        onClick={() => void draft({ remitLineIds: [row.id] })}
      >
        {busy ? 'Drafting…' : draftVerb(type)}
      </button>
      <DraftError error={error} />
    </td>
  );
}

/**
 * Drafts the letters of the selected lines (one each). When the server refuses some (a line changed since
 * the list was read, or a request made elsewhere), the others are drafted and each refused line is named
 * with its reason; `onDrafted` then reads the list anew.
 */
export function DraftSelection({
  selection,
  rows,
  onDrafted,
}: {
  selection: LineSelection;
  rows: readonly RemitLineView[];
  onDrafted: () => void;
}) {
  const [result, setResult] = useState<DraftedLetters | null>(null);
  const onPartial = useCallback(
    (r: DraftedLetters) => {
      setResult(r);
      onDrafted();
    },
    [onDrafted],
  );
  const { busy, error, draft } = useDraft(onPartial);
  const n = selection.selected.size;
  const nameOf = (id: string) => {
    const row = rows.find((r) => r.id === id);
    return row ? lineName(row) : `line ${id}`;
  };
  return (
    <>
      <div className="actions-bar" role="group" aria-label="Selected lines">
        <span className="selected-count" aria-live="polite">
          {n} selected
        </span>
        <button
          type="button"
          className="primary"
          disabled={n === 0 || busy}
          onClick={() => {
            setResult(null);
            void draft({ remitLineIds: [...selection.selected] });
          }}
        >
          {busy ? 'Drafting…' : `Draft letters for ${formatCount(n, 'selected line')}`}
        </button>
        <span role="alert" className="field-error">
          {error}
        </span>
      </div>
      {result ? (
        <div className="notice notice-warning" role="status">
          <p>
            {result.letters.length
              ? `${formatCount(result.letters.length, 'letter')} drafted (`
              : 'No letter drafted. '}
            {result.letters.length ? (
              <>
                <Link to="/letters">open the Letters list</Link>).{' '}
              </>
            ) : null}
            {result.refused.length} line{result.refused.length === 1 ? ' has' : 's have'} no letter:
          </p>
          <ul>
            {result.refused.map((r) => (
              <li key={r.remitLineId}>
                {nameOf(r.remitLineId)}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** The course letters: a prior-authorization request and a peer-to-peer preparation sheet. */
export function CourseLetterButtons({ courseId }: { courseId: string }) {
  const { busy, error, draft } = useDraft();
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void draft({ type: 'prior-authorization', courseId })}
      >
        Draft prior-authorization request
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void draft({ type: 'peer-to-peer', courseId })}
      >
        Peer-to-peer sheet
      </button>
      <DraftError error={error} />
    </>
  );
}
