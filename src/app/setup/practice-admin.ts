import { sql } from 'kysely';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, forbidden, notFound } from '../app-errors.js';
import { createUser } from '../auth/create-user.js';
import { asRole, normalizeEmail } from '../auth/user-view.js';
import { REFERENCE_LIBRARY } from '../../core/letters/site-references.js';
import { billingIssues, billingSettingsSchema, parseBillingSettings } from '../claims/billing-settings.js';
import type { BillingSettingsView, PracticeSummary, PracticeUserView, Role } from '../views.js';
import { createPractice } from './create-practice.js';

/**
 * Practice administration: a new practice with its first administrator, the practice's logins (add,
 * list, disable) and its 837 billing settings. Every query filters by the actor's practice (tenancy).
 */

/** A practice, its clinic and billing settings and its first admin login, in one transaction (all or none). */
export async function createPracticeWithAdmin(
  ctx: AppContext,
  input: {
    name: string;
    clinic: unknown;
    billing?: unknown;
    admin: { email: string; password: string; displayName?: string | undefined };
  },
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const inTrx = { ...ctx, db: trx };
    const practiceId = await createPractice(inTrx, input);
    await createUser(inTrx, {
      practiceId,
      email: input.admin.email,
      password: input.admin.password,
      displayName: input.admin.displayName?.trim() || normalizeEmail(input.admin.email),
      role: 'admin',
    });
    return practiceId;
  });
}

/** Every practice of the database with its count of logins and whether its billing settings are complete. */
export async function listPractices(ctx: AppContext): Promise<PracticeSummary[]> {
  const rows = await ctx.db
    .selectFrom('practices')
    .leftJoin('users', 'users.practice_id', 'practices.id')
    .select([
      'practices.id as id',
      'practices.name as name',
      'practices.billing as billing',
      sql<string>`count(users.id)`.as('users'),
    ])
    .groupBy(['practices.id', 'practices.name', 'practices.billing'])
    .orderBy('practices.created_at')
    .orderBy('practices.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    users: Number(r.users),
    billingConfigured: billingSettingsSchema.safeParse(r.billing ?? undefined).success,
  }));
}

/** The practice's logins, by email. */
export async function listUsers(ctx: AppContext, actor: Actor): Promise<PracticeUserView[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'physician_id', 'disabled', 'created_at'])
    .where('practice_id', '=', actor.practiceId)
    .orderBy('email')
    .execute();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: asRole(u.role),
    physicianId: u.physician_id,
    disabled: u.disabled,
    createdAt: new Date(u.created_at).toISOString(),
  }));
}

export interface AddUserInput {
  email: string;
  role: Role;
  password: string;
  displayName?: string | null | undefined;
  /** The chart's physician id (physician logins only: their signature worklist). */
  physicianId?: string | null | undefined;
}

/**
 * The installation operator is above a practice's admin (it loads the reference data every practice
 * shares): only an operator, or the server's command line, makes or disables one.
 */
const OPERATOR_ONLY =
  'only the installation operator (or `sgrt-billing user …` on the server) manages operator logins';

/** A new login in the actor's practice; the practice's logins after it. */
export async function addUser(
  ctx: AppContext,
  actor: Actor,
  input: AddUserInput,
): Promise<PracticeUserView[]> {
  if (input.role === 'operator' && actor.role !== 'operator') throw forbidden(OPERATOR_ONLY);
  const physicianId = input.physicianId?.trim() || null;
  if (physicianId && input.role !== 'physician')
    throw new AppError('invalid_input', 'only a physician login signs as a chart physician', [
      { location: 'physicianId', message: 'only for the physician role' },
    ]);
  await createUser(ctx, {
    practiceId: actor.practiceId,
    email: input.email,
    password: input.password,
    displayName: input.displayName?.trim() || normalizeEmail(input.email),
    role: input.role,
    physicianId,
  });
  return listUsers(ctx, actor);
}

/**
 * Disables a login of the actor's practice (it can no longer log in; its sessions end). An admin does not
 * disable their own login, so a practice keeps an administrator. Another practice's id answers not found.
 */
export async function disableUser(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<PracticeUserView[]> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', userId)
    .where('practice_id', '=', actor.practiceId)
    .executeTakeFirst();
  if (!user) throw notFound('user');
  if (user.id === actor.userId) throw new AppError('conflict', 'you cannot disable your own login');
  if (user.role === 'operator' && actor.role !== 'operator') throw forbidden(OPERATOR_ONLY);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled: true })
      .where('id', '=', user.id)
      .where('practice_id', '=', actor.practiceId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  ctx.log.info({ userId: user.id, practiceId: actor.practiceId, by: actor.userId }, 'user disabled');
  return listUsers(ctx, actor);
}

/** The id of a login of the actor's practice by its email (the command line names users by email). */
export async function userIdByEmail(ctx: AppContext, actor: Actor, email: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normalizeEmail(email))
    .where('practice_id', '=', actor.practiceId)
    .executeTakeFirst();
  if (!row) throw notFound('user');
  return row.id;
}

/**
 * The practice's billing settings, or null with the fields missing; and the payer profiles of its
 * courses (the keys of `payers`), each with whether the settings name that payer.
 */
export async function getBillingSettings(ctx: AppContext, actor: Actor): Promise<BillingSettingsView> {
  const [practice, profiles, physicians] = await Promise.all([
    ctx.db
      .selectFrom('practices')
      .select('billing')
      .where('id', '=', actor.practiceId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('courses')
      .select(['payer_profile', sql<string>`count(*)`.as('n')])
      .where('practice_id', '=', actor.practiceId)
      .groupBy('payer_profile')
      .orderBy('payer_profile')
      .execute(),
    ctx.db
      .selectFrom('courses')
      .select(['physician_id', sql<string>`count(*)`.as('n')])
      .where('practice_id', '=', actor.practiceId)
      .groupBy('physician_id')
      .orderBy('physician_id')
      .execute(),
  ]);
  const parsed = billingSettingsSchema.safeParse(practice.billing ?? {});
  const settings = parsed.success ? parsed.data : null;
  return {
    settings,
    missing: parsed.success ? [] : billingIssues(parsed.error),
    payerProfiles: profiles.map((p) => ({
      profile: p.payer_profile,
      courses: Number(p.n),
      configured: settings !== null && p.payer_profile in settings.payers,
    })),
    // The rendering/attending provider of each course's claims (billing settings `physicians`).
    physicians: physicians.map((p) => ({
      id: p.physician_id,
      courses: Number(p.n),
      configured: settings !== null && p.physician_id in settings.physicians,
    })),
    guidelines: GUIDELINES,
  };
}

/** The guidelines of the reference library, whose version the practice follows (site-references.json). */
const GUIDELINES: BillingSettingsView['guidelines'] = REFERENCE_LIBRARY.references.flatMap((r) =>
  r.kind === 'guideline' ? [{ id: r.id, title: r.title }] : [],
);

/** Replaces the practice's billing settings after validating them (located problems, nothing saved). */
export async function saveBillingSettings(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<BillingSettingsView> {
  const settings = parseBillingSettings(input);
  await ctx.db
    .updateTable('practices')
    .set({ billing: JSON.stringify(settings) })
    .where('id', '=', actor.practiceId)
    .execute();
  ctx.log.info({ practiceId: actor.practiceId, by: actor.userId }, 'billing settings saved');
  return getBillingSettings(ctx, actor);
}
