import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { HttpEnv } from './http-env.js';

/**
 * The built web UI: files under `webRoot`, and index.html for any other GET outside /api whose last path
 * segment has no extension (client-side routes such as /courses/123), so a missing asset stays a 404.
 */
export function serveWebUi(app: Hono<HttpEnv>, webRoot: string): void {
  const root = resolve(webRoot);
  if (!existsSync(root)) throw new Error(`the web UI folder ${root} does not exist (run npm run build)`);
  app.use('*', async (c, next) => (c.req.path.startsWith('/api/') ? next() : serveStatic({ root })(c, next)));
  const index = serveStatic({ root, path: 'index.html' });
  app.get('*', async (c, next) => {
    const last = c.req.path.split('/').pop() ?? '';
    return c.req.path.startsWith('/api/') || last.includes('.') ? next() : index(c, next);
  });
}
