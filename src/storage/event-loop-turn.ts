/**
 * Cooperative time-slicing on the app's thread. PGlite executes in this thread and its promises settle
 * without going back to the event loop (microtasks only), and the import's reading, linking and auditing
 * are synchronous code: a whole import would hold the loop from start to end, and a request that needs
 * no database (health, static files) would wait for it. Long work calls these at its boundaries so that
 * timers and I/O get a turn (setImmediate runs after the poll phase, where requests are accepted; Node.js
 * docs, "The Node.js Event Loop"). Requests that need the database still wait while an import's
 * transaction holds PGlite's one connection.
 */

/** How long work may hold the event loop before `yieldIfDue` gives other callbacks a turn. */
export const SLICE_MS = 15;

let sliceStart = performance.now();

/** Gives timers and I/O a turn now (between two units of work: files, patients, courses). */
export async function yieldNow(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
}

/** Gives timers and I/O a turn once work has held the loop SLICE_MS since the last turn given. */
export async function yieldIfDue(): Promise<void> {
  if (performance.now() - sliceStart >= SLICE_MS) await yieldNow();
}
