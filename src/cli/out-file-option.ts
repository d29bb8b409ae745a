import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './cli-errors.js';

/**
 * `--out <file>` checked before anything is stored or sent: its folder exists and may be written, and
 * it is not itself a folder. Otherwise a usage error naming the flag (exit 2), so a claim is never
 * stored as sent while its file could not be written.
 */
export async function checkOutFile(path: string | undefined): Promise<void> {
  if (path === undefined) return;
  if (path.trim() === '') throw new UsageError('--out needs a file name');
  const target = await stat(path).catch(() => null);
  if (target?.isDirectory()) throw new UsageError(`--out ${path}: is a folder; give a file name`);
  const folder = dirname(path);
  const writable = await access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
  const isFolder = writable && (await stat(folder)).isDirectory();
  if (!isFolder)
    throw new UsageError(`--out ${path}: the folder ${folder} does not exist or cannot be written`);
}
