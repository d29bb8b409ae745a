import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { MIN_PASSWORD_LENGTH } from '../../app/auth/create-user.js';
import { billingSettingsSchema } from '../../app/claims/billing-settings.js';
import {
  addUser,
  disableUser,
  getBillingSettings,
  listUsers,
  saveBillingSettings,
} from '../../app/setup/practice-admin.js';
import { ROLES, type Role } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, JSON_OK } from './query-schemas.js';

/** Administrators change the practice; billers read the billing settings they send claims with. */
const ADMIN: readonly Role[] = ['admin'];
const BILLING_READERS: readonly Role[] = ['admin', 'biller'];

const newUser = z.object({
  email: z.email().max(200),
  role: z.enum(ROLES),
  displayName: z.string().max(120).nullable().optional(),
  physicianId: z.string().max(200).nullable().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
});

/** The practice's 837 billing settings and its logins (the Settings page). */
export function practiceRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/practice/billing',
      tag: 'practice',
      summary:
        "The practice's billing settings (null with the fields missing) and the payer profiles of its courses",
      roles: BILLING_READERS,
      responses: [JSON_OK('BillingSettingsView')],
      handle: async ({ c, actor }) => c.json(await getBillingSettings(ctx, actor)),
    }),
    route<undefined, undefined, z.infer<typeof billingSettingsSchema>>({
      method: 'put',
      path: '/api/practice/billing',
      tag: 'practice',
      summary:
        "Replace the practice's billing settings (billing provider, submitter, receiver, payers, charges)",
      roles: ADMIN,
      body: billingSettingsSchema,
      responses: [
        JSON_OK('BillingSettingsView'),
        { status: 400, description: 'located problems (`body.provider.npi`); nothing saved' },
      ],
      handle: async ({ c, actor, body }) => c.json(await saveBillingSettings(ctx, actor, body)),
    }),
    route({
      method: 'get',
      path: '/api/users',
      tag: 'practice',
      summary: "The practice's logins",
      roles: ADMIN,
      responses: [JSON_OK('PracticeUserView[]')],
      handle: async ({ c, actor }) => c.json(await listUsers(ctx, actor)),
    }),
    route<undefined, undefined, z.infer<typeof newUser>>({
      method: 'post',
      path: '/api/users',
      tag: 'practice',
      summary: `Add a login to the practice (initial password of at least ${MIN_PASSWORD_LENGTH} characters)`,
      roles: ADMIN,
      body: newUser,
      responses: [
        JSON_OK('PracticeUserView[]'),
        { status: 409, description: 'a login with this email exists' },
      ],
      handle: async ({ c, actor, body }) => c.json(await addUser(ctx, actor, body)),
    }),
    route<z.infer<typeof idParam>>({
      method: 'post',
      path: '/api/users/:id/disable',
      tag: 'practice',
      summary: 'Disable a login of the practice (it can no longer log in; its sessions end)',
      roles: ADMIN,
      params: idParam,
      responses: [
        JSON_OK('PracticeUserView[]'),
        { status: 404, description: 'no such login in your practice' },
        { status: 409, description: 'your own login' },
      ],
      handle: async ({ c, actor, params }) => c.json(await disableUser(ctx, actor, params.id)),
    }),
  ];
}
