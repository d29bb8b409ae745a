import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** An import folder built from the reader fixtures: one course for SYN00417 on 2026-03-02. */
function clinicFolder(extra: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sgrt-import-'));
  for (const f of [
    'dicom/rtrecord-breast-tangents.dcm',
    'dicom/rtrecord-lt-lat-continuation.dcm',
    'alignrt/report/report-single-session.pdf',
    'csv/orders-signatures.csv',
  ]) {
    copyFileSync(`test/fixtures/${f}`, join(dir, f.split('/').at(-1)!));
  }
  const course = JSON.parse(readFileSync('examples/courses/breast-left-dibh-alignrt.json', 'utf8'));
  for (const k of ['fractions', 'orders', 'necessity']) delete course[k];
  writeFileSync(
    join(dir, 'courses.json'),
    JSON.stringify([{ ...course, courseId: 'C1-LBR', patient: { id: 'SYN00417' }, schedule: [] }]),
  );
  writeFileSync(
    join(dir, 'clinic.json'),
    JSON.stringify({
      schemaVersion: 1,
      name: 'Test',
      facility: { timeZone: 'America/New_York', placeOfService: '11' },
    }),
  );
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('sgrt-billing import', () => {
  it('reads the exports, links them into the course and audits it', async () => {
    const run = await runCli(
      'import',
      clinicFolder(),
      '--format',
      'json',
      '--no-progress',
      '--now',
      '2026-03-02T18:00:00-05:00',
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.summary).toMatchObject({ filesRead: 6, filesFailed: 0, courses: 1, fractions: 1 });
    const fraction = doc.courses[0].fractions[0];
    expect(fraction.number).toBe(7);
    // The PDF report alone shows monitoring but no thresholds: 77412's beam-hold evidence is missing (DOC-006).
    expect(fraction.lines.map((l: { code: string }) => l.code)).toEqual(['77407', '77387']);
    expect(fraction.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('DOC-006');
  });

  it('reports a broken file with its location and still imports the rest', async () => {
    const dir = clinicFolder({
      'broken.dcm': new Uint8Array(
        [...readFileSync('test/fixtures/dicom/rtrecord-breast-tangents.dcm')].slice(0, 700),
      ),
    });
    const run = await runCli('import', dir, '--format', 'json', '--no-progress');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    const broken = doc.files.find((f: { file: string }) => f.file.endsWith('broken.dcm'));
    expect(broken.status).toBe('failed');
    expect(broken.problems[0].location).toContain('broken.dcm');
    expect(doc.summary.courses).toBe(1);
  });

  it('skips files that are not exports, saying so', async () => {
    const run = await runCli(
      'import',
      clinicFolder({ 'notes.txt': 'just some notes\n' }),
      '--format',
      'json',
      '--no-progress',
    );
    const doc = JSON.parse(run.stdout);
    expect(doc.files.find((f: { file: string }) => f.file.endsWith('notes.txt')).status).toBe('skipped');
  });

  it.each([
    [
      'a folder without courses.json',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'sgrt-import-'));
        copyFileSync('test/fixtures/dicom/rtrecord-breast-tangents.dcm', join(dir, 'r.dcm'));
        return dir;
      },
    ],
    ['a missing path', () => '/nonexistent/folder'],
    [
      'binary junk only',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'sgrt-import-'));
        writeFileSync(
          join(dir, 'junk.bin'),
          new Uint8Array(4096).map((_, i) => (i * 7919) % 256),
        );
        return dir;
      },
    ],
  ])('%s → exit 2 and a clear message', async (_name, make) => {
    const run = await runCli('import', make(), '--no-progress');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no courses\.json|no such file/);
  });

  it('writes the linked course documents with --out, valid for `audit`', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sgrt-import-out-')), 'courses');
    await runCli('import', clinicFolder(), '--out', out, '--no-progress', '--format', 'json');
    const audit = await runCli('audit', out, '--now', '2026-03-02T18:00:00-05:00');
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).summary.fractions).toBe(1);
  });
});

describe('sgrt-billing import: folders', () => {
  it('reads a folder inside a hidden folder, skipping hidden entries below it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sgrt-hidden-'));
    const dir = join(parent, '.data');
    cpSync(clinicFolder(), dir, { recursive: true });
    writeFileSync(join(dir, '.DS_Store'), 'junk');
    const run = await runCli('import', dir, '--format', 'json', '--no-progress');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.summary.filesRead).toBe(6);
    expect(doc.files.some((f: { file: string }) => f.file.endsWith('.DS_Store'))).toBe(false);
  });
});

describe('sgrt-billing import: a site’s own record-and-verify layout', () => {
  it('reads the history with the mapping named by --mapping (or clinic.json historyMapping)', async () => {
    const dir = clinicFolder();
    for (const f of ['rtrecord-breast-tangents.dcm', 'rtrecord-lt-lat-continuation.dcm'])
      rmSync(join(dir, f));
    const renamed = readFileSync('test/fixtures/csv/aria-like-history.csv', 'utf8')
      .replace('"Beam On","Beam Off"', '"Start","Stop"')
      .replace('"Patient ID"', '"MRN"');
    writeFileSync(join(dir, 'history.csv'), renamed);
    const mapping = {
      id: 'st-elsewhere',
      name: 'St Elsewhere history',
      kind: 'treatment-history',
      delimiter: ',',
      headerRow: 1,
      dateFormat: 'MM/DD/YYYY',
      timeFormat: 'HH:mm:ss',
      columns: {
        patientId: 'MRN',
        date: 'Treatment Date',
        beamOn: 'Start',
        beamOff: 'Stop',
        fieldName: 'Field Id',
        deliveredMU: 'Delivered MU',
        fractionNumber: 'Fraction',
      },
    };
    const mappingFile = join(dir, '..', `${dir.split('/').at(-1)}-mapping.json`);
    writeFileSync(mappingFile, JSON.stringify(mapping));

    const without = JSON.parse((await runCli('import', dir, '--format', 'json', '--no-progress')).stdout);
    expect(without.files.find((f: { file: string }) => f.file.endsWith('history.csv')).status).toBe(
      'skipped',
    );

    const withMapping = JSON.parse(
      (await runCli('import', dir, '--format', 'json', '--no-progress', '--mapping', mappingFile)).stdout,
    );
    const history = withMapping.files.find((f: { file: string }) => f.file.endsWith('history.csv'));
    expect([history.format, history.status]).toEqual(['rv-history', 'read']);
    expect(withMapping.summary.fractions).toBeGreaterThan(0);

    const clinic = JSON.parse(readFileSync(join(dir, 'clinic.json'), 'utf8'));
    writeFileSync(
      join(dir, 'clinic.json'),
      JSON.stringify({ ...clinic, historyMapping: `../${mappingFile.split('/').at(-1)}` }),
    );
    const viaClinic = JSON.parse((await runCli('import', dir, '--format', 'json', '--no-progress')).stdout);
    expect(viaClinic.summary.fractions).toBe(withMapping.summary.fractions);
  });

  it('a mapping file with mistakes stops the import with their JSON paths', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'sgrt-map-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', kind: 'treatment-history', columns: { beamOn: 3 } }));
    const run = await runCli('import', clinicFolder(), '--mapping', bad, '--no-progress');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.json:');
  });
});
