import type { AppContext } from '../app/app-context.js';
import type { ApiRoute } from './api-route.js';
import { accessLogRoutes } from './routes/access-log-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { chargeRoutes } from './routes/charge-routes.js';
import { claimRoutes } from './routes/claim-routes.js';
import { courseRoutes } from './routes/course-routes.js';
import { coverRoutes } from './routes/cover-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { letterRoutes } from './routes/letter-routes.js';
import { metaRoutes } from './routes/meta-routes.js';
import { physicianRoutes } from './routes/physician-routes.js';
import { practiceRoutes } from './routes/practice-routes.js';
import { referenceRoutes } from './routes/reference-routes.js';
import { remitRoutes } from './routes/remit-routes.js';
import { worklistRoutes } from './routes/worklist-routes.js';
import type { CookieSettings } from './session-cookie.js';

/**
 * Every route of the API with its roles and schemas: the one table the router mounts, the role and
 * tenancy tests iterate, and /openapi.json describes.
 */
export function routeTable(
  ctx: AppContext,
  cookies: CookieSettings,
  trustedProxies: ReadonlySet<string> = new Set(),
): ApiRoute[] {
  const routes: ApiRoute[] = [
    ...metaRoutes(() => routes),
    ...authRoutes(ctx, cookies, trustedProxies),
    ...worklistRoutes(ctx),
    ...courseRoutes(ctx),
    ...chargeRoutes(ctx),
    ...physicianRoutes(ctx),
    ...importRoutes(ctx),
    ...exportRoutes(ctx),
    ...remitRoutes(ctx),
    ...claimRoutes(ctx),
    ...letterRoutes(ctx),
    ...referenceRoutes(ctx),
    ...accessLogRoutes(ctx),
    ...practiceRoutes(ctx),
    ...coverRoutes(ctx),
  ];
  return routes;
}
