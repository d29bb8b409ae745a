import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDemoClinicEvidence, listFiles } from '../../../test/support/demo-clinic-evidence.js';
import { auditCourses } from '../audit-courses.js';
import { engineContext } from '../engine-context.js';
import { importClinic } from '../import-pipeline/import-clinic.js';
import { clinicSchema } from '../../core/model/clinic.js';
import { courseHeadersDocumentSchema } from '../../core/model/course.js';
import type { ExpectedOutcome } from './expected-outcome.js';
import { lineLabel } from '../../core/model/billing-line.js';
import { readRtBeamsRecord } from '../../formats/dicom/read-rt-beams-record.js';
import { generateDemoClinic, outDirProblem } from './generate-demo-clinic.js';
import { writeClinicFolder } from './write-clinic.js';

const root = mkdtempSync(join(tmpdir(), 'sgrt-demo-'));

/** Every path of a clinic folder matches one of these (src/app/demo-data/README.md, "The folder"). */
const LAYOUT = [
  /^clinic\.json$/,
  /^courses\.json$/,
  /^authorizations\.csv$/,
  /^treatment-records\/rv-history\.csv$/,
  /^treatment-records\/dicom\/C-\d{4}\/C-\d{4}-F\d{2}(-2)?\.dcm$/,
  /^alignrt\/rtd\/C-\d{4}-C-\d{4}-F\d{2}-[12]\.txt$/,
  /^alignrt\/reports\/C-\d{4}-C-\d{4}-F\d{2}\.pdf$/,
  /^documents\/orders-signatures\.csv$/,
  /^documents\/fhir\/C-\d{4}\.json$/,
  /^charges\/2026-\d{2}-\d{2}\.hl7$/,
  /^treatment-records\/dicom\/unlisted\/SYN9\d{4}-2026-\d{2}-\d{2}\.dcm$/,
  /^treatment-records\/unlisted\/rv-history-2026-\d{2}-\d{2}\.csv$/,
  /^alignrt\/rtd\/unlisted\/(SYN9\d{4}-2026-\d{2}-\d{2}|C-\d{4}-simulation)-1\.txt$/,
  /^expected\/outcome\.json$/,
  /^expected\/courses\/C-\d{4}\.json$/,
];

const readJson = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

describe('demo clinic on disk (12 patients, 12 days)', () => {
  const dir = join(root, 'clinic');
  beforeAll(async () => {
    await generateDemoClinic({ patients: 12, days: 12, seed: 3, out: dir });
  }, 60_000);

  it('the folder has the contract layout, and nothing is left beside it', () => {
    const files = listFiles(dir);
    for (const f of files)
      expect(
        LAYOUT.some((re) => re.test(f)),
        f,
      ).toBe(true);
    for (const required of LAYOUT.slice(0, 4)) expect(files.some((f) => required.test(f))).toBe(true);
    for (const kind of ['dcm', 'txt', 'pdf', 'hl7'])
      expect(
        files.some((f) => f.endsWith(`.${kind}`)),
        kind,
      ).toBe(true);
    expect(readdirSync(root)).toEqual(['clinic']);
    const outcome: ExpectedOutcome = readJson(dir, 'expected/outcome.json');
    const courseFiles = files.filter((f) => f.startsWith('expected/courses/'));
    expect(courseFiles).toHaveLength(outcome.courses.length);
    // Each delivered fraction's records are where its course's source says.
    for (const c of outcome.courses) {
      const dicom = files.filter((f) => f.startsWith(`treatment-records/dicom/${c.courseId}/`));
      if (c.recordSource === 'csv') expect(dicom).toEqual([]);
      else expect(dicom.filter((f) => !f.endsWith('-2.dcm'))).toHaveLength(c.fractionsDelivered);
      expect(files.includes(`documents/fhir/${c.courseId}.json`)).toBe(c.documentSource === 'fhir');
    }
  });

  it('DICOM records of every other course state their UTC offset: -05:00 before the DST change, -04:00 after', () => {
    const offsets = new Set(
      listFiles(dir)
        .filter((f) => f.endsWith('.dcm'))
        .map((f) => {
          const r = readRtBeamsRecord(new Uint8Array(readFileSync(join(dir, f))), f);
          return r.ok ? r.value.utcOffset : 'unreadable';
        }),
    );
    expect(offsets).toEqual(new Set([null, '-05:00', '-04:00']));
  });

  it('clinic.json and courses.json follow their schemas', () => {
    expect(clinicSchema.parse(readJson(dir, 'clinic.json'))).toMatchObject({
      facility: { timeZone: 'America/New_York', placeOfService: '11' },
      alignrtReportDateOrder: 'MDY',
      historyMapping: 'aria-like',
    });
    const headers = courseHeadersDocumentSchema.parse(readJson(dir, 'courses.json'));
    const outcome: ExpectedOutcome = readJson(dir, 'expected/outcome.json');
    expect(headers.map((h) => h.courseId)).toEqual(outcome.courses.map((c) => c.courseId));
    for (const h of headers) {
      const course = readJson(dir, `expected/courses/${h.courseId}.json`);
      const { fractions: _f, orders: _o, necessity: _n, authorizations: _a, ...header } = course;
      expect(header).toEqual(h);
    }
  });

  it('the expected outcome is what `audit expected/courses --now <now>` says', async () => {
    const outcome: ExpectedOutcome = readJson(dir, 'expected/outcome.json');
    const ctx = await engineContext({ now: Date.parse(outcome.now) });
    const run = await auditCourses([join(dir, 'expected/courses')], ctx);
    const audited = run.audited
      .flatMap(({ audit }) => audit.fractions)
      .map((f) => ({
        courseId: f.courseId,
        fractionId: f.fractionId,
        number: f.number,
        date: f.date,
        status: f.status,
        lines: f.lines.map(lineLabel),
        ruleIds: [...new Set(f.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId))].sort(),
      }));
    const key = (f: { courseId: string; number: number }) =>
      `${f.courseId} ${String(f.number).padStart(3, '0')}`;
    const sorted = <T extends { courseId: string; number: number }>(list: T[]) =>
      [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(audited)).toEqual(sorted(outcome.fractions));
    expect(outcome.summary.fractions).toBe(audited.length);
  });

  it('the import lists the records made to match no course, each with its reason, and links the rest', async () => {
    const outcome: ExpectedOutcome = readJson(dir, 'expected/outcome.json');
    const run = await importClinic([dir], await engineContext({ now: Date.parse(outcome.now) }));
    const day = outcome.now.slice(0, 10);
    const simulated = run.unlinked.find((u) => u.source.includes('-simulation-'));
    expect(run.unlinked.map((u) => [u.patientId, u.kind, u.what, u.reason])).toEqual([
      ['SYN90001', 'treatment-record', 'DICOM beam ARC1', 'no course for this patient in courses.json'],
      [
        'SYN90002',
        'treatment-record',
        `treatment history ${day}`,
        'no course for this patient in courses.json',
      ],
      [simulated?.patientId, 'monitoring', 'monitoring log', 'no fraction at that time'],
      ['SYN90001', 'monitoring', 'monitoring log', 'no course for this patient in courses.json'],
    ]);
    expect(simulated?.patientId).toMatch(/^SYN0\d{4}$/);
    // The courses are those of the ground truth: every fraction as the expected outcome has it.
    expect(run.invalidCourses).toEqual([]);
    expect(run.courses.flatMap((c) => c.audit.fractions).length).toBe(outcome.fractions.length);
  }, 60_000);

  it('every file reads back with its reader and holds the facts of the ground truth', async () => {
    const check = await checkDemoClinicEvidence(dir);
    expect(check.problems).toEqual([]);
    expect(Object.keys(check.read).sort()).toEqual(['csv', 'dicom', 'fhir', 'hl7', 'pdf', 'rtd']);
  }, 30_000);

  it('the same options write the same bytes', async () => {
    const again = join(root, 'again');
    await generateDemoClinic({ patients: 12, days: 12, seed: 3, out: again });
    const files = listFiles(dir);
    expect(listFiles(again)).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  }, 60_000);
});

describe('writing the folder', () => {
  // Speed is measured by bench/import.ts (which generates a 50-patient clinic), never asserted here.
  it('a small clinic (5 patients, 5 days) is written whole', async () => {
    const run = await generateDemoClinic({ patients: 5, days: 5, seed: 11, out: join(root, 'small') });
    expect(run.files).toBeGreaterThan(5);
  }, 20_000);

  it('refuses a non-empty folder without --force, the current folder, and a file', async () => {
    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'x');
    expect(await outDirProblem(full, false, root)).toMatch(/not empty/);
    expect(await outDirProblem(full, true, root)).toBeNull();
    expect(await outDirProblem(join(root, 'new'), false, root)).toBeNull();
    expect(await outDirProblem('.', true, root)).toMatch(/current folder/);
    expect(await outDirProblem(join(full, 'keep.txt'), true, root)).toMatch(/not a folder/);
    expect(await outDirProblem(root, true, join(root, 'full'))).toMatch(/current folder or holds it/);
  });

  it('replaces an existing folder only at the end; a failure leaves it and no temporary folder', async () => {
    const out = join(root, 'replace');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    async function* failing() {
      yield { path: 'a/one.txt', data: 'one' };
      throw new Error('disk full');
    }
    await expect(writeClinicFolder(out, failing())).rejects.toThrow('disk full');
    expect(readdirSync(out)).toEqual(['old.txt']);
    expect(readdirSync(root).some((n) => n.includes('.tmp-') || n.includes('.old-'))).toBe(false);
    async function* good() {
      yield { path: 'a/one.txt', data: 'one' };
      yield { path: 'two.bin', data: new Uint8Array([1, 2]) };
    }
    expect(await writeClinicFolder(out, good())).toEqual({ files: 2, bytes: 5 });
    expect(listFiles(out)).toEqual(['a/one.txt', 'two.bin']);
    expect(existsSync(join(out, 'old.txt'))).toBe(false);
    expect(readdirSync(root).some((n) => n.includes('.tmp-') || n.includes('.old-'))).toBe(false);
  });
});
