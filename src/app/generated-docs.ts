import { z } from 'zod';
import { clinicSchema } from '../core/model/clinic.js';
import { courseHeadersDocumentSchema, courseSchema } from '../core/model/course.js';
import { sessionFactsSchema } from '../core/model/session-facts.js';
import { RULE_CATALOGUE } from '../core/rules/catalogue.js';
import { payerProfilesDocumentSchema } from './engine-context.js';

/**
 * Files generated from the code, committed so users can read them without running anything:
 * the published JSON Schemas and the rule catalogue. `npm run docs:generate` rewrites them; a test
 * fails when they are out of date.
 */
export function generatedDocs(): Record<string, string> {
  const schema = (s: z.ZodType, id: string, title: string) =>
    `${JSON.stringify({ $id: id, title, ...z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
  return {
    'schema/course.schema.json': schema(courseSchema, 'course.schema.json', 'sgrt-billing course document'),
    'schema/session-facts.schema.json': schema(
      sessionFactsSchema,
      'session-facts.schema.json',
      'sgrt-billing session facts',
    ),
    'schema/payer-profiles.schema.json': schema(
      payerProfilesDocumentSchema,
      'payer-profiles.schema.json',
      'sgrt-billing payer profiles',
    ),
    'schema/course-headers.schema.json': schema(
      courseHeadersDocumentSchema,
      'course-headers.schema.json',
      'sgrt-billing courses.json of an import folder',
    ),
    'schema/clinic.schema.json': schema(
      clinicSchema,
      'clinic.schema.json',
      'sgrt-billing clinic.json of an import folder',
    ),
    'docs/rules.md': ruleCatalogueMarkdown(),
  };
}

function ruleCatalogueMarkdown(): string {
  const rows = RULE_CATALOGUE.map((r) => `| ${r.id} | ${r.severity} | ${r.title} | ${r.source} |`);
  return [
    '# Rule catalogue',
    '',
    'Generated from the rule metadata (`npm run docs:generate`); `sgrt-billing rules` prints the same.',
    'Grep a rule id to find its code, its tests and this entry. Source tags: [seed] the 2026 best-practices',
    'deck, [C] confirmed on a cited public page, [S] secondary source, [U] unconfirmed (kept configurable).',
    '',
    '| id | severity | title | source |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
