import { describe, expect, it } from 'vitest';
import { bundledMapping } from './mappings/bundled-mappings.js';
import { detectMapping, displayName, headerKey, matchColumns } from './match-columns.js';

const ARIA = [
  'Patient ID',
  'Patient Name',
  'Treatment Date',
  'Field Id',
  'Beam On',
  'Beam Off',
  'Delivered MU',
  'Planned MU',
  'Fraction',
];
const MOSAIQ = ['PAT_ID1', 'TX_DATE', 'FLD_NAME', 'START_TIME', 'END_TIME', 'MU_DELIVERED'];
const ORDERS = ['Patient ID', 'Kind', 'Document ID', 'Signer ID', 'Signer Role', 'Signed At'];
const AUTHS = [
  'Payer',
  'Auth #',
  'Patient ID',
  'Codes',
  'Fractions',
  'Valid From',
  'Valid To',
  'Obtained On',
];

describe('detectMapping', () => {
  it.each([
    [ARIA, 'aria-like'],
    [MOSAIQ, 'mosaiq-like'],
    [ORDERS, 'orders-signatures'],
    [AUTHS, 'authorizations'],
    [ARIA.map((h) => `  ${h.toUpperCase()} `), 'aria-like'],
    [MOSAIQ.map((h) => h.toLowerCase()), 'mosaiq-like'],
    [
      ['"Patient ID"', 'Treatment  Date', 'Field Name', 'Beam On Time', 'Beam Off Time', 'MU Delivered'],
      'aria-like',
    ],
    [['Patient ID', 'Treatment Date', 'Field Id', 'Beam On', 'Delivered MU'], null],
    [['a', 'b', 'c'], null],
    [[], null],
  ])('%j → %s', (header, id) => {
    expect(detectMapping(header)?.id ?? null).toBe(id);
  });

  it('prefers the mapping that finds more optional columns', () => {
    const header = [...ARIA, ...MOSAIQ];
    expect(detectMapping(header)?.id).toBe('aria-like');
    expect(detectMapping([...MOSAIQ, 'MU_PLANNED', 'FRACTION', 'MACHINE', ...ARIA.slice(0, 7)])?.id).toBe(
      'mosaiq-like',
    );
  });

  it('refuses a header that names a required column twice', () => {
    expect(detectMapping([...ARIA, 'beam on'])).toBeNull();
  });
});

describe('matchColumns', () => {
  it('lists the required columns it could not find and the columns of each field found', () => {
    const m = matchColumns(bundledMapping('aria-like')!, ['Patient ID', 'Beam On', 'x', 'BEAM ON', 'Energy']);
    expect(m.missing).toEqual(['date', 'beamOff', 'fieldName', 'deliveredMU']);
    expect(m.indexes).toEqual({ patientId: 0, beamOn: 1, radiationType: 4 });
    expect(m.duplicated).toEqual([{ field: 'beamOn', columns: [1, 3] }]);
    expect(m.optionalFound).toBe(1);
  });

  it('takes the first alternative present, in the mapping order', () => {
    const header = ARIA.filter((h) => h !== 'Field Id');
    const m = matchColumns(bundledMapping('aria-like')!, [...header, 'Beam Name', 'Field Name']);
    expect(m.indexes.fieldName).toBe(header.length + 1);
  });

  it('normalises header names for comparison and for display', () => {
    expect(headerKey('  "Beam   On" ')).toBe('beam on');
    expect(displayName('a\r\nb"c')).toBe('a b c');
    expect(displayName('x'.repeat(100))).toHaveLength(60);
  });
});
