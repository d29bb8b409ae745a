import { readFile } from 'node:fs/promises';
import { type CsvMapping, parseColumnMapping } from '../../formats/csv/column-mapping.js';
import { InputError } from '../engine-context.js';

/** `--mapping site.json`: the site's record-and-verify CSV layout (src/formats/csv/README.md). */
export async function loadSiteMapping(path: string): Promise<CsvMapping> {
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) throw new InputError([{ location: path, message: 'cannot read the mapping file' }]);
  const parsed = parseColumnMapping(new Uint8Array(bytes), path);
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.value;
}
