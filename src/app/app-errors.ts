import type { InputProblem } from '../core/model/input-problem.js';

/**
 * Errors a use case raises for its caller to map (HTTP: one error → status table in src/http; CLI: exit
 * 2). Messages carry identifiers, never PHI. Anything else thrown is a bug (HTTP 500, CLI exit 3).
 */
export type AppErrorCode =
  'not_found' | 'forbidden' | 'conflict' | 'invalid_input' | 'unauthenticated' | 'rate_limited' | 'too_large';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues: InputProblem[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
