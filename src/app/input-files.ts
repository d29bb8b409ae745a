import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { InputProblem } from '../core/model/input-problem.js';

/** Largest document read whole; bigger ones are refused with a clear problem (hostile or wrong input). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface InputFile {
  /** The path as the user would recognise it. */
  name: string;
  text: string;
}

/** Expand files and folders (recursively, `.json` files, sorted) and read them as UTF-8. */
export async function readInputFiles(
  paths: readonly string[],
  extension = '.json',
): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      problems.push({ location: path, message: 'no such file or folder' });
      continue;
    }
    const names = info.isDirectory() ? (await listFiles(path, extension)).map((f) => join(path, f)) : [path];
    if (info.isDirectory() && names.length === 0) {
      problems.push({ location: path, message: `the folder holds no ${extension} files` });
    }
    for (const name of names) {
      const size = (await stat(name)).size;
      if (size > MAX_DOCUMENT_BYTES) {
        problems.push({
          location: name,
          message: `file is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES}`,
        });
        continue;
      }
      files.push({ name, text: await readFile(name, 'utf8') });
    }
  }
  return { files, problems };
}

async function listFiles(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .sort();
}
