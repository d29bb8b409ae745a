/** Data loading with abort on change, actions that answer the loaded list anew, the page title, widths. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { errorMessage } from './api/client.js';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
  setData: (update: (data: T | null) => T | null) => void;
}

/** Runs `load` when `key` changes (aborting the previous run) and on `reload()`. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setDataState(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((update: (data: T | null) => T | null) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

/** What an action on the page came to: done (`success`) or the server's refusal (`error`). */
export interface Message {
  kind: 'error' | 'success';
  text: string;
}

/**
 * Actions on a loaded list whose answer is the list anew (add, remove, save): `act` shows that list and
 * `done` as the message (or what `done` makes of the new list), or the error; `setMessage` for a message
 * of one's own.
 */
export function useListAction<T>(loaded: Pick<Loaded<T>, 'setData'>) {
  const [message, setMessage] = useState<Message | null>(null);
  const { setData } = loaded;
  const act = useCallback(
    async (run: () => Promise<T>, done: string | ((next: T) => string)) => {
      setMessage(null);
      try {
        const next = await run();
        setData(() => next);
        setMessage({ kind: 'success', text: typeof done === 'string' ? done : done(next) });
      } catch (err) {
        setMessage({ kind: 'error', text: errorMessage(err) });
      }
    },
    [setData],
  );
  return { message, setMessage, act };
}

/** The page title, for screen readers and the tab. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · SGRT Billing`;
  }, [title]);
}

/** The width of an element in CSS pixels, kept up to date (for SVG drawn at 1:1 scale). */
export function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
