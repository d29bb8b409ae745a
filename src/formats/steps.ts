/**
 * Work that pauses at its boundaries: a reader written as a generator yields after each batch of rows,
 * and returns its result. Run it through at once (`runSteps`: tests, the CLI) or let the caller give
 * the event loop a turn at each pause (`pacedSteps` in storage/event-loop-turn.ts: the server).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
