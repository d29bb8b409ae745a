import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssues } from './api-errors.js';

describe('zodIssues', () => {
  // The body of POST /api/letters: lines by id, or a letter type for a course.
  const body = z.union([
    z.object({ remitLineIds: z.array(z.string()).min(1) }).strict(),
    z.object({ type: z.enum(['peer-to-peer', 'prior-authorization']), courseId: z.string() }).strict(),
  ]);
  const issues = (value: unknown) => zodIssues(body.safeParse(value).error!, 'body');

  it.each<[string, unknown, { location: string; message: RegExp }[]]>([
    [
      'a union names the field of the branch the keys fit, and the values it accepts',
      { type: 'appeal-foo', courseId: 'c' },
      [{ location: 'body.type', message: /expected one of "peer-to-peer"\|"prior-authorization"/ }],
    ],
    [
      'the other branch likewise',
      { remitLineIds: [] },
      [{ location: 'body.remitLineIds', message: /too small/i }],
    ],
    [
      'a plain field keeps its location',
      { courseId: 'c', type: 'peer-to-peer', x: 1 },
      [{ location: 'body', message: /"x"/ }],
    ],
  ])('%s', (_, value, expected) => {
    expect(issues(value)).toEqual(
      expected.map((e) => ({ location: e.location, message: expect.stringMatching(e.message) })),
    );
  });
});
