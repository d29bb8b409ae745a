import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generatedDocs } from './generated-docs.js';

for (const [path, content] of Object.entries(generatedDocs())) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  process.stdout.write(`wrote ${path}\n`);
}
