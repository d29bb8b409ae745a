import type { Parsed } from '../../core/model/input-problem.js';
import { locateJsonError } from './locate-json-error.js';

/** JSON text → value, or a problem located by line and column (never quoting the text: it may be PHI). */
export function parseJsonText(text: string, source: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const error = locateJsonError(text) ?? { offset: 0, expected: 'valid JSON' };
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return {
      ok: false,
      problems: [
        {
          location: `${source}:line ${line}, column ${column}`,
          message: `not valid JSON: expected ${error.expected}`,
        },
      ],
    };
  }
}
