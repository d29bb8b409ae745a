import { describe, expect, it } from 'vitest';
import { memorySource } from './export-source.js';
import { readExportSources } from './read-export-files.js';

const encode = (text: string) => new TextEncoder().encode(text);
/** `n` entries of a tiny shape, as the attacker's lists: dense in values, light in bytes. */
const list = (n: number, entry: (i: number) => string) =>
  encode(`[${Array.from({ length: n }, (_, i) => entry(i)).join(',')}]`);

/** A good small file next to the large one: it is read all the same (the upload goes on: partial). */
const HISTORY = encode(
  [
    '"Patient ID","Treatment Date","Field Id","Beam On","Beam Off","Delivered MU"',
    '"SYN00417","03/02/2026","F1","08:00:00","08:01:00","200"',
  ].join('\r\n'),
);

describe('a file over its kind’s limit is refused unread, the other files read (document-limits.ts)', () => {
  it.each([
    [
      'courses.json of 300,000 tiny entries (900k values)',
      'courses.json',
      list(300_000, (i) => `{"courseId":"C-${i}","patient":{}}`),
      /^the document holds over 500000 values/,
    ],
    [
      'courses.json over 16 MiB',
      'courses.json',
      encode(`[{"courseId":"C-1","patient":{"name":"${'x'.repeat(17 * 1024 * 1024)}"}}]`),
      /^file is \d+ bytes; the limit for this kind of file is 16777216$/,
    ],
    [
      'FHIR bundle of 300,000 tiny entries',
      'bundle.json',
      encode(
        `{"resourceType":"Bundle","type":"collection","entry":[${Array.from({ length: 300_000 }, () => '{"resource":{}}').join(',')}]}`,
      ),
      /^the document holds over 500000 values/,
    ],
    [
      'R&V history over 16 MiB',
      'history-big.csv',
      encode(
        `"Patient ID","Treatment Date","Field Id","Beam On","Beam Off","Delivered MU"\r\n${'"SYN00417","03/02/2026","F1","08:00:00","08:01:00","200"\r\n'.repeat(300_000)}`,
      ),
      /^file is \d+ bytes; the limit for this kind of file is 16777216$/,
    ],
  ])('%s', async (_, name, bytes, message) => {
    const read = await readExportSources([memorySource(name, bytes), memorySource('history.csv', HISTORY)]);
    const [refused, history] = [read.results[0]!, read.results[1]!];
    expect(refused).toMatchObject({ file: name, status: 'failed', records: 0 });
    expect(refused.problems).toEqual([{ location: name, message: expect.stringMatching(message) }]);
    expect(history).toMatchObject({ status: 'read', records: 1 });
  });

  it('reads a list within the limits', async () => {
    const read = await readExportSources([
      memorySource(
        'courses.json',
        list(1_000, (i) => `{"courseId":"C-${i}"}`),
      ),
    ]);
    // Read (the entries are checked one by one: these lack their fields), not refused by the limits.
    expect(read.results[0]!.problems[0]!.message).not.toMatch(/values|limit/);
  });
});
