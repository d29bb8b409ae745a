import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cmapBombPdf } from '../../../../test/fixtures/alignrt/report/cmap-bomb-pdf.js';
import { readTreatmentReport } from './read-treatment-report.js';

const DIR = new URL('../../../../test/fixtures/alignrt/report/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
/** Generous for a loaded machine; the reader's own budget (timeoutMs, 30 s by default) is below it. */
const TEST_TIMEOUT = 90_000;

describe('pdf.js runs in a capped child process', () => {
  it(
    'a PDF that needs more heap than allowed gives a located problem and the next file still reads',
    async () => {
      // One 2^24-code bfrange: ~900 MB of heap in pdf.js; the child is capped at 128 MiB here.
      // A time budget above the default: on a loaded machine the heap fills after more than 30 s.
      const bomb = await readTreatmentReport(cmapBombPdf(1), 'bomb.pdf', {
        maxHeapMb: 128,
        timeoutMs: 80_000,
      });
      expect(bomb).toEqual({
        ok: false,
        problems: [
          {
            location: 'bomb.pdf',
            message: expect.stringMatching(/needs more memory than allowed \(128 MiB\)/),
          },
        ],
      });
      const next = await readTreatmentReport(fixture('us-single-page.pdf'), 'next.pdf', { maxHeapMb: 128 });
      expect(next.ok).toBe(true);
    },
    TEST_TIMEOUT,
  );

  // pdf.js keeps decoded streams in typed arrays outside the V8 heap (a FlateDecode stream of a few
  // hundred KB inflates to hundreds of MB), so the heap cap alone does not bound the child: its resident
  // memory is watched too. A cap below any Node process's RSS shows the watch ends the child.
  it.runIf(process.platform === 'linux')(
    'a child whose resident memory exceeds maxRssMb is ended with a located problem; the next file reads',
    async () => {
      const over = await readTreatmentReport(fixture('us-single-page.pdf'), 'big.pdf', { maxRssMb: 1 });
      expect(over).toEqual({
        ok: false,
        problems: [
          { location: 'big.pdf', message: expect.stringMatching(/needs more memory than allowed \(1 MiB\)/) },
        ],
      });
      expect((await readTreatmentReport(fixture('us-single-page.pdf'), 'next.pdf')).ok).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'a read stopped by the time budget kills the child; the next file starts a new one',
    async () => {
      const slow = await readTreatmentReport(cmapBombPdf(1), 'slow.pdf', { timeoutMs: 0 });
      expect(slow).toEqual({
        ok: false,
        problems: [{ location: 'slow.pdf', message: expect.stringMatching(/took longer than 0 s/) }],
      });
      expect((await readTreatmentReport(fixture('us-single-page.pdf'), 'next.pdf')).ok).toBe(true);
    },
    TEST_TIMEOUT,
  );

  // Mutated reports from `npm run fuzz` (seed 1) on which pdf.js spent 11–15 s in ToUnicode CMap parsing.
  it.each(['alignrt-report-pdf-seed1-15216.pdf', 'alignrt-report-pdf-seed1-17202.pdf'])(
    'fuzz finding %s ends with a result or a located problem within the time budget',
    async (name) => {
      const result = await readTreatmentReport(fixture(name), name);
      if (!result.ok) expect(result.problems[0]?.location.startsWith(name)).toBe(true);
    },
    TEST_TIMEOUT,
  );
});
