import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'sgrt-code-'));
function factsFile(name: string, facts: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof facts === 'string' ? facts : JSON.stringify(facts));
  return path;
}

describe('sgrt-billing code', () => {
  it('prints lines and findings as JSON for the bundled breast example', async () => {
    const run = await runCli('code', 'examples/facts/breast-left-dibh-amm.json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(
      doc.lines.map((l: { code: string; modifiers: string[]; units: number }) => [
        l.code,
        l.modifiers,
        l.units,
      ]),
    ).toEqual([
      ['77412', [], 1],
      ['77387', ['26'], 1],
    ]);
    expect(doc.findings).toEqual([]);
  });

  it.each([
    [
      'examples/facts/prostate-setup-only-sgrt.json',
      ['77407', '77387'],
      ['CODE-006', 'CODE-009', 'CODE-009'],
    ],
    ['examples/facts/lung-sbrt.json', ['77373'], ['CODE-007']],
    ['examples/facts/lung-sbrt-fraction-6.json', [], ['CODE-007', 'CODE-011']],
    ['examples/facts/brain-srs-linac-fraction-2.json', ['77373'], ['CODE-007']],
    ['examples/facts/lung-twice-daily-second-session.json', ['77407', '77387'], ['CODE-008']],
  ])('%s', async (file, codes, ruleIds) => {
    const run = await runCli('code', file);
    const doc = JSON.parse(run.stdout);
    expect(doc.lines.map((l: { code: string }) => l.code)).toEqual(codes);
    expect(doc.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(ruleIds);
  });

  it('--fail-on error exits 1 when a deleted code was posted', async () => {
    const run = await runCli('code', 'examples/facts/prostate-setup-only-sgrt.json', '--fail-on', 'error');
    expect(run.code).toBe(1);
  });

  it('prints a table for people', async () => {
    const run = await runCli('code', 'examples/facts/breast-left-dibh-amm.json', '--format', 'table');
    expect(run.stdout).toMatch(/77412\s+1\s+\$391\.46\s+CODE-005/);
    expect(run.stdout).toMatch(/77387-26/);
  });

  it('lists every schema problem with its path and exits 2', async () => {
    const file = factsFile('bad.json', {
      dateOfService: '2026-13-01',
      placeOfService: '11',
      modality: 'gamma',
      technique: '3D',
      isocenters: 0,
      motionManagement: null,
      imageGuidance: null,
      extra: true,
    });
    const run = await runCli('code', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const path of ['dateOfService', 'modality', 'isocenters', '(document)']) {
      expect(run.stderr).toContain(`${file}:${path}`);
    }
    expect(run.stderr).toContain('unknown field "extra"');
  });

  it.each([
    ['empty file', ''],
    ['truncated JSON', '{"dateOfService": "2026-03-02", "placeOf'],
    ['binary junk', '\u0000\u0001\u00ff\u00fe garbage'],
    ['a JSON array', '[1,2,3]'],
    ['deep nesting', '['.repeat(100_000) + ']'.repeat(100_000)],
  ])('%s → exit 2 with the file named', async (_name, text) => {
    const file = factsFile(`junk-${_name.replace(/\W/g, '')}.json`, text);
    const run = await runCli('code', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
  });

  it('reports JSON syntax errors by line and column', async () => {
    const file = factsFile(
      'syntax.json',
      '{\n  "dateOfService": "2026-03-02",\n  "placeOfService": 11 11\n}',
    );
    const run = await runCli('code', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/syntax\.json:line 3, column \d+: not valid JSON/);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli('code')).code).toBe(2);
    expect((await runCli('code', 'examples/facts/lung-sbrt.json', '--format', 'xml')).code).toBe(2);
    expect((await runCli('code', 'examples/facts/lung-sbrt.json', '--fail-on', 'fatal')).code).toBe(2);
    expect((await runCli('nonsense')).code).toBe(2);
  });
});
