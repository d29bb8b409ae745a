import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const NOW = '2026-03-13T12:00:00-04:00';
const tmp = mkdtempSync(join(tmpdir(), 'sgrt-audit-'));

interface FractionOut {
  number: number;
  status: string;
  lines: { code: string; modifiers: string[] }[];
  findings: { ruleId: string }[];
}

async function auditJson(...args: string[]) {
  const run = await runCli('audit', ...args, '--now', NOW);
  return { run, doc: JSON.parse(run.stdout) };
}

function statuses(
  doc: { courses: { audit: { courseId: string; fractions: FractionOut[] } }[] },
  courseId: string,
) {
  const course = doc.courses.find((c) => c.audit.courseId === courseId)!;
  return course.audit.fractions.map(
    (f) => `${f.number}:${f.status}:${f.lines.map((l) => [l.code, ...l.modifiers].join('-')).join('+')}`,
  );
}

describe('sgrt-billing audit on the bundled examples', () => {
  it('gives each fraction its status and lines', async () => {
    const { run, doc } = await auditJson('examples/courses');
    expect(run.code).toBe(0);
    expect(doc.summary.courses).toBe(11);
    expect(statuses(doc, 'C-1001')).toEqual([
      '1:ready:77412+77387-26',
      '2:ready:77412+77387-26',
      '3:ready:77412+77387-26',
      '4:downgrade:77407+77387-26', // SGRT record signed after fraction 5's beam-on
      '5:ready:77412+77387-26',
      '6:ready:77412+77387-26',
      '7:downgrade:77407+77387-26', // 25 s of beam-on without monitoring
      '8:ready:77412+77387-26',
      '9:ready:77412+77387-26', // image review never signed: 77387-26 rests on the signed SGRT record
      '10:hold:77412+77387-26', // signatures due before the next scheduled beam-on
    ]);
    expect(statuses(doc, 'C-1002').every((s) => s.includes(':hold:'))).toBe(true); // "DIBH" alone
    expect(
      statuses(doc, 'C-1003').every((s) => s.startsWith('1:downgrade') || s.includes(':downgrade:77407')),
    ).toBe(true);
    expect(statuses(doc, 'C-1005')).toEqual([
      '1:ready:77402',
      '2:ready:77402',
      '3:ready:77402',
      '4:ready:77402',
      '5:ready:77402',
    ]);
    expect(statuses(doc, 'C-1008')).toEqual(['1:ready:77373', '2:ready:77373', '3:ready:77373']);
    // AlignRT PDF reports state no thresholds or beam hold: the plan's apply (domain.md §5.2).
    expect(statuses(doc, 'C-1010')).toEqual([
      '1:ready:77412+77387-26',
      '2:ready:77412+77387-26',
      '3:ready:77412+77387-26',
    ]);
    // CPT 77373 "entire course not to exceed 5 fractions": the sixth is held for a decision (CODE-011).
    expect(statuses(doc, 'C-1011')).toEqual([
      '1:ready:77373',
      '2:ready:77373',
      '3:ready:77373',
      '4:ready:77373',
      '5:ready:77373',
      '6:hold:',
    ]);
    expect(statuses(doc, 'C-1009')).toEqual([
      '1:ready:77407+77387-26',
      '2:ready:77407+77387-26',
      '3:ready:77407+77387-26',
      // 4 h after the morning session: not billable on its own, held until the break and the distinct
      // treatment are documented (CODE-008, CMS PM A-03-020).
      '4:hold:',
    ]);
  });

  it('--fail-on error exits 1 on the examples (they carry errors on purpose)', async () => {
    const run = await runCli(
      'audit',
      'examples/courses',
      '--now',
      NOW,
      '--fail-on',
      'error',
      '--format',
      'ndjson',
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(50);
    expect(lines[0]).toHaveProperty('file');
  });

  it('--rule keeps only the findings of that rule', async () => {
    const { doc } = await auditJson('examples/courses', '--rule', 'DOC-008');
    const fractions = doc.courses.flatMap((c: { audit: { fractions: FractionOut[] } }) => c.audit.fractions);
    expect(fractions.map((f: FractionOut) => f.number)).toEqual([4, 10]);
    expect(fractions.flatMap((f: FractionOut) => f.findings.map((x) => x.ruleId))).toEqual([
      'DOC-008',
      'DOC-008',
    ]);
  });

  it('prints a readable table with a summary', async () => {
    const run = await runCli('audit', 'examples/courses', '--now', NOW, '--format', 'table');
    expect(run.stdout).toContain('Course C-1001');
    expect(run.stdout).toMatch(/^11 courses, 50 fractions: \d+ ready, \d+ downgraded, \d+ on hold/m);
  });

  it('words a count of one in the singular', async () => {
    const run = await runCli('audit', 'examples/courses/lung-sbrt.json', '--now', NOW, '--format', 'table');
    expect(run.stdout).toMatch(/^1 course, \d+ fractions:/m);
    expect(run.stdout).not.toContain('(s)');
  });

  // The rate table (the seed's 2026 amounts) has none for 77373, 77372 or G0339/G0340: the expected
  // amount is unknown ("—"), never $0.00, in the table and in the JSON summary.
  it.each([
    [
      'an SBRT course (77373 only)',
      ['examples/courses/lung-sbrt.json'],
      /Billable — \(3 lines without a rate\); on hold \$0\.00\./,
    ],
    [
      'with a course that has rates',
      ['examples/courses/lung-sbrt.json', 'examples/courses/palliative-spine-2d.json'],
      /Billable — \(3 lines without a rate; \$\d[\d,]*\.\d\d known\)/,
    ],
    [
      'a course whose lines all have rates',
      ['examples/courses/palliative-spine-2d.json'],
      /Billable \$\d[\d,]*\.\d\d; on hold/,
    ],
  ])('the billable total of %s', async (_name, files, summary) => {
    const run = await runCli('audit', ...files, '--now', NOW, '--format', 'table');
    expect(run.stdout).toMatch(summary);
    expect(run.stdout).not.toMatch(/77373\s+\$0\.00/);
  });

  it('the JSON summary gives an unknown total as null, with the known part and the lines without a rate', async () => {
    const { doc } = await auditJson(
      'examples/courses/lung-sbrt.json',
      'examples/courses/palliative-spine-2d.json',
    );
    expect(doc.summary).toMatchObject({
      billableCents: null,
      billableLinesWithoutRate: 3,
      billableKnownCents: expect.any(Number),
    });
    expect(doc.summary.billableKnownCents).toBeGreaterThan(0);
  });
});

describe('sgrt-billing audit on bad input', () => {
  const good = JSON.parse(readFileSync('examples/courses/palliative-spine-2d.json', 'utf8'));

  it('lists every problem with its path, prints nothing else and exits 2', async () => {
    const bad = structuredClone(good);
    bad.patient.name = 'Jane Q Testpatient';
    bad.facility.timeZone = 'Mars/Olympus';
    bad.fractions[2].beams[0].beamOn = '2026-03-11 15:31:00';
    delete bad.fractions[3].date;
    const file = join(tmp, 'bad-course.json');
    writeFileSync(file, JSON.stringify(bad));
    const run = await runCli('audit', file, '--now', NOW);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:facility.timeZone`);
    expect(run.stderr).toContain(`${file}:fractions[2].beams[0].beamOn`);
    expect(run.stderr).toContain(`${file}:fractions[3].date`);
    // No PHI in error output: neither the name nor the offending values.
    expect(run.stderr).not.toContain('Testpatient');
    expect(run.stderr).not.toContain('2026-03-11 15:31:00');
  });

  it('stops a folder run when one document is invalid, unless --skip-invalid', async () => {
    const folder = mkdtempSync(join(tmp, 'mixed-'));
    writeFileSync(join(folder, 'a-good.json'), JSON.stringify(good));
    writeFileSync(join(folder, 'b-bad.json'), '{"schemaVersion": 2}');
    const strict = await runCli('audit', folder, '--now', NOW);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    const lenient = await runCli('audit', folder, '--now', NOW, '--skip-invalid');
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).summary.courses).toBe(1);
    expect(lenient.stderr).toContain('b-bad.json');
  });

  it.each([
    ['a missing path', ['does-not-exist.json']],
    ['a bad --now', ['examples/courses', '--now', 'yesterday']],
    ['a bad tolerance', ['examples/courses', '--occlusion-tolerance', 'ten']],
    ['an out-of-range tolerance', ['examples/courses', '--occlusion-tolerance', '-5']],
    ['a missing profiles file', ['examples/courses', '--profiles', 'nope.json']],
  ])('%s → exit 2', async (_name, args) => {
    const run = await runCli('audit', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
  });

  it('accepts extra payer profiles from a file', async () => {
    const file = join(tmp, 'profiles.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          id: 'default',
          name: 'Practice default (units for twice daily)',
          source: 'practice contract',
          igrtModifier26: [{ from: '2026-01-01', rule: 'required' }],
          twiceDaily: 'units',
          breakHours: 6,
          amm77412Criteria: 'cpt',
          fractionLimits: [{ code: '77402', maxFractions: 2 }],
          documentationElementsRequired: 3,
        },
      ]),
    );
    const { run, doc } = await auditJson('examples/courses/palliative-spine-2d.json', '--profiles', file);
    expect(run.code).toBe(0);
    const rules = doc.courses[0].audit.fractions.flatMap((f: FractionOut) => f.findings.map((x) => x.ruleId));
    expect(rules.filter((r: string) => r === 'PAYER-003')).toHaveLength(3);
  });
});

describe('sgrt-billing audit: claim lines per date of service', () => {
  it('combines a distinct second session into 2 units for a payer that counts units (Medicare)', async () => {
    const { doc } = await auditJson('examples/courses/lung-twice-daily.json');
    const lines = doc.courses[0].audit.claimLines.map(
      (l: { date: string; code: string; modifiers: string[]; units: number }) =>
        `${l.date} ${[l.code, ...l.modifiers].join('-')} ×${l.units}`,
    );
    expect(lines).toEqual([
      '2026-03-09 77407 ×2',
      '2026-03-09 77387-26 ×2',
      '2026-03-10 77407 ×1',
      '2026-03-10 77387-26 ×1',
    ]);
  });
});
