import type { z } from 'zod';
import type { InputProblem, Parsed } from '../../core/model/input-problem.js';
import { parseJsonText } from './parse-json-text.js';

/** `fractions[3].beams[0].beamOn` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** JSON text → a document checked against a schema, with every problem listed by its path. */
export function validateDocument<S extends z.ZodType>(
  text: string,
  source: string,
  schema: S,
): Parsed<z.output<S>> {
  const json = parseJsonText(text, source);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  const problems: InputProblem[] = result.error.issues.map((issue) => ({
    location: `${source}:${formatPath(issue.path) || '(document)'}`,
    message: describeIssue(issue),
  }));
  return { ok: false, problems };
}

/** zod's messages, without echoing received values (they may be PHI). */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.replace(/received .*/i, '').trim();
  }
}
