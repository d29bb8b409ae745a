import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPdfjsException } from './pdfjs-rejections.js';

const READER = fileURLToPath(new URL('./read-treatment-report.ts', import.meta.url));
const DAMAGED = fileURLToPath(
  new URL('../../../../test/fixtures/alignrt/report/fuzz-bad-xref-entry.pdf', import.meta.url),
);

describe('pdf.js rejections nobody handles', () => {
  // In a process of its own, as the server runs: no test runner listening for unhandled rejections.
  it('a damaged PDF whose text streaming rejects inside pdf.js gives problems, and the process lives on', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { readTreatmentReport } from ${JSON.stringify(READER)};
      const r = await readTreatmentReport(new Uint8Array(readFileSync(${JSON.stringify(DAMAGED)})), 'report.pdf');
      await new Promise((ok) => setTimeout(ok, 200));
      console.log(JSON.stringify({ ok: r.ok, located: r.ok || r.problems.every((p) => p.location.startsWith('report.pdf')) }));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.stderr).not.toMatch(/XRefEntryException/);
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ ok: false, located: true });
  });

  it('tells pdf.js exceptions from other errors', () => {
    const pdfjs = Object.assign(new Error('Bad (uncompressed) XRef entry'), {
      stack: 'Error\n    at BaseExceptionClosure (file:///node_modules/unpdf/dist/pdfjs.mjs:1:6994)',
    });
    expect(isPdfjsException(pdfjs)).toBe(true);
    expect(isPdfjsException(new Error('a bug of ours'))).toBe(false);
    expect(isPdfjsException('not an error')).toBe(false);
  });
});
