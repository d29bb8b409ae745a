import type { Context } from 'hono';
import type { z } from 'zod';
import type { Actor } from '../app/app-context.js';
import { sameToken } from '../app/auth/session-tokens.js';
import { ApiError, zodIssues } from './api-errors.js';
import { type ApiRoute, changesState } from './api-route.js';
import type { HttpEnv } from './http-env.js';
import { multipartFiles } from './multipart-files.js';

export const CSRF_HEADER = 'x-csrf-token';
/** Largest accepted body of a route that does not say (`maxBodyBytes`). */
export const DEFAULT_MAX_BODY = 1_000_000;

/**
 * Who is calling, checked in this order: a session (else 401), the CSRF token on state-changing requests
 * (else 403 `csrf`), the role (else 403). The CSRF check is the synchronizer token pattern with the token
 * in a custom header (OWASP CSRF Prevention Cheat Sheet, "Synchronizer Token Pattern" and "Employing
 * Custom Request Headers for AJAX/API"); the SameSite=Strict cookie is the second line of defence.
 */
export function authorize(c: Context<HttpEnv>, route: ApiRoute): Actor | null {
  const actor = c.get('actor');
  if (route.roles === 'public') return actor;
  if (!actor) throw new ApiError('unauthenticated', 'log in first');
  if (changesState(route)) {
    const sent = c.req.header(CSRF_HEADER) ?? '';
    const expected = c.get('session')?.csrfToken ?? '';
    if (sent === '' || !sameToken(sent, expected)) {
      throw new ApiError('csrf', `missing or wrong ${CSRF_HEADER} header`);
    }
  }
  if (!route.roles.includes(actor.role))
    throw new ApiError('forbidden', route.deniedMessage ?? 'your role may not do this');
  return actor;
}

export function parseInput<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError('invalid_input', 'the input has problems', zodIssues(parsed.error, where));
  return parsed.data;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The body of a route: JSON checked against its schema, or the uploaded `files` of a multipart form —
 * streamed to the handler (`streamFiles`: it stores each file as it arrives) or read whole. Either way
 * the multipart body is parsed as it arrives and `maxBodyBytes` counted as it does.
 */
export async function readBody(c: Context<HttpEnv>, route: ApiRoute): Promise<unknown> {
  if (!route.body) return undefined;
  if (route.body === 'multipart') {
    const files = multipartFiles(
      c.req.raw.body,
      c.req.header('content-type') ?? '',
      'files',
      route.maxBodyBytes ?? DEFAULT_MAX_BODY,
    );
    if (route.streamFiles) return atLeastOne(files);
    const read: UploadedFile[] = [];
    for await (const { name, data } of atLeastOne(files)) {
      const pieces: Uint8Array[] = [];
      for await (const piece of data) pieces.push(piece);
      read.push({ name, bytes: Buffer.concat(pieces) });
    }
    return read;
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError('invalid_input', 'the body is not valid JSON');
  }
  return parseInput(route.body, json, 'body');
}

async function* atLeastOne<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  let any = false;
  for await (const item of items) {
    any = true;
    yield item;
  }
  if (!any) {
    throw new ApiError('invalid_input', 'no files uploaded', [
      { location: 'body.files', message: 'attach at least one file' },
    ]);
  }
}
