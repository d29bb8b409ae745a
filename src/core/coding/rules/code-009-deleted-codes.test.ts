import { describe, expect, it } from 'vitest';
import { CODE_009, deletedCodeFindings, isDeletedCode } from './code-009-deleted-codes.js';

const G_DELIVERY = [
  'G6003',
  'G6004',
  'G6005',
  'G6006',
  'G6007',
  'G6008',
  'G6009',
  'G6010',
  'G6011',
  'G6012',
  'G6013',
  'G6014',
  'G6015',
  'G6016',
];
const RECODE = { delivery: '77412', igrt: '77387-26' };

describe('deletedCodeFindings (CODE-009)', () => {
  // prettier-ignore
  const DELETED = [
    // posted code, recode text with a full selection, recode text with nothing selected
    ['77385', 'bill 77412', 'bill the delivery code the facts support'],
    ['77386', 'bill 77412', 'bill the delivery code the facts support'],
    ...G_DELIVERY.map((c) => [c, 'bill 77412', 'bill the delivery code the facts support']),
    ['G6001', 'bill 77387-26', 'technical guidance is bundled'],
    ['G6002', 'bill 77387-26', 'technical guidance is bundled'],
    ['77014', 'bill 77387-26', 'technical guidance is bundled'],
    ['G6017', 'intrafraction tracking is part of 77412', 'intrafraction tracking is part of the delivery code'],
  ];
  it.each(DELETED)('%s → one error', (code, withSelection, withNothing) => {
    const [f, ...rest] = deletedCodeFindings([code], 'f1', RECODE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: CODE_009.id,
      severity: 'error',
      subject: 'f1',
      evidence: { postedCode: code },
    });
    expect(f?.message).toBe(`${code} was deleted for 2026 dates of service.`);
    expect(f?.fix).toContain(withSelection);
    expect(deletedCodeFindings([code], 'f1', { delivery: null, igrt: null })[0]?.fix).toContain(withNothing);
    expect(isDeletedCode(code)).toBe(true);
  });

  // prettier-ignore
  const NOT_DELETED = [['77402'], ['77407'], ['77412'], ['77387'], ['77373'], ['77372'], ['G0339'], ['G0340'], ['G6018'], ['77301'], ['77013']];
  it.each(NOT_DELETED)('%s is not deleted', (code) => {
    expect(isDeletedCode(code)).toBe(false);
    expect(deletedCodeFindings([code], 'f1', RECODE)).toEqual([]);
  });

  it('reports each deleted code posted, in order', () => {
    const f = deletedCodeFindings(['77412', 'G6015', '77387', '77014'], 'f1', RECODE);
    expect(f.map((x) => x.evidence?.['postedCode'])).toEqual(['G6015', '77014']);
  });

  it('nothing posted, nothing found', () => {
    expect(deletedCodeFindings([], 'f1', RECODE)).toEqual([]);
  });
});
