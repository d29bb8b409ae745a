import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mappingToJson, parseColumnMapping } from './column-mapping.js';
import { BUNDLED_MAPPINGS, bundledMapping } from './mappings/bundled-mappings.js';

const site = {
  id: 'site-a',
  name: 'Site A history',
  kind: 'treatment-history',
  delimiter: '\t',
  encoding: 'latin1',
  headerRow: 3,
  dateFormat: 'M/D/YYYY',
  columns: {
    patientId: 'MRN',
    beamOn: { header: 'Start', format: 'M/D/YYYY h:mm:ss A' },
    beamOff: { header: ['End', 'Stop'], format: 'M/D/YYYY h:mm:ss A' },
    fieldName: 'Beam',
    deliveredMU: 'MU',
    radiationType: { header: 'Mode', values: { Phot: 'PHOTON' } },
  },
};

describe('column mappings', () => {
  it('ships valid bundled mappings that also load as JSON site files', () => {
    expect(BUNDLED_MAPPINGS.map((m) => m.id)).toEqual([
      'aria-like',
      'mosaiq-like',
      'orders-signatures',
      'authorizations',
    ]);
    for (const mapping of BUNDLED_MAPPINGS) {
      const r = parseColumnMapping(JSON.stringify(mappingToJson(mapping)), `${mapping.id}.json`);
      expect(r).toEqual({ ok: true, value: mapping });
    }
    expect(bundledMapping('mosaiq-like')?.columns.radiationType).toEqual({
      headers: ['MODALITY'],
      values: { X: 'PHOTON', E: 'ELECTRON' },
    });
  });

  it('reads a site mapping, filling defaults and normalising columns', () => {
    const r = parseColumnMapping(`\uFEFF${JSON.stringify(site)}`, 'site.json');
    expect(r.ok && r.value).toMatchObject({
      encoding: 'windows-1252',
      decimalSeparator: '.',
      timeFormat: 'HH:mm:ss',
      headerRow: 3,
      columns: {
        patientId: { headers: ['MRN'] },
        beamOff: { headers: ['End', 'Stop'], format: 'M/D/YYYY h:mm:ss A' },
      },
    });
  });

  it.each([
    [{ columns: { ...site.columns, beamOn: 'Start' } }, 'site.json:columns.date', /date column is required/],
    [{ columns: { ...site.columns, beamOn: undefined } }, 'site.json:columns.beamOn', /expected/],
    [{ columns: { ...site.columns, colour: 'Colour' } }, 'site.json:columns', /unknown field "colour"/],
    [{ dateFormat: 'dd/MM/yyyy' }, 'site.json:dateFormat', /unknown letters "dd"/],
    [{ dateFormat: 'YYYY-MM-DD HH:mm' }, 'site.json:dateFormat', /not a date format/],
    [
      { columns: { ...site.columns, patientId: { header: 'MRN', format: 'YYYY' } } },
      'site.json:columns.patientId.format',
      /date and time columns only/,
    ],
    [
      { columns: { ...site.columns, beamOn: { header: 'Start', format: 'YYYY-MM-DDTHH:mm:ssZ' } } },
      'site.json:columns.beamOn.format',
      /wall-clock/,
    ],
    [
      { columns: { ...site.columns, radiationType: { header: 'Mode', values: { Phot: 'photon' } } } },
      'site.json:columns.radiationType.values.Phot',
      /expected one of "PHOTON"/,
    ],
    [
      { columns: { ...site.columns, fieldName: { header: 'Beam', values: { a: 'b' } } } },
      'site.json:columns.fieldName.values',
      /enumerated/,
    ],
    [{ kind: 'invoices' }, 'site.json:kind', /treatment-history/],
    [{ delimiter: ':' }, 'site.json:delimiter', /expected one of/],
    [{ id: 'Site A' }, 'site.json:id', /lower-case/],
    [{ headerRow: 0 }, 'site.json:headerRow', /./],
    [{ columns: { ...site.columns, patientId: [] } }, 'site.json:columns.patientId', /./],
  ])('locates mapping error %#', (change, location, message) => {
    const r = parseColumnMapping(JSON.stringify({ ...site, ...change }), 'site.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems, JSON.stringify(r.problems)).toContainEqual({
        location,
        message: expect.stringMatching(message),
      });
    }
  });

  it('locates JSON syntax errors and refuses bytes that are not UTF-8', () => {
    expect(parseColumnMapping('{"id": ', 'm.json')).toMatchObject({
      ok: false,
      problems: [{ location: 'm.json:line 1, column 8' }],
    });
    expect(parseColumnMapping(new Uint8Array([0x7b, 0xff]), 'm.json')).toMatchObject({ ok: false });
  });

  it('accepts the site mapping shown in README.md', () => {
    const readme = readFileSync('src/formats/csv/README.md', 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const r = parseColumnMapping(json, 'README.md');
    expect(r.ok && r.value.id).toBe('st-elsewhere-aria');
  });
});
