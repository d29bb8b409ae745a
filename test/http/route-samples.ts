import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import type { ApiRoute } from '../../src/http/api-route.js';
import { SEED_PASSWORD, type SeededPractice } from '../support/seed-rows.js';

export interface SampleRequest {
  path: string;
  json?: unknown;
  form?: FormData;
}

function uploadForm(): FormData {
  const form = new FormData();
  form.append('files', new File([new TextEncoder().encode('not a clinic export')], 'note.txt'));
  return form;
}

/**
 * A well-formed request for each route of the table, aimed at one practice's ids. A route with no
 * sample fails the role and tenancy tests, so a new route cannot skip them.
 */
export function sampleRequest(route: ApiRoute, p: SeededPractice): SampleRequest {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  switch (key) {
    case 'GET /api/health':
    case 'GET /openapi.json':
    case 'GET /api/auth/me':
    case 'GET /api/session':
    case 'POST /api/auth/logout':
    case 'GET /api/today':
    case 'GET /api/dashboard':
    case 'GET /api/fractions':
    case 'GET /api/worklists/signatures':
    case 'GET /api/unlinked-records':
    case 'GET /api/worklists/choices':
    case 'GET /api/courses':
    case 'GET /api/imports':
    case 'GET /api/access-log':
    case 'GET /api/remittances/summary':
    case 'GET /api/claims/preview':
    case 'GET /api/claims/batches':
    case 'GET /api/letters':
    case 'GET /api/letter-templates':
    case 'GET /api/reference/releases':
    case 'GET /api/reference/locality':
    case 'GET /api/payer-settings':
    case 'GET /api/contract-rates':
    case 'GET /api/practice/billing':
    case 'GET /api/users':
    case 'GET /api/physician/documents':
      return { path: route.path };
    case 'POST /api/auth/login':
      return { path: route.path, json: { email: p.users.viewer.email, password: SEED_PASSWORD } };
    case 'GET /api/courses/:id':
      return { path: `/api/courses/${p.courseId}` };
    case 'GET /api/charges/:id/history':
      return { path: `/api/charges/${p.chargeId}/history` };
    case 'GET /api/courses/:id/documents':
      return { path: `/api/courses/${p.courseId}/documents` };
    case 'POST /api/courses/:id/documents/sign':
      return {
        path: `/api/courses/${p.courseId}/documents/sign`,
        json: { document: 'motion-management-order' },
      };
    case 'POST /api/courses/:id/necessity':
      return {
        path: `/api/courses/${p.courseId}/necessity`,
        json: {
          text: 'Left breast, 40.05 Gy in 15 fractions: AlignRT monitors continuously; beam hold beyond 3 mm threshold protects the heart.',
        },
      };
    case 'POST /api/courses/:id/necessity/check':
      return { path: `/api/courses/${p.courseId}/necessity/check`, json: { text: 'DIBH' } };
    case 'POST /api/fractions/:id/sign':
      return { path: `/api/fractions/${p.fractionId}/sign`, json: { documents: ['sgrt-record'] } };
    case 'POST /api/charges/release':
      return { path: route.path, json: { fractionIds: [p.fractionId] } };
    case 'POST /api/unlinked-records/:id/dismiss':
      return { path: `/api/unlinked-records/${p.unlinkedId}/dismiss`, json: { reason: 'a test patient' } };
    case 'POST /api/unlinked-records/:id/link':
      return { path: `/api/unlinked-records/${p.unlinkedId}/link`, json: { courseId: p.courseId } };
    case 'POST /api/charges/hold':
      return { path: route.path, json: { fractionIds: [p.fractionId], reason: 'waiting for the physician' } };
    case 'POST /api/imports':
      return { path: route.path, form: uploadForm() };
    case 'GET /api/imports/:id':
      return { path: `/api/imports/${p.importId}` };
    case 'GET /api/exports/:file':
      return { path: '/api/exports/fractions.csv' };
    case 'GET /api/remittances/lines':
      return { path: `${route.path}?limit=500` };
    case 'GET /api/remittances/payments':
      return { path: `${route.path}?limit=500` };
    case 'POST /api/letters':
      return { path: route.path, json: { type: 'peer-to-peer', courseId: p.courseId } };
    case 'GET /api/letters/:id':
      return { path: `/api/letters/${p.letterId}` };
    case 'PUT /api/letters/:id':
      return { path: `/api/letters/${p.letterId}`, json: { body: 'An edited letter.' } };
    case 'POST /api/letters/:id/redraft':
      return { path: `/api/letters/${p.letterId}/redraft` };
    case 'GET /api/letters/:id/file':
      return { path: `/api/letters/${p.letterId}/file?format=docx` };
    case 'GET /api/letters/:id/packet':
      return { path: `/api/letters/${p.letterId}/packet` };
    case 'GET /api/letter-templates/:type':
      return { path: '/api/letter-templates/appeal-downcode' };
    case 'PUT /api/letter-templates/:type':
      return {
        path: '/api/letter-templates/peer-to-peer',
        json: { text: 'A template without placeholders.' },
      };
    case 'POST /api/claims/batches':
      return { path: route.path, json: { format: '837P' } };
    case 'GET /api/claims/batches/:id/file':
      return { path: `/api/claims/batches/${p.claimBatchId}/file` };
    case 'GET /api/claims':
      return { path: `${route.path}?q=${encodeURIComponent(p.courseId)}` };
    case 'GET /api/claims/:number/history':
      return { path: `/api/claims/${p.courseId}-1/history` };
    case 'POST /api/claims/:number/versions':
      return {
        path: `/api/claims/${p.courseId}-1/versions`,
        json: { action: 'replace', payerClaimNumber: 'CCN-1' },
      };
    case 'POST /api/claims/:number/secondary':
      return { path: `/api/claims/${p.courseId}-1/secondary` };
    case 'POST /api/reference/import':
      return { path: `${route.path}?year=2026&quarter=1`, form: uploadForm() };
    case 'POST /api/contract-rates/import':
      return { path: route.path, form: uploadForm() };
    case 'PUT /api/reference/locality':
      return { path: route.path, json: { carrier: '99901', locality: '01' } };
    case 'GET /api/reference/expected':
      return { path: `${route.path}?code=77412&dateOfService=2026-03-02` };
    case 'PUT /api/payer-settings':
      return { path: route.path, json: { payer: 'Payer Sample', appealDays: 90 } };
    case 'POST /api/contract-rates':
      return {
        path: route.path,
        json: {
          payer: 'Payer Sample',
          code: '77407',
          modifier: '',
          cents: 30000,
          effectiveFrom: '2026-01-01',
        },
      };
    case 'DELETE /api/contract-rates/:id':
      return { path: `/api/contract-rates/${p.contractRateId}` };
    case 'GET /api/contract-rates/export/:format':
      return { path: '/api/contract-rates/export/csv' };
    case 'PUT /api/practice/billing':
      return { path: route.path, json: DEMO_BILLING };
    case 'POST /api/users':
      return {
        path: route.path,
        json: { email: `added@${p.practiceId}.test`, role: 'viewer', password: SEED_PASSWORD },
      };
    case 'POST /api/users/:id/disable':
      return { path: `/api/users/${p.spareUserId}/disable` };
    case 'GET /api/practice/covers':
      return { path: route.path };
    case 'POST /api/practice/covers':
      return { path: route.path, json: { coveringPhysicianId: 'DR-SAMPLE-COVER', courseKey: p.courseKey } };
    case 'POST /api/imports/:id/cancel':
      return { path: `/api/imports/job-sample/cancel` };
    case 'DELETE /api/practice/covers/:id':
      return { path: `/api/practice/covers/${p.coverId}` };
    default:
      throw new Error(`no sample request for ${key}: add one to test/http/route-samples.ts`);
  }
}
