import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../app/app-errors.js';
import { InputError } from '../app/engine-context.js';

/** The API's error codes and their HTTP status: the one error → status table (api-contract.md). */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ApiErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  location: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: ErrorIssue[] };
}

/** An error raised by the HTTP layer itself (authentication, CSRF, validation, roles). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }
}

/** Zod issues as located messages (`query.limit: Too big…`); zod messages name types, not values. */
export function zodIssues(error: z.ZodError, where: string): ErrorIssue[] {
  return error.issues.flatMap(closestBranch).map((i) => ({
    location: [where, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .join('.')
      .replace(/\.\[/g, '['),
    message: i.message,
  }));
}

type Issue = z.ZodError['issues'][number];

/**
 * A union's "Invalid input" as the issues of the branch the input came closest to (fewest issues, a key
 * the branch does not know counting most): `{"type":"appeal-foo","courseId":…}` is told that `type` is
 * not one of the letter types, not that the body is invalid.
 */
function closestBranch(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const cost = (branch: readonly Issue[]) =>
    branch.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? 100 : 1), 0);
  const best = issue.errors.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return best.flatMap((i) => closestBranch({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

/** Maps anything thrown to the error body and status. `internal` says nothing about the cause (PHI). */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  const make = (code: ApiErrorCode, message: string, issues: ErrorIssue[] = []) => ({
    status: ERROR_STATUS[code],
    body: { error: { code, message, ...(issues.length ? { issues } : {}) } },
  });
  if (error instanceof ApiError || error instanceof AppError)
    return make(error.code, error.message, error.issues);
  if (error instanceof InputError) return make('invalid_input', 'the input has problems', error.problems);
  if (error instanceof z.ZodError)
    return make('invalid_input', 'the input has problems', zodIssues(error, 'input'));
  if (error instanceof HTTPException && error.status === 413)
    return make('too_large', 'the request is too large');
  if (error instanceof HTTPException && error.status < 500)
    return make('invalid_input', 'the request is malformed');
  return make('internal', 'internal error');
}
