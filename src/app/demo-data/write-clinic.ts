import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, parse, relative, resolve, sep } from 'node:path';
import type { ClinicFile } from './clinic-files.js';

/** Why `out` cannot receive a clinic, or null. */
export async function outDirProblem(out: string, force: boolean, cwd: string): Promise<string | null> {
  const target = resolve(cwd, out);
  if (target === parse(target).root)
    return `--out ${out} is the root of the file system: choose a new folder`;
  const fromTarget = relative(target, resolve(cwd));
  if (fromTarget === '' || !(fromTarget.startsWith('..') || fromTarget.startsWith(sep)))
    return `--out ${out} is the current folder or holds it: choose a new folder`;
  let info;
  try {
    info = await stat(target);
  } catch {
    return null; // does not exist yet
  }
  if (!info.isDirectory()) return `--out ${out} exists and is not a folder`;
  if ((await readdir(target)).length > 0 && !force)
    return `--out ${out} is not empty: choose a new folder, or add --force to replace it`;
  return null;
}

export interface WriteProgress {
  (file: ClinicFile, bytes: number): void;
}

/**
 * Writes the files into `<out>.tmp-<pid>`, then renames that folder to `out` (replacing an existing one
 * only at the very end), so an interrupted run never leaves a half-written clinic under `out`.
 */
export async function writeClinicFolder(
  out: string,
  files: AsyncIterable<ClinicFile>,
  onFile?: WriteProgress,
): Promise<{ files: number; bytes: number }> {
  const target = resolve(out);
  const tmp = `${target}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const made = new Set<string>();
  let count = 0;
  let total = 0;
  try {
    await mkdir(tmp, { recursive: true });
    for await (const file of files) {
      const path = join(tmp, ...file.path.split('/'));
      const dir = dirname(path);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
      await writeFile(path, data);
      count++;
      total += data.length;
      onFile?.(file, data.length);
    }
    await replace(target, tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  return { files: count, bytes: total };
}

async function replace(target: string, tmp: string): Promise<void> {
  const existing = await stat(target).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!existing) {
    await mkdir(dirname(target), { recursive: true });
    await rename(tmp, target);
    return;
  }
  if ((await readdir(target)).length === 0) {
    await rmdir(target);
    await rename(tmp, target);
    return;
  }
  const old = `${target}.old-${process.pid}`;
  await rename(target, old);
  await rename(tmp, target);
  await rm(old, { recursive: true, force: true });
}
