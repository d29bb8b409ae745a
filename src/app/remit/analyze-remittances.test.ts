import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Remittance } from '../../core/model/remittance.js';
import { linkCoordination } from '../../core/remit/link-coordination.js';
import { pairReversals } from '../../core/remit/pair-reversals.js';
import { mixed835Files } from '../../../test/support/x12/remit-835-mixed.js';
import { listExportFiles } from '../read/read-export-files.js';
import {
  analyzeRemittanceFiles,
  chargeFromLine,
  fileAppealBy,
  type RemitFileRow,
  type RemitSettings,
  uniquePayments,
} from './analyze-remittances.js';
import { claimEntries, claimId, classifyRemittance } from './classify-remittance.js';
import { linkRemittanceClaims } from './link-remittance-claims.js';
import { remitSettings } from './remit-settings.js';

/**
 * The streamed analysis links claims from a first scan and keeps only the claims that can take part
 * (link-remittance-claims.ts); it must give what pairing and linking give over every claim of every
 * payment held in memory, and the same rows.
 */
let dir: string;
let settings: RemitSettings;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sgrt-remit-analysis-'));
  for (const seed of [1, 2, 3]) {
    const [a, b] = mixed835Files(seed);
    await writeFile(join(dir, `mixed-${seed}-a.835`), a);
    await writeFile(join(dir, `mixed-${seed}-b.835`), b);
  }
  settings = await remitSettings({});
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const LFH = 'test/fixtures/x12/linuxforhealth-x12/835_005010X221A1';
const CASES: { name: string; paths: () => string[] }[] = [
  {
    name: 'the example remittances (reversal across two files, crossover and secondary)',
    paths: () => ['examples/remittances'],
  },
  { name: 'the worklist and reversal fixtures', paths: () => ['test/fixtures/remit'] },
  { name: 'the TR3 examples (secondary, tertiary)', paths: () => [LFH] },
  ...[1, 2, 3].map((seed) => ({
    name: `generated reversals, corrections and payers' answers across two files (seed ${seed})`,
    paths: () => [join(dir, `mixed-${seed}-a.835`), join(dir, `mixed-${seed}-b.835`)],
  })),
  { name: 'all of them at once', paths: () => ['examples/remittances', 'test/fixtures/remit', LFH, dir] },
];

/** Every unique payment held in memory, linked over all its claims (what the analysis did before). */
async function inMemory(paths: readonly string[]) {
  const { files } = await listExportFiles(paths);
  const read: { file: string; remittance: Remittance }[] = [];
  for await (const p of uniquePayments(files, [], [])) read.push(p);
  const entries = claimEntries(read.map((p) => p.remittance));
  const reversals = pairReversals(entries);
  return { files, read, reversals, coordination: linkCoordination(entries, reversals) };
}

describe('analyzeRemittanceFiles links claims as over every claim in memory', () => {
  it.each(CASES)('$name', async ({ paths }) => {
    const expected = await inMemory(paths());
    const links = await linkRemittanceClaims(expected.files, () => uniquePayments(expected.files, [], []));
    expect(links.reversals).toEqual(expected.reversals);
    expect(links.coordination).toEqual(expected.coordination);

    const rows: RemitFileRow[] = [];
    await analyzeRemittanceFiles(paths(), settings, { row: (r) => rows.push(r), payment: () => {} });
    const expectedRows = expected.read.flatMap(({ file, remittance }, payment) =>
      classifyRemittance(file, remittance, settings, chargeFromLine(settings), (_, j) => ({
        otherCoverage: false,
        reversal: expected.reversals.get(claimId(payment, j)) ?? null,
        claimId: claimId(payment, j),
        coordination: expected.coordination,
      })).map(({ match: _match, ...row }) => ({
        ...row,
        appealBy: fileAppealBy(row, remittance.payer.id, settings.profile),
      })),
    );
    expect(rows).toEqual(expectedRows);
  });

  it('the generated files hold every kind of link', async () => {
    const { reversals, coordination } = await inMemory([dir]);
    const roles = new Set([...reversals.values()].map((l) => `${l.role}${l.partner ? '' : ' alone'}`));
    expect([...roles].sort()).toEqual(['correction', 'reversed', 'take-back', 'take-back alone']);
    expect(coordination.size).toBeGreaterThan(0);
  });
});
