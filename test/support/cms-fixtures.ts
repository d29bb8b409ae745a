/**
 * The synthetic CMS fixtures (test/fixtures/cms): one file of each kind the reference import reads,
 * together the releases RVU26A, OPPS26A and NCCI-PRA26A.
 */
export const CMS_FIXTURE_DIR = 'test/fixtures/cms';

export const CMS_RELEASE_FILES = [
  'PPRRVU26_SYNTH.csv',
  'GPCI2026_SYNTH.csv',
  '26LOCCO_SYNTH.csv',
  'ADDENDUM_B_2026_SYNTH.csv',
  'PTP_PRACTITIONER_2026Q1_SYNTH.txt',
  'MUE_PRACTITIONER_2026Q1_SYNTH.csv',
] as const;

/** The synthetic ICD-10-CM code files (order file and codes file) of FY 2026, in CMS's fixed columns. */
export const ICD10CM_FIXTURE_FILES = [
  'icd10cm_order_2026_SYNTH.txt',
  'icd10cm_codes_2026_SYNTH.txt',
] as const;
