import { spawn } from 'node:child_process';

/** What `upload-memory-child.ts` prints after its run. */
export interface UploadMemoryFigures {
  engine: string;
  upload_mib: number;
  files: number;
  status: string;
  files_by_status: Record<string, number>;
  courses: number;
  refused: string[];
  setup: { rss_mib: number; peak_mib: number };
  uploaded: { rss_mib: number; peak_mib: number };
  imported: { rss_mib: number; peak_mib: number };
}

/**
 * A large upload and its import measured in child processes (upload-memory-child.ts): setup, then the
 * run, on PGlite in `dataDir` or on the PostgreSQL database of `databaseUrl`.
 */
export async function measureUploadMemory(options: {
  mb: number;
  patients: number;
  days: number;
  dataDir?: string;
  databaseUrl?: string;
}): Promise<UploadMemoryFigures> {
  const where: Record<string, string> = options.dataDir
    ? { ENGINE: 'pglite', DATA_DIR: options.dataDir }
    : { ENGINE: 'postgres', DATABASE_URL: options.databaseUrl! };
  const base = {
    ...where,
    MB: String(options.mb),
    PATIENTS: String(options.patients),
    DAYS: String(options.days),
  };
  const ids = JSON.parse(await child({ ...base, PHASE: 'setup' })) as { practiceId: string; userId: string };
  return JSON.parse(
    await child({ ...base, PHASE: 'run', PRACTICE_ID: ids.practiceId, USER_ID: ids.userId }),
  ) as UploadMemoryFigures;
}

function child(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const script = new URL('./upload-memory-child.ts', import.meta.url).pathname;
    const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    p.on('exit', (code) =>
      code === 0
        ? resolve(out.trim().split('\n').at(-1)!)
        : reject(new Error(`upload-memory-child: exit ${code}`)),
    );
  });
}
