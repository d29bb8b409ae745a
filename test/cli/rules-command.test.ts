import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../src/core/rules/catalogue.js';
import { runCli } from '../support/run-cli.js';

describe('sgrt-billing rules', () => {
  it('prints the catalogue as JSON: id, title, severity, source', async () => {
    const run = await runCli('rules');
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout);
    expect(rules).toHaveLength(RULE_CATALOGUE.length);
    for (const r of rules) expect(Object.keys(r).sort()).toEqual(['id', 'severity', 'source', 'title']);
  });

  it('filters by id prefix and prints a table', async () => {
    const run = await runCli('rules', '--id', 'doc-00', '--format', 'table');
    expect(run.stdout).toContain('DOC-008');
    expect(run.stdout).not.toContain('CODE-001');
  });

  it('has unique, well-formed ids, each with a cited source', () => {
    const ids = RULE_CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULE_CATALOGUE) {
      expect(r.id).toMatch(/^(CODE|DOC|PAYER|AUTH|REMIT|CLAIM|EDIT)-\d{3}$/);
      expect(r.source.length).toBeGreaterThan(10);
    }
  });
});
