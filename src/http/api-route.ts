import type { Context } from 'hono';
import type { z } from 'zod';
import type { Actor } from '../app/app-context.js';
import type { Role } from '../app/views.js';
import type { HttpEnv } from './http-env.js';

/** Who may call a route: a list of roles, or anyone (no session needed). */
export type RouteRoles = readonly Role[] | 'public';

export interface RouteResponse {
  status: number;
  description: string;
  /** `application/json` unless said; a download names its types. */
  contentTypes?: string[];
}

/** What a route declares: the router, the guards, the tests and /openapi.json all read this. */
export interface RouteSpec<P, Q, B> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Hono pattern: `/api/courses/:id`. */
  path: string;
  summary: string;
  tag: string;
  roles: RouteRoles;
  /** The 403 message for a logged-in role not in `roles`, when it should say more than "your role may not do this". */
  deniedMessage?: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** JSON body schema, or 'multipart' for an upload (field `files`, repeated). */
  body?: z.ZodType<B> | 'multipart';
  /**
   * A multipart body handed to the handler as the files arrive (`AsyncIterable<IncomingFile>`) instead
   * of read whole first (`UploadedFile[]`): for uploads too large to hold in memory.
   */
  streamFiles?: boolean;
  /** Largest accepted body in bytes (default 1 MB). */
  maxBodyBytes?: number;
  responses: RouteResponse[];
}

export interface RouteInput<P, Q, B, A> {
  c: Context<HttpEnv>;
  actor: A;
  params: P;
  query: Q;
  body: B;
}

type Handler<P, Q, B, A> = (input: RouteInput<P, Q, B, A>) => Promise<Response> | Response;

/** A route of the table with its types erased (the table holds routes of many shapes). */
export interface ApiRoute extends RouteSpec<unknown, unknown, unknown> {
  handle: Handler<unknown, unknown, unknown, Actor | null>;
}

/**
 * A route for logged-in users of the given roles: the handler always gets an actor. The installation
 * operator is above a practice's admin, so a route open to `admin` is open to `operator` too (the table,
 * the guards, the tests and /openapi.json all read the roles with it added).
 */
export function route<P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B> & { roles: readonly Role[]; handle: Handler<P, Q, B, Actor> },
): ApiRoute {
  const roles: readonly Role[] =
    spec.roles.includes('admin') && !spec.roles.includes('operator')
      ? [...spec.roles, 'operator']
      : spec.roles;
  return { ...spec, roles } as unknown as ApiRoute;
}

/** A route anyone may call (login, health, the OpenAPI document). */
export function publicRoute<P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B> & { roles: 'public'; handle: Handler<P, Q, B, Actor | null> },
): ApiRoute {
  return spec as unknown as ApiRoute;
}

/** State-changing methods need the CSRF header (api-contract.md). */
export const changesState = (r: Pick<ApiRoute, 'method'>) => r.method !== 'get';
