/**
 * The valid files the fuzzer mutates: the test fixtures, examples/, /work/shared/fixtures/ (when
 * present) and a small generated demo clinic (3 patients × 4 days, seed 1), each tagged with what
 * reads it (the import's content sniff, else the file's name).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat } from '../../src/app/read/detect-format.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FOLDERS = [join(ROOT, 'test/fixtures'), join(ROOT, 'examples'), '/work/shared/fixtures'];

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
  /** The import's sniff of the first 8 KB (null: not an export file, e.g. a CMS or X12 837 file). */
  format: string | null;
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (!/\.(ts|md)$|LICENSE$/.test(entry)) out.push(full);
  }
}

let cached: SeedFile[] | null = null;

export async function seedFiles(): Promise<SeedFile[]> {
  if (cached) return cached;
  const paths: string[] = [];
  for (const folder of FOLDERS) walk(folder, paths);
  const files: { name: string; bytes: Uint8Array }[] = paths.map((path) => ({
    name: path,
    bytes: new Uint8Array(readFileSync(path)),
  }));
  const demo = await demoUploads({ patients: 3, days: 4, seed: 1 });
  files.push(...demo.files.map((f) => ({ name: `demo:${f.name}`, bytes: f.bytes })));
  cached = files.map((f) => ({ ...f, format: detectFormat(f.bytes.subarray(0, 8192)) }));
  return cached;
}

/** Seeds by sniffed format, or by a name pattern; at most `max` of them (the first, in name order). */
export function choose(
  files: readonly SeedFile[],
  by: { format?: string; name?: RegExp },
  max = 40,
): Uint8Array[] {
  return files
    .filter((f) => (by.format !== undefined && f.format === by.format) || (by.name?.test(f.name) ?? false))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, max)
    .map((f) => f.bytes);
}
