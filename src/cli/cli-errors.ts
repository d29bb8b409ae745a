/** CLI exit codes (architecture.md, "Input problems"). */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;

/** A mistake in how the command was called (unknown option value, missing argument). */
export class UsageError extends Error {}
