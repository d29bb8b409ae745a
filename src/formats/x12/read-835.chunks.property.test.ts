import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM_COINSURANCE,
  CLAIM_CROSSOVER,
  CLAIMS_REVERSAL_AND_CORRECTION,
  file835,
  paymentHeader,
  set835,
} from '../../../test/support/x12/remit-835-examples.js';
import { fileChunks } from './file-chunks.js';
import { readRemittances, readRemittancesFromBytes } from './read-835.js';
import { type ClaimKeys, scanClaimKeys } from './scan-claim-keys.js';

/**
 * A file of several hundred kilobytes (synthetic claims), larger than a file read's chunk (256 KiB) and
 * than the pieces the splitter decodes at a time (64 KiB), so segments straddle both boundaries.
 */
const SETS = Array.from({ length: 40 }, (_, s) =>
  set835(String(s + 1).padStart(4, '0'), [
    ...paymentHeader('0.00', `EFT${s}`),
    ...Array.from({ length: 30 }, (_, n) => [
      `LX*${n + 1}`,
      ...CLAIM_COINSURANCE,
      ...CLAIMS_REVERSAL_AND_CORRECTION,
      ...CLAIM_CROSSOVER,
    ]).flat(),
  ]),
);
const BYTES = new TextEncoder().encode(file835(...SETS));
const WHOLE = readRemittancesFromBytes(BYTES, 'f.835');

/**
 * The bytes in chunks of the given sizes (cycled), each copied into one buffer reused from chunk to
 * chunk, as `fileChunks` gives them: a reader that kept a chunk would see it overwritten.
 */
async function* reusedChunks(sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(Math.max(...sizes));
  for (let at = 0, i = 0; at < BYTES.length; i++) {
    const size = Math.min(sizes[i % sizes.length]!, BYTES.length - at);
    buffer.set(BYTES.subarray(at, at + size));
    at += size;
    yield buffer.subarray(0, size);
  }
}

async function streamed(source: AsyncIterable<Uint8Array>) {
  const remittances = [];
  const problems = [];
  for await (const r of readRemittances(source, 'f.835')) {
    if (r.ok) remittances.push(r.value);
    else problems.push(...r.problems);
  }
  return { remittances, problems };
}

async function keys(source: AsyncIterable<Uint8Array> | Uint8Array): Promise<ClaimKeys[]> {
  const out: ClaimKeys[] = [];
  await scanClaimKeys(source, (k) => out.push(k));
  return out;
}

describe('835 read in chunks of any size, in a reused buffer', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sgrt-835-chunks-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the file is larger than a read chunk and reads whole without problems', () => {
    expect(BYTES.length).toBeGreaterThan(300 * 1024);
    expect(WHOLE.problems).toEqual([]);
    expect(WHOLE.remittances).toHaveLength(SETS.length);
  });

  it('gives the remittances and claim keys of the whole file, wherever the chunks end', async () => {
    const whole = await keys(BYTES);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 61, max: 300 * 1024 }), { minLength: 1, maxLength: 6 }),
        async (sizes) => {
          const read = await streamed(reusedChunks(sizes));
          expect(read.problems).toEqual([]);
          expect(read.remittances).toEqual(WHOLE.remittances);
          expect(await keys(reusedChunks(sizes))).toEqual(whole);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('reads a file through fileChunks as the bytes in memory', async () => {
    const path = join(dir, 'f.835');
    await writeFile(path, BYTES);
    const read = await streamed(fileChunks(path));
    expect(read.remittances).toEqual(WHOLE.remittances);
    expect(await keys(fileChunks(path))).toEqual(await keys(BYTES));
  });

  it('a file that cannot be read is a located problem with its error code', async () => {
    const read = await streamed(fileChunks(join(dir, 'missing.835')));
    expect(read.problems).toEqual([{ location: 'f.835', message: 'cannot read the file (ENOENT)' }]);
  });
});
