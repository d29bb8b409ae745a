import type { z } from 'zod';
import type { InputProblem } from '../../core/model/input-problem.js';
import { formatPath } from '../json/validate-document.js';

/** `entry[3].resource` + `performedPeriod.start` → `entry[3].resource.performedPeriod.start`. */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const tail = formatPath(path);
  if (prefix === '') return tail;
  if (tail === '') return prefix;
  return tail.startsWith('[') ? `${prefix}${tail}` : `${prefix}.${tail}`;
}

/** zod issues → problems located by JSON path, saying what was expected and never what was found. */
export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  source: string,
  prefix: string,
): InputProblem[] {
  return issues.map((issue) => ({
    location: `${source}:${joinPath(prefix, issue.path) || '(document)'}`,
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message)
        ? `required: expected ${issue.expected}`
        : `expected ${issue.expected === 'int' ? 'an integer' : issue.expected}`;
    case 'invalid_value':
      // The allowed codes (required bindings) or literal: from the schema, not from the input.
      return `expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`
        : `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
    case 'custom':
      // Our own refinement messages (fhir-schemas.ts).
      return issue.message;
    default:
      return 'not valid here';
  }
}
