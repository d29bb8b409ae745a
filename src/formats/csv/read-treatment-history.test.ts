import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../core/model/input-problem.js';
import { type CsvMapping, csvMappingSchema, type CsvMappingInput, mappingToJson } from './column-mapping.js';
import { bundledMapping } from './mappings/bundled-mappings.js';
import { CsvRecordScanner } from './parse-csv-records.js';
import { looksTreatmentHistory, readTreatmentHistory } from './read-treatment-history.js';

const fixture = (name: string) => readFileSync(`test/fixtures/csv/${name}`);
const ARIA = fixture('aria-like-history.csv');
const MOSAIQ = fixture('mosaiq-like-history.csv');
const BAD = fixture('aria-like-bad-rows.csv');

function read(input: Uint8Array | string, options: Parameters<typeof readTreatmentHistory>[2] = {}) {
  const r = readTreatmentHistory(input, 'h.csv', options);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r;
}

function problems(input: Uint8Array | string, options: Parameters<typeof readTreatmentHistory>[2] = {}) {
  const r = readTreatmentHistory(input, 'h.csv', options);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

function mapping(input: Omit<CsvMappingInput, 'kind'>): CsvMapping {
  return csvMappingSchema.parse({ kind: 'treatment-history', ...input });
}

/** Every cell value of a fixture (header row excluded) of 3+ characters: what messages must never quote. */
function values(
  bytes: Uint8Array,
  delimiter: string,
  decode = (b: Uint8Array) => new TextDecoder().decode(b),
): string[] {
  const scanner = new CsvRecordScanner(decode(bytes), delimiter);
  scanner.next();
  const out = new Set<string>();
  for (let r = scanner.next(); r; r = scanner.next()) {
    for (const c of r.cells)
      for (const part of [c, ...c.split(/[\s,]+/)]) if (part.trim().length >= 3) out.add(part.trim());
  }
  return [...out];
}

function expectNoValues(found: InputProblem[], cells: string[]) {
  const text = JSON.stringify(found);
  for (const v of cells) expect(text, `quotes ${v}`).not.toContain(v);
}

describe('readTreatmentHistory: bundled layouts', () => {
  it('reads the ARIA-like export: one record per row, lines past a multi-line cell, energies → radiation type', () => {
    const r = read(ARIA);
    expect(r.warnings).toEqual([]);
    expect(r.value.info).toEqual({
      mappingId: 'aria-like',
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
      rowsRead: 12,
      rowsSkipped: 0,
    });
    expect(r.value.records.map((x) => x.line)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(r.value.records[3]).toEqual({
      line: 6,
      patientId: 'SYN00417',
      date: '2026-03-03',
      fieldName: 'LT MED TAN',
      beamOn: '2026-03-03T08:11:02',
      beamOff: '2026-03-03T08:11:20',
      deliveredMU: 52.2,
      plannedMU: 112.4,
      fractionNumber: 2,
      planId: 'LBR_DIBH',
      radiationType: 'PHOTON',
      machine: 'TB1',
    });
    expect(r.value.records.at(-1)?.radiationType).toBe('ELECTRON');
  });

  it('groups beams into candidate fractions per patient, plan, date and fraction number, in beam-on order', () => {
    const { fractions } = read(ARIA).value;
    expect(fractions.map((f) => [f.patientId, f.date, f.fractionNumber, f.beams.map((b) => b.line)])).toEqual(
      [
        ['SYN00417', '2026-03-02', 1, [2, 3]],
        ['SYN00417', '2026-03-03', 2, [4, 6, 7]],
        ['SYN00417', '2026-03-09', 3, [8, 9]],
        ['SYN00418', '2026-03-02', 12, [10, 11]],
        ['SYN00418', '2026-03-03', 13, [12, 13]],
        ['SYN00419', '2026-03-04', 1, [14]],
      ],
    );
    expect(fractions[1]!.beams[0]).toEqual({
      name: 'LT MED TAN',
      beamOn: '2026-03-03T08:10:11',
      beamOff: '2026-03-03T08:10:30',
      radiationType: 'PHOTON',
      deliveredMU: 60.2,
      plannedMU: 112.4,
      machine: 'TB1',
      line: 4,
    });
  });

  it('gives the same fractions whatever the row order', () => {
    const text = ARIA.toString('utf8');
    const [header, ...rest] = text.split(/\r\n(?=")/);
    const reversed = [header, ...rest.reverse()].join('\r\n');
    const a = read(ARIA).value.fractions;
    const b = read(reversed).value.fractions;
    const strip = (fs: typeof a) =>
      fs.map((f) => ({ ...f, beams: f.beams.map(({ line: _, ...beam }) => beam) }));
    expect(strip(b)).toEqual(strip(a));
  });

  it('reads the MOSAIQ-like export: Windows-1252, semicolons, DD.MM.YYYY, 12-hour times, decimal commas', () => {
    const r = read(MOSAIQ);
    expect(r.value.info).toMatchObject({
      mappingId: 'mosaiq-like',
      encoding: 'windows-1252',
      delimiter: ';',
    });
    expect(r.value.records.map((x) => [x.date, x.beamOn, x.beamOff, x.deliveredMU, x.radiationType])).toEqual(
      [
        ['2026-03-02', '2026-03-02T09:05:12', '2026-03-02T09:05:49', 104.6, 'PHOTON'],
        ['2026-03-02', '2026-03-02T09:07:30', '2026-03-02T09:08:09', 110.2, 'PHOTON'],
        ['2026-03-02', '2026-03-02T09:12:02', '2026-03-02T09:12:40', 180, 'ELECTRON'],
        ['2026-03-03', '2026-03-03T11:58:40', '2026-03-03T11:59:17', 104.6, 'PHOTON'],
        ['2026-03-03', '2026-03-03T11:59:55', '2026-03-03T12:00:34', 110.2, 'PHOTON'],
        ['2026-03-03', '2026-03-03T12:04:10', '2026-03-03T12:04:48', 180, 'ELECTRON'],
        ['2026-03-03', '2026-03-03T13:15:00', '2026-03-03T13:15:41', 145, 'PHOTON'],
        ['2026-03-03', '2026-03-03T13:16:20', '2026-03-03T13:17:02', 147.5, 'PHOTON'],
      ],
    );
    expect(r.value.fractions.map((f) => [f.patientId, f.planId, f.fractionNumber, f.beams.length])).toEqual([
      ['SYN00420', 'RBR_IMN', 1, 3],
      ['SYN00420', 'RBR_IMN', 2, 3],
      ['SYN00421', 'LUNG_3D', 7, 2],
    ]);
  });

  it('reads the MOSAIQ-like export re-saved as UTF-8 with a BOM the same way', () => {
    const utf8 = `\uFEFF${new TextDecoder('latin1').decode(MOSAIQ).replace(/\u0080/g, '€')}`;
    const r = read(new TextEncoder().encode(utf8));
    expect(r.value.info.encoding).toBe('utf-8');
    expect(r.value.records).toEqual(read(MOSAIQ).value.records);
  });

  it('sniffs the bundled layouts by their header row', () => {
    expect(looksTreatmentHistory(ARIA.subarray(0, 4096))).toBe(true);
    expect(looksTreatmentHistory(MOSAIQ.subarray(0, 200))).toBe(true);
    expect(looksTreatmentHistory(fixture('orders-signatures.csv'))).toBe(false);
    expect(looksTreatmentHistory(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(false);
    expect(looksTreatmentHistory(new Uint8Array())).toBe(false);
  });
});

describe('readTreatmentHistory: bad rows', () => {
  const expected = [
    ['h.csv:line 5, column "Treatment Date"', 'expected a date written MM/DD/YYYY'],
    ['h.csv:line 6, column "Beam On"', 'expected a time written HH:mm:ss'],
    ['h.csv:line 7, column "Delivered MU"', 'empty: delivered MU is required'],
    [
      'h.csv:line 8',
      'the row has 14 cells and the header 13: an unquoted delimiter inside a value shifts the columns (quote the value)',
    ],
    [
      'h.csv:line 9, column "Beam Off"',
      'beam-off is before beam-on on the same date (a beam across midnight needs date-time columns)',
    ],
    [
      'h.csv:line 10, column "Energy"',
      expect.stringMatching(/^expected one of PHOTON, ELECTRON, PROTON, OTHER/),
    ],
    ['h.csv:line 11, column "Delivered MU"', 'text after the closing quote of a quoted cell'],
    ['h.csv:line 13, column "Fraction"', 'expected a whole number ≥ 1'],
    ['h.csv:line 18, column "Delivered MU"', 'expected a number ≥ 0'],
  ].map(([location, message]) => ({ location, message }));

  it('fails the whole file and lists every problem at its physical line and column', () => {
    expect(problems(BAD)).toEqual(expected);
  });

  it('never quotes a value (names, IDs, dates, the bad values themselves)', () => {
    const found = problems(BAD);
    expectNoValues(found, values(BAD, ','));
    expect(JSON.stringify(found)).not.toMatch(/Marigold|Testperson|SYN004|Co-60|3\/32/);
  });

  it('with onBadRow: skip, keeps the good rows and turns the problems into warnings', () => {
    const r = read(BAD, { onBadRow: 'skip' });
    expect(r.value.records.map((x) => x.line)).toEqual([2, 3, 14, 15]);
    expect(r.value.info).toMatchObject({ rowsRead: 13, rowsSkipped: 9 });
    expect(r.warnings).toEqual(
      [
        ...expected.slice(0, 9),
        {
          location: 'h.csv:line 15',
          message: "the row has 11 of the header's 13 cells: the missing ones are read as empty",
        },
        {
          location: 'h.csv',
          message: '9 of 13 rows left out because of the problems above (onBadRow: skip)',
        },
      ].sort((a, b) => lineOf(a) - lineOf(b)),
    );
    expectNoValues(r.warnings, values(BAD, ','));
  });

  // README: a file lists at most 200 problems (MAX_PROBLEMS_PER_FILE), then counts the rest.
  it('lists at most maxProblems (default 200) problems and counts the rest', () => {
    const header = '"Patient ID","Treatment Date","Field Id","Beam On","Beam Off","Delivered MU"\n';
    const rows = Array.from(
      { length: 500 },
      () => '"SYN00417","03/02/2026","F1","08:00:00","08:01:00","lots"\n',
    );
    const found = problems(header + rows.join(''));
    expect(found).toHaveLength(201);
    expect(found[0]).toEqual({
      location: 'h.csv:line 2, column "Delivered MU"',
      message: 'expected a number ≥ 0',
    });
    expect(found.at(-1)).toEqual({
      location: 'h.csv',
      message: 'and 300 more problems not listed (500 in all)',
    });
    expect(problems(header + rows.join(''), { maxProblems: 3 })).toHaveLength(4);
  });
});

describe('readTreatmentHistory: header and mapping problems', () => {
  const ariaHeader = '"Patient ID","Patient Name","Treatment Date","Field Id","Beam On","Delivered MU"\r\n';

  it('names the columns a given mapping could not find, and the header names it did find', () => {
    expect(problems(ariaHeader, { mapping: bundledMapping('aria-like')! })).toEqual([
      {
        location: 'h.csv:line 1',
        message:
          'no column for the beam-off time (beamOff): expected a header named "Beam Off" or "Beam Off Time"',
      },
      {
        location: 'h.csv:line 1',
        message:
          'the header row names: "Patient ID", "Patient Name", "Treatment Date", "Field Id", "Beam On", "Delivered MU"',
      },
    ]);
  });

  it('says no bundled mapping fits, which is closest and what it lacks', () => {
    expect(problems('MRN,Name,Day,Beam,Start,Stop,MU\n')).toEqual([
      {
        location: 'h.csv:line 1',
        message:
          "no bundled treatment-history mapping (aria-like, mosaiq-like) fits the header row: pass the site's mapping with --mapping",
      },
      ...['patientId', 'date', 'fieldName', 'beamOn', 'beamOff', 'deliveredMU']
        .map((key) => ({
          location: 'h.csv:line 1',
          message: expect.stringContaining(
            `closest bundled mapping "aria-like": no column for the`,
          ) as string,
          key,
        }))
        .map(({ key: _, ...p }) => p),
      {
        location: 'h.csv:line 1',
        message: 'the header row names: "MRN", "Name", "Day", "Beam", "Start", "Stop", "MU"',
      },
    ]);
  });

  it('does not quote a first row that looks like data or a title line', () => {
    for (const text of [
      'SYN00417,"Testperson, Marigold Q",03/02/2026,LT MED TAN,08:14:05,08:14:41,112.4\n',
      'Treatment history for Testperson Marigold Q\nPatient ID,Treatment Date\n',
    ]) {
      const found = problems(text);
      expect(found.at(-1)?.message).toMatch(/does not look like a header row/);
      expect(JSON.stringify(found)).not.toMatch(/Marigold|SYN00417/);
    }
  });

  it('refuses a header that names a column twice', () => {
    const found = problems(ariaHeader.replace('"Delivered MU"', '"Beam Off","BEAM OFF","Delivered MU"'), {
      mapping: bundledMapping('aria-like')!,
    });
    expect(found[0]).toEqual({
      location: 'h.csv:line 1',
      message: expect.stringMatching(/beam-off time \(beamOff\) appears in columns 6 and 7/),
    });
  });

  it.each([
    ['', 'h.csv:line 1', /the file is empty/],
    ['\r\n\r\n', 'h.csv:line 1', /the file is empty/],
    ['"Patient ID","Treatment Date\n1,2\n', 'h.csv:line 1', /closing quote is missing/],
    ['PK\u0003\u0004rest', 'h.csv:byte 0', /not a text CSV: a ZIP archive/],
  ])('refuses %j', (text, location, message) => {
    const input = text.startsWith('PK') ? new TextEncoder().encode(text) : text;
    expect(problems(input)[0]).toEqual({ location, message: expect.stringMatching(message) });
  });

  it('refuses binary junk as not a text CSV', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(problems(junk)[0]?.message).toMatch(/^not a text CSV/);
  });

  it('refuses a mapping of another kind', () => {
    expect(problems(ARIA, { mapping: bundledMapping('authorizations')! })[0]?.message).toMatch(
      /mapping "authorizations" is for authorizations files/,
    );
  });

  it('reads a file with only a header row as no records, with a warning', () => {
    const r = read(ariaHeader.replace('"Delivered MU"', '"Beam Off","Delivered MU"'));
    expect(r.value.records).toEqual([]);
    expect(r.warnings).toEqual([{ location: 'h.csv:line 1', message: 'no data rows after the header row' }]);
  });
});

describe('readTreatmentHistory: tolerated oddities', () => {
  it('reads a BOM, CRLF, quoted delimiters, newlines and quotes, ragged rows and trailing empty lines', () => {
    const text =
      '\uFEFF"Patient ID","Treatment Date","Field Id","Beam On","Beam Off","Delivered MU","Machine","Note"\r\n' +
      '"SYN00417","03/02/2026","LT, ""MED"" TAN","08:14:05","08:14:41","112.4","TB1","line one\r\nline two"\r\n' +
      'SYN00417,03/02/2026,LT LAT TAN,08:16:20,08:16:58,118.0\r\n' +
      'SYN00417 , 03/03/2026 ,"LT LAT TAN", 08:16:20,08:16:58 ,118,TB1,,,\r\n' +
      '\r\n,,,,\r\n\r\n';
    const r = read(text);
    expect(
      r.value.records.map((x) => [x.line, x.patientId, x.date, x.fieldName, x.deliveredMU, x.machine]),
    ).toEqual([
      [2, 'SYN00417', '2026-03-02', 'LT, "MED" TAN', 112.4, 'TB1'],
      [4, 'SYN00417', '2026-03-02', 'LT LAT TAN', 118, undefined],
      [5, 'SYN00417', '2026-03-03', 'LT LAT TAN', 118, 'TB1'],
    ]);
    expect(r.warnings).toEqual([
      {
        location: 'h.csv:line 4',
        message: "the row has 6 of the header's 8 cells: the missing ones are read as empty",
      },
    ]);
  });

  it('counts a repeated row once, with a warning naming the first line', () => {
    const text = fixture('aria-like-history.csv').toString('utf8');
    const lines = text.split('\r\n');
    const r = read([...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\r\n'));
    expect(r.value.records).toHaveLength(12);
    expect(r.warnings).toEqual([
      {
        location: 'h.csv:line 4',
        message: 'the same beam (patient, plan, field and beam times) as line 3: counted once',
      },
    ]);
  });

  it('reads a 5 MB cell and a 5 MB line without quoting them', () => {
    const big = 'x'.repeat(5_000_000);
    const text = `"Patient ID","Treatment Date","Field Id","Beam On","Beam Off","Delivered MU","Note"\n"SYN00417","03/02/2026","F1","08:00:00","08:01:00","10","${big}"\n`;
    expect(read(text).value.records).toHaveLength(1);
    const found = problems(`"Patient ID",${big}\n`);
    expect(JSON.stringify(found).length).toBeLessThan(2000);
    const header = Array.from({ length: 300_000 }, (_, i) => `Column ${i}`).join(',');
    expect(JSON.stringify(problems(`${header}\n1,2\n`)).length).toBeLessThan(5000);
  });

  it('reads Excel "Unicode Text" (UTF-16LE with BOM, tab-separated) with an auto-delimiter site mapping', () => {
    const tsv =
      'Patient ID\tTreatment Date\tField Id\tBeam On\tBeam Off\tDelivered MU\r\nSYN00417\t03/02/2026\tF1\t08:00:00\t08:01:00\t10\r\n';
    const bytes = new Uint8Array(2 + tsv.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < tsv.length; i++) bytes[2 + 2 * i] = tsv.charCodeAt(i);
    const site = mapping({
      ...mappingToJson(bundledMapping('aria-like')!),
      id: 'site-tsv',
      delimiter: 'auto',
    });
    const r = read(bytes, { mapping: site });
    expect(r.value.info).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(r.value.records[0]?.beamOn).toBe('2026-03-02T08:00:00');
  });
});

describe('readTreatmentHistory: site mappings', () => {
  const combined = mapping({
    id: 'site-combined',
    name: 'Combined date-time columns below a title',
    headerRow: 3,
    delimiter: ';',
    columns: {
      patientId: 'MRN',
      beamOn: { header: 'Start', format: 'M/D/YYYY h:mm:ss A' },
      beamOff: { header: 'End', format: 'M/D/YYYY h:mm:ss A' },
      fieldName: 'Beam',
      deliveredMU: 'MU',
      radiationType: { header: 'Mode', values: { Phot: 'PHOTON', Elec: 'ELECTRON' } },
    },
  });

  it('reads combined date-time columns below a title, taking the date of service from beam-on', () => {
    const text =
      'Treatment history, Testperson Marigold Q\n\nMRN;Beam;Start;End;MU;Mode\n' +
      'SYN00417;F1;3/8/2026 11:59:30 PM;3/9/2026 12:00:20 AM;50;Phot\n' +
      'SYN00417;F2;3/9/2026 1:00:00 AM;3/9/2026 1:00:30 AM;20;elec\n';
    const r = read(text, { mapping: combined });
    expect(r.value.records.map((x) => [x.line, x.date, x.beamOn, x.beamOff, x.radiationType])).toEqual([
      [4, '2026-03-08', '2026-03-08T23:59:30', '2026-03-09T00:00:20', 'PHOTON'],
      [5, '2026-03-09', '2026-03-09T01:00:00', '2026-03-09T01:00:30', 'ELECTRON'],
    ]);
  });

  it('refuses a beam-on that falls on another date than the date column says', () => {
    const json = mappingToJson(combined);
    const withDate = mapping({
      ...json,
      id: 'with-date',
      columns: { ...json.columns, date: { header: 'Day', format: 'YYYY-MM-DD' } },
    });
    const text =
      '\n\nMRN;Day;Beam;Start;End;MU\nSYN00417;2026-03-09;F1;3/8/2026 11:59:30 PM;3/9/2026 12:00:20 AM;50\n';
    expect(problems(text, { mapping: withDate })).toEqual([
      {
        location: 'h.csv:line 4, column "Start"',
        message: 'the beam-on date is not the treatment date in column "Day"',
      },
    ]);
  });

  it('says when the file ends before the header row the mapping expects', () => {
    expect(problems('MRN;Beam\n', { mapping: combined })).toEqual([
      { location: 'h.csv:line 3', message: expect.stringMatching(/ends before line 3/) },
    ]);
  });
});

function lineOf(p: InputProblem): number {
  return Number(/line (\d+)/.exec(p.location)?.[1] ?? Infinity);
}
