import type { z } from 'zod';
import {
  type InputProblem,
  MAX_PROBLEMS_PER_FILE,
  notListed,
  type Parsed,
} from '../../core/model/input-problem.js';
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
  return { ok: false, problems: result.error.issues.map((issue) => toProblem(source, issue)) };
}

/**
 * A JSON array of entries (courses.json) checked entry by entry: only the first `max` problems become
 * objects, the rest are counted ("… and N more"), and each entry's parsed tree is released once checked.
 * Checking the whole array at once built every issue of every bad entry first: a 14 MB file of 200k bad
 * entries held 1.4 million issues (about 70 times the file's size in memory).
 */
export function validateArrayDocument<S extends z.ZodType>(
  text: string,
  source: string,
  entrySchema: S,
  max = MAX_PROBLEMS_PER_FILE,
): Parsed<z.output<S>[]> {
  const json = parseJsonText(text, source);
  if (!json.ok) return json;
  const entries = json.value;
  if (!Array.isArray(entries))
    return { ok: false, problems: [{ location: `${source}:(document)`, message: 'expected array' }] };
  const value: z.output<S>[] = [];
  const problems: InputProblem[] = [];
  let more = 0;
  entries.forEach((entry, i) => {
    entries[i] = undefined;
    const result = entrySchema.safeParse(entry);
    if (result.success) value.push(result.data);
    for (const issue of result.error?.issues ?? []) {
      if (problems.length < max) problems.push(toProblem(source, { ...issue, path: [i, ...issue.path] }));
      else more++;
    }
  });
  if (!problems.length) return { ok: true, value };
  return { ok: false, problems: more ? [...problems, notListed(source, more)] : problems };
}

function toProblem(source: string, issue: z.core.$ZodIssue): InputProblem {
  return { location: `${source}:${formatPath(issue.path) || '(document)'}`, message: describeIssue(issue) };
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
