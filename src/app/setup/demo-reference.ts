import type { AppContext } from '../app-context.js';
import { PAYERS } from '../demo-data/clinic-model.js';
import { importReferenceFiles, type ReferenceFile } from '../reference/reference-import.js';
import { addContractRate, savePayerSetting, setLocality } from '../reference/reference-settings.js';
import type { Actor } from '../app-context.js';

/**
 * Synthetic CMS files for the demo, written here in the CMS layouts (test/fixtures/cms/SOURCE.md): made-up
 * contractor 99901, RVUs and GPCIs (not CMS data; CF $33.4009 as domain.md §2 reports), so the demo's
 * expected amounts show each basis. They go through the same import as a user's files.
 */
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
export const DEMO_FILES: ReferenceFile[] = [
  ['DEMO_PPRRVU26_SYNTH.csv', csv([
    ['HCPCS', 'MOD', 'STATUS CODE', 'WORK RVU', 'NON-FAC PE RVU', 'FACILITY PE RVU', 'MP RVU', 'CONV FACTOR'],
    ['77407', '', 'A', '0.00', '9.200', 'NA', '0.040', '33.4009'],
    ['77412', '', 'A', '0.00', '11.300', 'NA', '0.050', '33.4009'],
    ['77387', '26', 'A', '0.580', '0.220', '0.220', '0.030', '33.4009'],
  ])],
  ['DEMO_GPCI2026_SYNTH.csv', csv([
    ['Medicare Administrative Contractor (MAC)', 'State', 'Locality Number', 'Locality Name', 'PW GPCI', 'PE GPCI', 'MP GPCI'],
    ['99901', 'ZZ', '01', 'SYNTHETIC METRO AREA', '1.020', '1.050', '0.950'],
    ['99901', 'ZZ', '99', 'REST OF SYNTHETIC STATE', '1.000', '0.930', '0.800'],
  ])],
  ['DEMO_26LOCCO_SYNTH.csv', csv([
    ['Medicare Adminstrative Contractor', 'Locality Number', 'State', 'Fee Schedule Area', 'Counties'],
    ['99901', '01', 'SYNTHETICA', 'SYNTHETIC METRO AREA', 'NORTH'],
    ['99901', '99', '', 'REST OF SYNTHETIC STATE', 'ALL OTHER COUNTIES'],
  ])],
  ['DEMO_ADDENDUM_B_2026_SYNTH.csv', csv([
    ['HCPCS Code', 'SI', 'APC', 'Relative Weight', 'Payment Rate'],
    ['77402', 'S', '5621', '1.1000', '104.24'],
    ['77407', 'S', '5622', '4.1500', '394.05'],
    ['77412', 'S', '5623', '5.9500', '564.51'],
  ])],
  ['DEMO_PTP_PRACTITIONER_2026Q1_SYNTH.csv', csv([
    ['Column 1', 'Column 2', 'Effective Date', 'Deletion Date', 'Modifier Indicator'],
    ['77412', '77407', '20260101', '*', '0'],
    ['77412', '77402', '20260101', '*', '0'],
    ['77407', '77402', '20260101', '*', '0'],
  ])],
  ['DEMO_MUE_PRACTITIONER_2026Q1_SYNTH.csv', csv([
    ['HCPCS/CPT Code', 'Practitioner Services MUE Values', 'MUE Adjudication Indicator'],
    ['77402', '2', '3 Date of Service Edit: Clinical'],
    ['77407', '2', '3 Date of Service Edit: Clinical'],
    ['77412', '2', '3 Date of Service Edit: Clinical'],
    ['77387', '2', '2 Date of Service Edit: Policy'],
  ])],
].map(([name, text]) => ({ name: name!, bytes: new TextEncoder().encode(text) })); // prettier-ignore

/**
 * A synthetic FY 2026 ICD-10-CM order file in CMS's fixed columns (read-icd10cm.ts): the demo courses'
 * diagnoses (course-plans.ts), the other side of each lateral one, their headers and Z51.0 (encounter
 * for antineoplastic radiation therapy, first-listed on facility claims: ICD-10-CM guideline I.C.2.e.2).
 * Codes and long descriptions are ICD-10-CM's (public domain, NCHS); order numbers are made up.
 */
const ICD10CM_CODES: readonly (readonly [code: string, valid: 0 | 1, description: string])[] = [
  ['C01', 1, 'Malignant neoplasm of base of tongue'],
  ['C09', 0, 'Malignant neoplasm of tonsil'],
  ['C099', 1, 'Malignant neoplasm of tonsil, unspecified'],
  ['C32', 0, 'Malignant neoplasm of larynx'],
  ['C329', 1, 'Malignant neoplasm of larynx, unspecified'],
  ['C34', 0, 'Malignant neoplasm of bronchus and lung'],
  ['C341', 0, 'Malignant neoplasm of upper lobe, bronchus or lung'],
  ['C3411', 1, 'Malignant neoplasm of upper lobe, right bronchus or lung'],
  ['C3412', 1, 'Malignant neoplasm of upper lobe, left bronchus or lung'],
  ['C343', 0, 'Malignant neoplasm of lower lobe, bronchus or lung'],
  ['C3431', 1, 'Malignant neoplasm of lower lobe, right bronchus or lung'],
  ['C3432', 1, 'Malignant neoplasm of lower lobe, left bronchus or lung'],
  ['C349', 0, 'Malignant neoplasm of unspecified part of bronchus or lung'],
  ['C3490', 1, 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'],
  ['C3491', 1, 'Malignant neoplasm of unspecified part of right bronchus or lung'],
  ['C3492', 1, 'Malignant neoplasm of unspecified part of left bronchus or lung'],
  ['C44', 0, 'Other and unspecified malignant neoplasm of skin'],
  ['C444', 0, 'Other and unspecified malignant neoplasm of skin of scalp and neck'],
  ['C4442', 1, 'Squamous cell carcinoma of skin of scalp and neck'],
  ['C50', 0, 'Malignant neoplasm of breast'],
  ['C509', 0, 'Malignant neoplasm of breast of unspecified site'],
  ['C5091', 0, 'Malignant neoplasm of breast of unspecified site, female'],
  ['C50911', 1, 'Malignant neoplasm of unspecified site of right female breast'],
  ['C50912', 1, 'Malignant neoplasm of unspecified site of left female breast'],
  ['C61', 1, 'Malignant neoplasm of prostate'],
  ['C71', 0, 'Malignant neoplasm of brain'],
  ['C716', 1, 'Malignant neoplasm of cerebellum'],
  ['C79', 0, 'Secondary malignant neoplasm of other and unspecified sites'],
  ['C793', 0, 'Secondary malignant neoplasm of brain and cerebral meninges'],
  ['C7931', 1, 'Secondary malignant neoplasm of brain'],
  ['C795', 0, 'Secondary malignant neoplasm of bone and bone marrow'],
  ['C7951', 1, 'Secondary malignant neoplasm of bone'],
  ['Z51', 0, 'Encounter for other aftercare and medical care'],
  ['Z510', 1, 'Encounter for antineoplastic radiation therapy'],
];
/** Order number 1–5, code 7–13, valid flag 15, short description 17–76, long description from 78. */
const orderLine = ([code, valid, description]: (typeof ICD10CM_CODES)[number], i: number) =>
  `${String(10 * (i + 1)).padStart(5, '0')} ${code.padEnd(7)} ${valid} ${description.slice(0, 60).padEnd(60)} ${description}`;
export const DEMO_ICD10CM_FILE: ReferenceFile = {
  name: 'DEMO_icd10cm_order_2026_SYNTH.txt',
  bytes: new TextEncoder().encode(ICD10CM_CODES.map(orderLine).join('\r\n') + '\r\n'),
};

/**
 * The demo practice's reference data: the synthetic 2026 Q1 releases and FY 2026 ICD-10-CM codes
 * (installation-wide: every practice reads them), then its own settings (`demoReferenceSettings`).
 */
export async function loadDemoReference(ctx: AppContext, practiceId: string): Promise<void> {
  await importReferenceFiles(ctx, practiceId, [...DEMO_FILES, DEMO_ICD10CM_FILE], { year: 2026, quarter: 1 });
  await demoReferenceSettings(ctx, practiceId);
}

/**
 * A demo practice's own reference settings: locality 99901-01, payer settings (UnitedHealthcare 90 days
 * to appeal, Medicare 120, the Medicare Advantage plan declared as such: 60, the others 180) and two UnitedHealthcare contract rates, so the Rates page and
 * the expected amounts show every basis (contract, Medicare locality, and the national table for 77402,
 * which the synthetic PPRRVU leaves out).
 */
export async function demoReferenceSettings(ctx: AppContext, practiceId: string): Promise<void> {
  const admin: Actor = {
    userId: 'demo-setup',
    practiceId,
    role: 'admin',
    displayName: 'setup',
    physicianId: null,
  };
  await setLocality(ctx, admin, { carrier: '99901', locality: '01' });
  for (const p of Object.values(PAYERS)) {
    await savePayerSetting(ctx, admin, {
      payer: p.name,
      payerProfile: p.profile,
      // UnitedHealthcare's contract window; the others by their kind (Medicare Part B redetermination:
      // 120 days from the initial determination, 42 CFR 405.942; a Medicare Advantage reconsideration 60
      // days, 42 CFR 422.582; other payers 180).
      appealDays: p === PAYERS.uhc ? 90 : null,
      ...(p === PAYERS.medicareAdvantage ? { payerKind: 'medicare-advantage' as const } : {}),
    });
  }
  for (const [code, modifier, cents] of [
    ['77412', '', 42_000],
    ['77387', '26', 4_000],
  ] as const) {
    await addContractRate(ctx, admin, {
      payer: PAYERS.uhc.name,
      code,
      modifier,
      cents,
      effectiveFrom: '2026-01-01',
    });
  }
}
