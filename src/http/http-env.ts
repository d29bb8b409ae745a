import type { Actor } from '../app/app-context.js';
import type { SessionView } from '../app/views.js';

/** What the middleware puts on each request's context. */
export interface HttpEnv {
  Variables: {
    /** The logged-in user, or null for an anonymous request. */
    actor: Actor | null;
    session: SessionView | null;
    /** The session cookie's token (logout ends that session). */
    token: string | null;
    /** The matched route pattern (`/api/courses/:id`) for the request log: never the URL (PHI in queries). */
    routePattern: string | null;
  };
}
