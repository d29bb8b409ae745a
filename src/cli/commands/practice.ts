import { readFile } from 'node:fs/promises';
import type { AppContext } from '../../app/app-context.js';
import { AppError } from '../../app/app-errors.js';
import { InputError } from '../../app/engine-context.js';
import {
  addUser,
  createPracticeWithAdmin,
  disableUser,
  getBillingSettings,
  listPractices,
  listUsers,
  saveBillingSettings,
  userIdByEmail,
} from '../../app/setup/practice-admin.js';
import { addCover, listCovers, removeCover } from '../../app/setup/cover-designations.js';
import { type CoverDesignationView, ROLES, type Role } from '../../app/views.js';
import { parseJsonText } from '../../formats/json/parse-json-text.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { openCliApp, openCliDatabase } from '../open-cli-app.js';
import { renderTable } from '../output/render-table.js';
import { readPassword } from '../read-password.js';
import { counted } from '../../core/text/plural.js';

/**
 * `sgrt-billing practice …` and `sgrt-billing user …`: a real clinic's practice (its clinic.json and
 * billing settings) with its first administrator, its logins and its billing settings, in the app
 * database (DATABASE_URL, else PGlite under --data-dir). Passwords come from SGRT_ADMIN_PASSWORD /
 * SGRT_USER_PASSWORD or are typed on the terminal, never from an argument.
 */

interface DatabaseOptions {
  dataDir?: string;
}
interface PracticeOptions extends DatabaseOptions {
  practice?: string;
}

/** A JSON file's value, or an input error located at the file (line and column of a syntax error). */
async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError([{ location: path, message: 'cannot read the file' }]);
  }
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.value;
}

/** Runs a use case; its refusal (`invalid_input`, `conflict`, `not_found`) is listed and exits 2. */
async function refusalsExit2(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`Nothing was done: ${error.message}\n`);
    for (const p of error.issues) process.stderr.write(`  ${p.location}: ${p.message}\n`);
    return EXIT.input;
  }
}

/**
 * The practice of `--practice` (or the only one) acted on by the command line, which runs with the
 * database's own access: as the installation operator (it may add or disable operator logins).
 */
async function withPractice(
  opts: PracticeOptions,
  run: (ctx: AppContext, actor: Awaited<ReturnType<typeof openCliApp>>['actor']) => Promise<number>,
): Promise<number> {
  const { app, actor } = await openCliApp({
    dataDir: opts.dataDir,
    practice: opts.practice,
    role: 'operator',
  });
  try {
    return await refusalsExit2(() => run(app.ctx, actor));
  } finally {
    await app.close();
  }
}

export interface PracticeCreateOptions extends DatabaseOptions {
  name: string;
  clinic: string;
  billing?: string;
  adminEmail: string;
  adminName?: string;
}

/** `practice create`: the practice and its first administrator in one transaction; prints the practice id. */
export async function runPracticeCreate(opts: PracticeCreateOptions): Promise<number> {
  if (!opts.name.trim()) throw new UsageError('--name must not be empty');
  const clinic = await readJsonFile(opts.clinic);
  const billing = opts.billing === undefined ? undefined : await readJsonFile(opts.billing);
  const password = await readPassword('SGRT_ADMIN_PASSWORD', "administrator's password");
  // The first command of an installation (README, "Your own practice"): it may create the database.
  const app = await openCliDatabase({ dataDir: opts.dataDir, create: true });
  try {
    return await refusalsExit2(async () => {
      const id = await createPracticeWithAdmin(app.ctx, {
        name: opts.name.trim(),
        clinic,
        billing,
        admin: { email: opts.adminEmail, password, displayName: opts.adminName },
      });
      process.stdout.write(`${id}\n`);
      process.stderr.write(
        `practice ${id} created with the administrator ${opts.adminEmail.trim().toLowerCase()}${billing === undefined ? '; add its billing settings with `practice billing --file`' : ''}\n`,
      );
      return EXIT.ok;
    });
  } finally {
    await app.close();
  }
}

/** `practice list`: id, name, logins and whether the billing settings are complete. */
export async function runPracticeList(opts: DatabaseOptions): Promise<number> {
  const app = await openCliDatabase({ dataDir: opts.dataDir });
  try {
    const practices = await listPractices(app.ctx);
    process.stdout.write(
      renderTable(
        ['id', 'name', 'users', 'billing'],
        practices.map((p) => [p.id, p.name, String(p.users), p.billingConfigured ? 'yes' : 'no']),
        [2],
      ) + '\n',
    );
    return EXIT.ok;
  } finally {
    await app.close();
  }
}

export interface PracticeBillingOptions extends PracticeOptions {
  file?: string;
  show?: boolean;
}

/** `practice billing --file billing.json` replaces the settings (validated); `--show` prints them as JSON. */
export async function runPracticeBilling(opts: PracticeBillingOptions): Promise<number> {
  if ((opts.file === undefined) === !opts.show)
    throw new UsageError('give either --file <billing.json> or --show');
  const input = opts.file === undefined ? undefined : await readJsonFile(opts.file);
  return withPractice(opts, async (ctx, actor) => {
    const view =
      opts.file === undefined
        ? await getBillingSettings(ctx, actor)
        : await saveBillingSettings(ctx, actor, input);
    if (opts.show) process.stdout.write(`${JSON.stringify(view.settings, null, 2)}\n`);
    else process.stderr.write(`billing settings of practice ${actor.practiceId} saved\n`);
    for (const m of view.missing) process.stderr.write(`  missing ${m.location}: ${m.message}\n`);
    for (const p of view.payerProfiles.filter((x) => !x.configured))
      process.stderr.write(
        `  no payer for the profile "${p.profile}" (${counted(p.courses, 'course')}): add billing.payers.${p.profile}\n`,
      );
    return EXIT.ok;
  });
}

export interface UserAddOptions extends PracticeOptions {
  email: string;
  role: string;
  name?: string;
  physicianId?: string;
}

/** `user add`: a login of the practice; the password from SGRT_USER_PASSWORD or typed. */
export async function runUserAdd(opts: UserAddOptions): Promise<number> {
  if (!(ROLES as readonly string[]).includes(opts.role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${opts.role}")`);
  const password = await readPassword('SGRT_USER_PASSWORD', 'password');
  return withPractice(opts, async (ctx, actor) => {
    const users = await addUser(ctx, actor, {
      email: opts.email,
      role: opts.role as Role,
      password,
      displayName: opts.name,
      physicianId: opts.physicianId,
    });
    const added = users.find((u) => u.email === opts.email.trim().toLowerCase());
    process.stdout.write(`${added?.id ?? ''}\n`);
    process.stderr.write(`user ${added?.email} (${opts.role}) added to practice ${actor.practiceId}\n`);
    return EXIT.ok;
  });
}

/** `user list`: the practice's logins. */
export function runUserList(opts: PracticeOptions): Promise<number> {
  return withPractice(opts, async (ctx, actor) => {
    const users = await listUsers(ctx, actor);
    process.stdout.write(
      renderTable(
        ['email', 'name', 'role', 'physician id', 'status'],
        users.map((u) => [
          u.email,
          u.displayName,
          u.role,
          u.physicianId ?? '',
          u.disabled ? 'disabled' : 'active',
        ]),
      ) + '\n',
    );
    return EXIT.ok;
  });
}

/** `user disable --email`: the login can no longer log in; its sessions end. */
export function runUserDisable(opts: PracticeOptions & { email: string }): Promise<number> {
  return withPractice(opts, async (ctx, actor) => {
    await disableUser(ctx, actor, await userIdByEmail(ctx, actor, opts.email));
    process.stderr.write(`user ${opts.email.trim().toLowerCase()} disabled\n`);
    return EXIT.ok;
  });
}

export interface CoverAddOptions extends PracticeOptions {
  physician: string;
  course?: string;
  for?: string;
  from?: string;
  to?: string;
}

/** `practice cover list`: the practice's covering physicians, who designated each and when. */
export function runCoverList(opts: PracticeOptions): Promise<number> {
  return withPractice(opts, async (ctx, actor) => {
    process.stdout.write(coverTable(await listCovers(ctx, actor)) + '\n');
    return EXIT.ok;
  });
}

/** `practice cover add --physician <id> (--course <id> | --for <id> --from <date> --to <date>)`. */
export function runCoverAdd(opts: CoverAddOptions): Promise<number> {
  if ((opts.course === undefined) === (opts.for === undefined))
    throw new UsageError(
      'give either --course <chart course id> or --for <physician id> with --from and --to',
    );
  return withPractice(opts, async (ctx, actor) => {
    const covers = await addCover(ctx, actor, {
      coveringPhysicianId: opts.physician,
      courseKey: opts.course,
      forPhysicianId: opts.for,
      from: opts.from,
      to: opts.to,
    });
    process.stdout.write(coverTable(covers) + '\n');
    process.stderr.write('designation added; the courses it concerns were re-audited\n');
    return EXIT.ok;
  });
}

/** `practice cover remove --id <id>`. */
export function runCoverRemove(opts: PracticeOptions & { id: string }): Promise<number> {
  return withPractice(opts, async (ctx, actor) => {
    process.stdout.write(coverTable(await removeCover(ctx, actor, opts.id)) + '\n');
    process.stderr.write('designation removed; the courses it concerned were re-audited\n');
    return EXIT.ok;
  });
}

function coverTable(covers: readonly CoverDesignationView[]): string {
  return renderTable(
    ['id', 'covering', 'for physician', 'course', 'from', 'to', 'by', 'at'],
    covers.map((c) => [
      c.id,
      c.coveringPhysicianId,
      c.forPhysicianId ?? '',
      c.courseKey ?? '',
      c.from ?? '',
      c.to ?? '',
      c.createdBy,
      c.createdAt,
    ]),
  );
}
