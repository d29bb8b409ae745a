import { z } from 'zod';
import type { Actor, AppContext } from '../../app/app-context.js';
import { CMS_FILES_OPERATOR_ONLY, importReferenceFiles } from '../../app/reference/reference-import.js';
import { allPracticeIds, scheduleReprice } from '../../app/reference/reprice.js';
import {
  addContractRate,
  contractRates,
  deleteContractRate,
  expectedRateFor,
  exportContractRates,
  getLocality,
  listPayerSettings,
  listReleases,
  savePayerSetting,
  setLocality,
} from '../../app/reference/reference-settings.js';
import { ROLES, type Role } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import type { UploadedFile } from '../route-guards.js';
import { idParam, isoDate, JSON_OK } from './query-schemas.js';

/** Who changes the practice's rates and payer settings; coders read them (the Rates page) too. */
const EDIT_ROLES: readonly Role[] = ['admin', 'biller'];
const READ_ROLES: readonly Role[] = ['admin', 'biller', 'coder'];
/** CMS files are every practice's reference data: the installation operator loads them. */
const OPERATOR: readonly Role[] = ['operator'];
/** A CMS file (the PTP tables are the largest, tens of MB each). */
const MAX_REFERENCE_UPLOAD = 256 * 1024 * 1024;
/** A practice's contract-rate CSVs (a row per payer, code, modifier and period). */
const MAX_CONTRACT_UPLOAD = 16 * 1024 * 1024;

const releaseQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  effectiveFrom: isoDate.optional(),
  effectiveTo: isoDate.optional(),
});

const locality = z.object({
  carrier: z.string().regex(/^\w{1,10}$/, 'the contractor number'),
  locality: z.string().regex(/^\d{1,2}$/, 'one or two digits'),
});

const payerSetting = z.object({
  payer: z.string().min(1).max(200),
  payerProfile: z.string().max(100).nullable().optional(),
  appealDays: z.number().int().min(1).max(3650).nullable().optional(),
  payerKind: z.enum(['medicare', 'medicare-advantage', 'other']).nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
});

const contractRate = z.object({
  payer: z.string().min(1).max(200),
  code: z.string().regex(/^[A-Za-z0-9]{5}$/, 'a HCPCS code (five letters or digits)'),
  modifier: z.enum(['', '26', 'TC']),
  cents: z.number().int().min(0).max(100_000_000),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
});

const exportFile = z.object({ format: z.enum(['csv', 'xlsx']) });

const expectedQuery = z.object({
  code: z.string().regex(/^[A-Za-z0-9]{5}$/),
  modifiers: z
    .string()
    .max(40)
    .default('')
    .transform((m) => m.split(',').filter(Boolean))
    .describe('comma-separated, e.g. 26'),
  payer: z.string().max(200).optional(),
  placeOfService: z.enum(['11', '19', '22']).default('11'),
  dateOfService: isoDate,
});

/** CMS reference data, the practice's locality, payer settings and contract rates (the Rates page). */
export function referenceRoutes(ctx: AppContext): ApiRoute[] {
  /** A change of the practice's rates, then its stored charges and remittance lines re-priced (a job). */
  const repriced = async <T>(actor: Actor, change: Promise<T>): Promise<T> => {
    const result = await change;
    await scheduleReprice(ctx, [actor.practiceId], actor.userId);
    return result;
  };
  return [
    route<undefined, z.infer<typeof releaseQuery>, UploadedFile[]>({
      method: 'post',
      path: '/api/reference/import',
      tag: 'reference',
      summary:
        'Load CMS files (PPRRVU, GPCI, locality key, OPPS Addendum B, NCCI PTP, MUE, ICD-10-CM) into the release of year and quarter, for every practice (installation operator; multipart `files`, contract-rate CSVs go to your practice); all or nothing',
      roles: OPERATOR,
      deniedMessage: CMS_FILES_OPERATOR_ONLY,
      query: releaseQuery,
      body: 'multipart',
      maxBodyBytes: MAX_REFERENCE_UPLOAD,
      responses: [
        JSON_OK('ReferenceImportView'),
        { status: 400, description: 'located problems; nothing stored' },
      ],
      handle: async ({ c, actor, query, body }) => {
        const result = await importReferenceFiles(
          ctx,
          actor.practiceId,
          body,
          {
            year: query.year,
            quarter: query.quarter as 1 | 2 | 3 | 4,
            effectiveFrom: query.effectiveFrom,
            effectiveTo: query.effectiveTo ?? null,
          },
          { importedBy: actor.userId },
        );
        // A CMS release is every practice's; contract rates only this one's.
        const practices = result.releases.length ? await allPracticeIds(ctx) : [actor.practiceId];
        await scheduleReprice(ctx, practices, actor.userId);
        return c.json(result);
      },
    }),
    route<undefined, undefined, UploadedFile[]>({
      method: 'post',
      path: '/api/contract-rates/import',
      tag: 'reference',
      summary:
        'Upload contract-rate CSVs into the practice (multipart `files`; a CMS file is refused with 403: the operator loads those); all or nothing',
      roles: EDIT_ROLES,
      body: 'multipart',
      maxBodyBytes: MAX_CONTRACT_UPLOAD,
      responses: [
        JSON_OK('ReferenceImportView'),
        { status: 400, description: 'located problems; nothing stored' },
        { status: 403, description: 'a CMS file (installation-wide reference data)' },
      ],
      handle: async ({ c, actor, body }) =>
        c.json(await repriced(actor, importReferenceFiles(ctx, actor.practiceId, body, null))),
    }),
    route({
      method: 'get',
      path: '/api/reference/releases',
      tag: 'reference',
      summary:
        'The stored CMS releases (shared by every practice): effective dates, which is in force, loaded when and by whom, row counts',
      roles: ROLES,
      responses: [JSON_OK('CmsReleaseView[]')],
      handle: async ({ c }) => c.json(await listReleases(ctx)),
    }),
    route({
      method: 'get',
      path: '/api/reference/locality',
      tag: 'reference',
      summary: "The practice's Medicare locality and the localities of the stored releases",
      roles: READ_ROLES,
      responses: [JSON_OK('LocalityView')],
      handle: async ({ c, actor }) => c.json(await getLocality(ctx, actor)),
    }),
    route<undefined, undefined, z.infer<typeof locality>>({
      method: 'put',
      path: '/api/reference/locality',
      tag: 'reference',
      summary: "Set the practice's Medicare contractor and locality number",
      roles: EDIT_ROLES,
      body: locality,
      responses: [JSON_OK('LocalityView')],
      handle: async ({ c, actor, body }) => c.json(await repriced(actor, setLocality(ctx, actor, body))),
    }),
    route<undefined, z.infer<typeof expectedQuery>>({
      method: 'get',
      path: '/api/reference/expected',
      tag: 'reference',
      summary:
        'What a line should pay for the practice, and the basis (contract, Medicare locality, national table)',
      roles: READ_ROLES,
      query: expectedQuery,
      responses: [JSON_OK('ExpectedRateView')],
      handle: async ({ c, actor, query }) => c.json(await expectedRateFor(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/payer-settings',
      tag: 'reference',
      summary: "The practice's payers with their appeal windows (payers seen on courses with the default)",
      roles: READ_ROLES,
      responses: [JSON_OK('PayerSettingView[]')],
      handle: async ({ c, actor }) => c.json(await listPayerSettings(ctx, actor)),
    }),
    route<undefined, undefined, z.infer<typeof payerSetting>>({
      method: 'put',
      path: '/api/payer-settings',
      tag: 'reference',
      summary: "Save a payer's settings (appeal window in days, payer kind, profile, notes)",
      roles: EDIT_ROLES,
      body: payerSetting,
      responses: [JSON_OK('PayerSettingView[]')],
      handle: async ({ c, actor, body }) => c.json(await savePayerSetting(ctx, actor, body)),
    }),
    route({
      method: 'get',
      path: '/api/contract-rates',
      tag: 'reference',
      summary: "The practice's contract rates",
      roles: READ_ROLES,
      responses: [JSON_OK('ContractRateView[]')],
      handle: async ({ c, actor }) => c.json(await contractRates(ctx, actor)),
    }),
    route<undefined, undefined, z.infer<typeof contractRate>>({
      method: 'post',
      path: '/api/contract-rates',
      tag: 'reference',
      summary: 'Add a contract rate (replaces the one with the same payer, code, modifier and start date)',
      roles: EDIT_ROLES,
      body: contractRate,
      responses: [JSON_OK('ContractRateView[]')],
      handle: async ({ c, actor, body }) => c.json(await repriced(actor, addContractRate(ctx, actor, body))),
    }),
    route<z.infer<typeof idParam>>({
      method: 'delete',
      path: '/api/contract-rates/:id',
      tag: 'reference',
      summary: 'Delete a contract rate',
      roles: EDIT_ROLES,
      params: idParam,
      responses: [
        JSON_OK('ContractRateView[]'),
        { status: 404, description: 'no such rate in your practice' },
      ],
      handle: async ({ c, actor, params }) =>
        c.json(await repriced(actor, deleteContractRate(ctx, actor, params.id))),
    }),
    route<z.infer<typeof exportFile>>({
      method: 'get',
      path: '/api/contract-rates/export/:format',
      tag: 'reference',
      summary: "The practice's contract rates as CSV (the import's layout) or XLSX",
      roles: READ_ROLES,
      params: exportFile,
      responses: [
        {
          status: 200,
          description: 'the file (Content-Disposition: attachment)',
          contentTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      ],
      handle: async ({ c, actor, params }) => {
        const file = await exportContractRates(ctx, actor, params.format);
        return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
        });
      },
    }),
  ];
}
