import { z } from 'zod';

/** Shared parts of the routes' zod schemas (query strings arrive as text: numbers are coerced). */
export const isoDate = z.iso.date().describe('YYYY-MM-DD');
export const idParam = z.object({ id: z.string().min(1).max(200) });
export const limit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);
export const offset = z.coerce.number().int().min(0).default(0);
export const pageQuery = z.object({ limit: limit(500, 50), offset });

/** A patient search: words in any order, each any part of the patient's name or MRN (patient-search.ts). */
export const patientSearch = z
  .string()
  .max(200)
  .optional()
  .describe("words in any order, each any part of the patient's name or MRN");

/** The fraction filters of `GET /api/fractions`, shared by the exports. */
export const fractionQuery = z.object({
  status: z.enum(['ready', 'downgrade', 'hold']).optional(),
  ruleId: z.string().max(40).optional(),
  payer: z.string().max(200).optional(),
  physicianId: z.string().max(200).optional(),
  courseId: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['date', 'deadline', 'atRisk', 'patient']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  search: patientSearch,
  limit: limit(500, 50),
  offset,
  after: z.string().max(2000).optional().describe('the `next` of the page before (keyset pagination)'),
});
export const fractionIds = z.array(z.string().min(1).max(200)).min(1).max(5000);

export const JSON_OK = (description: string) => ({ status: 200, description });
