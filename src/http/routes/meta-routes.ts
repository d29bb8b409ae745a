import { type ApiRoute, publicRoute } from '../api-route.js';
import { openApiDocument } from '../openapi.js';
import { JSON_OK } from './query-schemas.js';

/** Health and the OpenAPI document; `allRoutes` is read at request time (the table includes these). */
export function metaRoutes(allRoutes: () => readonly ApiRoute[]): ApiRoute[] {
  let document: object | null = null;
  return [
    publicRoute({
      method: 'get',
      path: '/api/health',
      tag: 'meta',
      summary: 'Liveness',
      roles: 'public',
      responses: [JSON_OK('{ok: true}')],
      handle: ({ c }) => c.json({ ok: true }),
    }),
    publicRoute({
      method: 'get',
      path: '/openapi.json',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document',
      roles: 'public',
      responses: [JSON_OK('OpenAPI 3.1 document')],
      handle: ({ c }) => c.json((document ??= openApiDocument(allRoutes()))),
    }),
  ];
}
