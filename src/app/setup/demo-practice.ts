import { createUser } from '../auth/create-user.js';
import { defaultNow } from '../demo-data/build-clinic.js';
import { EVENING_SIGNER } from '../demo-data/clinic-model.js';
import { treatmentDays } from '../demo-data/clinic-time.js';
import type { Db } from '../../storage/database.js';
import type { AppContext } from '../app-context.js';
import { importFiles } from '../import-pipeline/import-files.js';
import type { ImportProgress } from '../link/import-progress.js';
import { signatureRows } from '../queries/signatures-due.js';
import type { Role } from '../views.js';
import { createPractice } from './create-practice.js';
import { DEMO_BILLING } from './demo-billing.js';
import { loadDemoReference } from './demo-reference.js';
import { billDemo } from './demo-claims.js';
import { demoUploads } from './demo-uploads.js';

/** The demo clinic `npm start` loads: 40 patients over 20 treatment days (about 10 s to import on PGlite). */
export const DEMO_CLINIC = { patients: 40, days: 20, seed: 1 } as const;
/** Every demo login's password (synthetic practice only; printed by `serve --demo`). */
export const DEMO_PASSWORD = 'demo-sgrt-2026';
/** One login per role; the operator (of this practice) is the installation's, who loads the CMS files. */
export const DEMO_ROLES: readonly Role[] = ['admin', 'physician', 'coder', 'biller', 'viewer', 'operator'];
/**
 * The second physician's login: the evening signer (`EVENING_SIGNER`), whose morning records await his
 * signature, so signing can be tried as him while the first physician's work stays as the demo made it.
 */
export const SECOND_PHYSICIAN_EMAIL = 'physician2@demo.test';
/**
 * The logins of the physicians whose patients' fractions the demo holds for a document only a physician
 * can give (domain.md, "Documentation": the signed motion-management order, DOC-001, and the
 * patient-specific necessity statement, DOC-002), so signing the order and writing the statement can be
 * tried as their physician. Each signs as the physician with the most fractions held for that rule.
 */
export const DOCUMENT_PHYSICIAN_EMAILS: Readonly<Record<'DOC-001' | 'DOC-002', string>> = {
  'DOC-002': 'physician3@demo.test',
  'DOC-001': 'physician4@demo.test',
};
/** The demo practice's logins, in the order `serve --demo` prints them. */
export const DEMO_LOGINS: readonly { role: Role; email: string }[] = DEMO_ROLES.flatMap((role) => [
  { role, email: `${role}@demo.test` },
  ...(role === 'physician'
    ? [SECOND_PHYSICIAN_EMAIL, ...Object.values(DOCUMENT_PHYSICIAN_EMAILS)].map((email) => ({ role, email }))
    : []),
]);

/**
 * The instant the demo clinic was exported (its last treatment day, 08:00 facility time + 4 h). The
 * demo app runs on a clock that starts there, so deadlines and "next beam-on" read as they would on
 * that day.
 */
export function demoExportInstant(): number {
  return defaultNow(treatmentDays(DEMO_CLINIC.days));
}

/** The demo's now, and how a restart moves it past what the demo already recorded. */
export interface DemoClock {
  (): number;
  /** Runs on from `instant` when the clock reads earlier (a restart on data written by an earlier run). */
  resumeAfter(instant: number | null): void;
}

/**
 * A clock that starts at the demo export instant when called and runs in real time: signatures made in
 * the demo are timed as on that day, before or after the patients' next beam-on as the minutes pass.
 */
export function demoClock(startedAt = Date.now(), wall: () => number = Date.now): DemoClock {
  let origin = demoExportInstant();
  let since = startedAt;
  const now = () => origin + (wall() - since);
  return Object.assign(now, {
    resumeAfter(instant: number | null) {
      if (instant === null || instant <= now()) return;
      origin = instant;
      since = wall();
    },
  });
}

/**
 * The latest instant the app recorded on the demo's clock (a read or change in the access log, a charge
 * moved, a signature made in the app, a letter, a job), null on fresh data: a restarted demo resumes
 * there, so nothing it recorded lies in its future.
 */
export async function lastRecordedInstant(db: Db): Promise<number | null> {
  const latest = await Promise.all([
    db
      .selectFrom('access_log')
      .select((eb) => eb.fn.max('at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('charge_status_history')
      .select((eb) => eb.fn.max('at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('signatures')
      .where('source', '=', 'app')
      .select((eb) => eb.fn.max('signed_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('letters')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('jobs')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
  ]);
  const instants = latest.flatMap((r) => (r?.at ? [new Date(r.at).getTime()] : []));
  return instants.length ? Math.max(...instants) : null;
}

/** The demo's logins (`serve --demo`: the demo practice's and the demo hospital's) end in this domain. */
const DEMO_LOGIN_DOMAIN = '@demo.test';

/**
 * The demo's now for a command run on the demo's data (a practice with the demo's logins): the clock
 * `serve --demo` runs, resumed after the last instant the demo recorded, so a letter the command line
 * drafts is dated as the app would date it; null for any other practice (its commands run on the wall
 * clock, or `--now`).
 */
export async function demoNowFor(
  db: Db,
  practiceId: string,
  clock: DemoClock = demoClock(),
): Promise<number | null> {
  const demo = await db
    .selectFrom('users')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('email', 'like', `%${DEMO_LOGIN_DOMAIN}`)
    .executeTakeFirst();
  if (!demo) return null;
  clock.resumeAfter(await lastRecordedInstant(db));
  return clock();
}

export interface DemoPractice {
  practiceId: string;
  logins: { role: Role; email: string; password: string; displayName: string }[];
}

/**
 * Generate the demo clinic, create its practice with one login per role, and import its exports (the
 * same pipeline as an upload). The physician login signs as the day-signing physician with the most
 * records waiting before their deadline, the second physician login as the evening signer, the third
 * and fourth as the physicians held for a necessity statement and an order (`DOCUMENT_PHYSICIAN_EMAILS`).
 */
export async function loadDemoPractice(
  ctx: AppContext,
  options: { onProgress?: (p: ImportProgress) => void } = {},
): Promise<DemoPractice> {
  const { files, clinic } = await demoUploads(DEMO_CLINIC);
  const practiceId = await createPractice(ctx, {
    name: 'Demo Radiation Oncology (synthetic)',
    clinic,
    billing: DEMO_BILLING,
  });
  await loadDemoReference(ctx, practiceId);
  const imported = await importFiles(ctx, practiceId, files, { onProgress: options.onProgress });
  // Billed up to the day before the export, and the payer's weekly remittances for those claims.
  const through = new Date(ctx.now() - 86_400_000).toISOString().slice(0, 10);
  const remittance = await billDemo(ctx, practiceId, through);
  const failed = [...imported.files, ...remittance.files].filter((f) => f.status === 'failed');
  if (failed.length) ctx.log.warn({ practiceId, failed: failed.length }, 'demo files failed to import');

  const setup = {
    userId: 'demo-setup',
    practiceId,
    role: 'admin' as const,
    displayName: 'setup',
    physicianId: null,
  };
  const waiting = (await signatureRows(ctx, setup, {})).filter(
    (d) => !d.overdue && d.physicianId !== EVENING_SIGNER.id,
  );
  const counts = new Map<string, number>();
  for (const d of waiting) counts.set(d.physicianId, (counts.get(d.physicianId) ?? 0) + 1);
  const first = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'DR-SYN-01';

  const signsAs = new Map([
    [SECOND_PHYSICIAN_EMAIL, EVENING_SIGNER.id],
    ...(await documentPhysicians(ctx, practiceId)),
  ]);

  const logins: DemoPractice['logins'] = [];
  for (const { role, email } of DEMO_LOGINS) {
    const physicianId = signsAs.get(email) ?? first;
    const displayName = role === 'physician' ? `Demo physician (${physicianId})` : `Demo ${role}`;
    await createUser(ctx, { practiceId, email, password: DEMO_PASSWORD, displayName, role, physicianId });
    logins.push({ role, email, password: DEMO_PASSWORD, displayName });
  }
  return { practiceId, logins };
}

/**
 * Each document login's email with the physician it signs as: the one whose patients have the most
 * fractions held for its rule (ties by id); none when the demo holds nothing for that rule.
 */
async function documentPhysicians(ctx: AppContext, practiceId: string): Promise<[string, string][]> {
  const held = await ctx.db
    .selectFrom('findings as fi')
    .innerJoin('fractions as f', 'f.id', 'fi.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .where('c.practice_id', '=', practiceId)
    .where('f.status', '=', 'hold')
    .where('fi.rule_id', 'in', Object.keys(DOCUMENT_PHYSICIAN_EMAILS))
    .select(['fi.rule_id as ruleId', 'c.physician_id as physicianId', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['fi.rule_id', 'c.physician_id'])
    .execute();
  return Object.entries(DOCUMENT_PHYSICIAN_EMAILS).flatMap(([ruleId, email]) => {
    const most = held
      .filter((h) => h.ruleId === ruleId)
      .sort((a, b) => Number(b.n) - Number(a.n) || a.physicianId.localeCompare(b.physicianId))[0];
    return most ? [[email, most.physicianId] as [string, string]] : [];
  });
}

/** The demo logins already in the database (a later `serve --demo` prints them again). */
export async function demoLogins(
  ctx: AppContext,
  expected: readonly { role: Role; email: string }[] = DEMO_LOGINS,
): Promise<DemoPractice['logins']> {
  const users = await ctx.db
    .selectFrom('users')
    .select(['email', 'role', 'display_name'])
    .where(
      'email',
      'in',
      expected.map((l) => l.email),
    )
    .execute();
  return expected.flatMap(({ role, email }) => {
    const user = users.find((u) => u.role === role && u.email === email);
    return user ? [{ role, email: user.email, password: DEMO_PASSWORD, displayName: user.display_name }] : [];
  });
}
