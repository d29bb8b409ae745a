import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `sgrt-billing serve` as a process: it listens, answers the API, and stops cleanly (exit 0) on SIGTERM.
 * PGlite under a temporary --data-dir; port 0 picks a free port, which the command prints.
 */
describe('serve command', () => {
  let child: ChildProcess | null = null;
  let dataDir = '';
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the API and shuts down on SIGTERM', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sgrt-serve-'));
    const script = `const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));`;
    const env = { ...process.env };
    delete env.DATABASE_URL;
    child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, 'serve', '--port', '0', '--data-dir', dataDir],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /listening on (http:\/\/\S+?)\/ /.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    // Idle keep-alive connections are kept 65 s, not Node's 5 s (a blocked event loop would reset the
    // client's next request on them); Node announces the timeout in this header.
    expect(health.headers.get('keep-alive')).toBe('timeout=65');
    expect((await fetch(`${url}/api/auth/me`)).status).toBe(401);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 60_000);
});
