import { z } from 'zod';
import { type ApiRoute, changesState } from './api-route.js';
import { ERROR_STATUS } from './api-errors.js';
import { CSRF_HEADER } from './route-guards.js';
import { SESSION_COOKIE } from './session-cookie.js';

type JsonSchema = Record<string, unknown>;

const errorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [string, ...string[]]),
    message: z.string(),
    issues: z.array(z.object({ location: z.string(), message: z.string() })).optional(),
  }),
});

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) of what a client sends. */
const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
};

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

function requestBody(route: ApiRoute) {
  if (!route.body) return undefined;
  if (route.body === 'multipart') {
    const files = { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } };
    return {
      required: true,
      content: {
        'multipart/form-data': { schema: { type: 'object', properties: { files }, required: ['files'] } },
      },
    };
  }
  return { required: true, content: { 'application/json': { schema: toSchema(route.body) } } };
}

function responses(route: ApiRoute) {
  const out: Record<string, unknown> = {};
  for (const r of route.responses) {
    const types = r.contentTypes ?? (r.status === 204 ? [] : ['application/json']);
    const content = Object.fromEntries(
      types.map((t) => [
        t,
        t === 'application/json' && r.status >= 400 ? { schema: { $ref: '#/components/schemas/Error' } } : {},
      ]),
    );
    out[String(r.status)] = { description: r.description, ...(types.length ? { content } : {}) };
  }
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  if (route.params || route.query || route.body) out['400'] ??= error('invalid input');
  if (route.body) out['415'] ??= error('the body is not sent as its declared media type');
  if (route.roles !== 'public') {
    out['401'] ??= error('not logged in');
    out['403'] ??= error(
      changesState(route)
        ? 'role not allowed, missing CSRF token, or sent from another site'
        : 'role not allowed',
    );
  } else if (changesState(route)) {
    out['403'] ??= error('sent from another site');
  }
  return out;
}

/** The OpenAPI 3.1 document of the route table: paths, parameters and bodies from the zod schemas. */
export function openApiDocument(routes: readonly ApiRoute[]): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const csrf = changesState(route) && route.roles !== 'public';
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, ch: string = '') => ch.toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      'x-roles': route.roles,
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...(csrf ? [{ name: CSRF_HEADER, in: 'header', required: true, schema: { type: 'string' } }] : []),
      ],
      ...(requestBody(route) ? { requestBody: requestBody(route) } : {}),
      responses: responses(route),
      security: route.roles === 'public' ? [] : [{ sessionCookie: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'sgrt-billing API', version: '0.1.0' },
    paths,
    components: {
      securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      schemas: { Error: toSchema(errorBody) },
    },
  };
}
