import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from './generated-docs.js';

describe('generated documentation', () => {
  it.each(Object.entries(generatedDocs()))(
    '%s is up to date (run `npm run docs:generate`)',
    (path, content) => {
      expect(readFileSync(path, 'utf8')).toBe(content);
    },
  );
});
