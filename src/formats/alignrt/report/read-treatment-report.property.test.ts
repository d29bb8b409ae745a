import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTreatmentReport } from './read-treatment-report.js';
import type { ReadTreatmentReportOptions } from './report-types.js';

/**
 * Robustness: any bytes give `ok` or located problems, never an exception or a hang. PDF parsing is slow
 * (tens of ms a file), so the runs are few; a hang would show as the test's timeout.
 */
const DIR = new URL('../../../../test/fixtures/alignrt/report/', import.meta.url);
const FIXTURES = [
  'report-single-session.pdf',
  'multi-page-dmy-24h.pdf',
  'us-single-page.pdf',
  'right-column-first.pdf',
];
const bytesOf = Object.fromEntries(
  FIXTURES.map((name) => [name, new Uint8Array(readFileSync(new URL(name, DIR)))]),
);
const PHI =
  /SAMPLE, PATIENT|SYN00417|11\/9\/1960|TESTCASE|Bertha|SYN20871|05\/11\/1958|ZZTEST|ALICE|SYN30552|2\/29\/1964/;
const TIMEOUT = 60_000;

async function expectWellFormed(bytes: Uint8Array, source: string, options: ReadTreatmentReportOptions = {}) {
  const result = await readTreatmentReport(bytes, source, options);
  const messages = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  for (const { location, message } of messages) {
    expect(location === source || location.startsWith(`${source}:page `)).toBe(true);
    expect(message.length).toBeGreaterThan(0);
  }
  expect(JSON.stringify(messages)).not.toMatch(PHI);
  return result;
}

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('readTreatmentReport on arbitrary bytes', () => {
  it(
    'arbitrary bytes, with and without a PDF header',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (junk, header) => {
          const bytes = header ? concat(ascii('%PDF-1.7\n'), junk) : junk;
          const result = await expectWellFormed(bytes, 'junk.pdf');
          expect(result.ok).toBe(false);
        }),
        { numRuns: 40 },
      );
    },
    TIMEOUT,
  );

  it(
    'fixtures truncated, with flipped bytes, or with inserted junk',
    async () => {
      const mutation = fc.oneof(
        fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({
          kind: fc.constant('flip' as const),
          flips: fc.array(
            fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
            {
              minLength: 1,
              maxLength: 20,
            },
          ),
        }),
        fc.record({
          kind: fc.constant('insert' as const),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          junk: fc.uint8Array({ minLength: 1, maxLength: 512 }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...FIXTURES),
          mutation,
          fc.constantFrom('MDY', 'DMY'),
          async (name, m, order) => {
            const original = bytesOf[name]!;
            let bytes: Uint8Array;
            if (m.kind === 'truncate') bytes = original.slice(0, Math.floor(original.length * m.at));
            else if (m.kind === 'insert') {
              const at = Math.floor(original.length * m.at);
              bytes = concat(original.subarray(0, at), m.junk, original.subarray(at));
            } else {
              bytes = original.slice();
              for (const [where, value] of m.flips) bytes[Math.floor(where * (bytes.length - 1))] = value;
            }
            await expectWellFormed(bytes, name, { dateOrder: order as 'MDY' | 'DMY' });
          },
        ),
        { numRuns: 60 },
      );
    },
    TIMEOUT,
  );
});

describe('readTreatmentReport on hostile PDFs', () => {
  /** A minimal PDF around the given objects (no valid cross-reference table: pdf.js rebuilds it). */
  const pdf = (...objects: string[]) =>
    ascii(
      `%PDF-1.7\n${objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join('')}trailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    );

  it(
    'refuses more pages than the limit, and survives a page count that lies',
    async () => {
      const n = 250;
      const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
      const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';
      const many = pdf(
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`,
        ...Array(n).fill(page),
      );
      expect(await expectWellFormed(many, 'many.pdf')).toEqual({
        ok: false,
        problems: [{ location: 'many.pdf', message: expect.stringMatching(/250 pages, more than the 200/) }],
      });
      const lying = pdf(
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>',
        page,
      );
      expect((await expectWellFormed(lying, 'lying.pdf')).ok).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'survives deeply nested arrays and dictionaries',
    async () => {
      const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
      const dicts = `${'<< /A '.repeat(50_000)}1${' >>'.repeat(50_000)}`;
      const bytes = pdf(
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${deep} >>`,
        `<< /Type /Page /Parent 2 0 R /Y ${dicts} >>`,
      );
      await expectWellFormed(bytes, 'deep.pdf');
    },
    TIMEOUT,
  );

  it(
    'survives a 5 MB line of junk after a header, and stops reading a page with too much text',
    async () => {
      await expectWellFormed(
        concat(ascii('%PDF-1.4\n'), new Uint8Array(5 * 1024 * 1024).fill(0x41)),
        'line.pdf',
      );
      const ops = 'BT /F1 9 Tf 10 10 Td (x) Tj ET\n'.repeat(60_000);
      const bytes = pdf(
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      );
      expect(await expectWellFormed(bytes, 'ops.pdf')).toEqual({
        ok: false,
        problems: [
          { location: 'ops.pdf:page 1', message: expect.stringMatching(/more than 5000 text items/) },
        ],
      });
    },
    TIMEOUT,
  );
});
