import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../core/model/input-problem.js';
import type { FhirBundleRead, FhirTime } from './fhir-types.js';
import { looksFhirBundle, readFhirBundle } from './read-fhir-bundle.js';

const DIR = 'test/fixtures/fhir';
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const TEXTS = NAMES.map((f) => readFileSync(`${DIR}/${f}`, 'utf8'));
const DOCS = TEXTS.map((t) => JSON.parse(t) as unknown);
const PHI = [/Testpatient/i, /Synthia/i, /1961-07-04/];
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

/** Whatever the input: a value or problems, every location in the file, no PHI in what is reported. */
function check(r: ReadResult<FhirBundleRead>, source = 'f.json') {
  const reported = r.ok ? r.warnings : r.problems;
  if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  for (const p of reported) {
    expect(p.location.startsWith(source)).toBe(true);
    expect(p.message).not.toBe('internal error while reading the file');
    for (const re of PHI) expect(`${p.location} ${p.message}`).not.toMatch(re);
  }
  if (r.ok) {
    const times: (FhirTime | null | undefined)[] = [
      ...r.value.procedures.flatMap((p) => [
        p.performed.dateTime,
        p.performed.period?.start,
        p.performed.period?.end,
      ]),
      ...r.value.documentReferences.flatMap((d) => [d.date, d.signature?.signedAt]),
      ...r.value.serviceRequests.map((s) => s.authoredOn),
    ];
    for (const t of times) if (t?.localDateTime) expect(t.localDateTime).toMatch(LOCAL);
    for (const p of r.value.patients)
      expect(Object.keys(p).sort()).toEqual(['fullUrl', 'id', 'identifiers', 'source']);
  }
}

const read = (input: string | Uint8Array) => {
  check(readFhirBundle(input, 'f.json'));
  check(readFhirBundle(input, 'f.json', { onBadResource: 'skip', dateAsSigningTime: true }));
};

/** Every path (keys and indexes) in a JSON value. */
function paths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((x, i) => paths(x, [...path, i], out));
  else if (value && typeof value === 'object')
    for (const [k, x] of Object.entries(value)) paths(x, [...path, k], out);
  return out;
}
const PATHS = DOCS.map((d) => paths(d).filter((p) => p.length > 0));

/** A copy of a fixture with the value at `path` replaced (or removed when `value` is undefined). */
function mutate(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  if (value === undefined) delete target[path.at(-1)!];
  else target[path.at(-1)!] = value;
  return copy;
}

describe('readFhirBundle robustness', () => {
  it('returns a value or located problems for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => read(JSON.stringify(value) ?? 'null')),
      { numRuns: 300 },
    );
  });

  it('returns a value or located problems for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        read(bytes);
        expect(typeof looksFhirBundle(bytes)).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('returns a value or located problems for resource-shaped arbitrary objects', () => {
    const types = [
      'ServiceRequest',
      'DocumentReference',
      'Procedure',
      'Practitioner',
      'PractitionerRole',
      'Patient',
      'Coverage',
      'Claim',
      'Provenance',
      'Binary',
      'Organization',
    ];
    const resource = fc
      .tuple(
        fc.constantFrom(...types),
        fc.dictionary(
          fc.constantFrom(
            'id',
            'status',
            'subject',
            'content',
            'extension',
            'performedPeriod',
            'authenticator',
            'target',
            'signature',
            'payor',
            'item',
            'contained',
            'date',
          ),
          fc.jsonValue(),
        ),
      )
      .map(([resourceType, fields]) => ({ ...fields, resourceType }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            fullUrl: fc.constantFrom('urn:uuid:a', 'urn:uuid:b', 'https://x/fhir/Patient/p'),
            resource,
          }),
          { maxLength: 6 },
        ),
        (entry) => read(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry })),
      ),
      { numRuns: 200 },
    );
  });

  it('locates every problem in a mutated fixture (a value replaced by an arbitrary one, or removed)', () => {
    fc.assert(
      fc.property(
        fc
          .nat({ max: DOCS.length - 1 })
          .chain((i) => fc.tuple(fc.constant(i), fc.constantFrom(...PATHS[i]!))),
        fc.option(fc.jsonValue(), { nil: undefined }),
        ([i, path], value) => read(JSON.stringify(mutate(DOCS[i], path, value))),
      ),
      { numRuns: 300 },
    );
  });

  it('survives truncation of every fixture at every 23rd character and random byte flips', () => {
    for (const text of TEXTS) for (let at = 0; at <= text.length; at += 23) read(text.slice(0, at));
    const bytes = TEXTS.map((t) => new Uint8Array(Buffer.from(t, 'utf8')));
    fc.assert(
      fc.property(
        fc.constantFrom(...bytes),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (fixture, flips) => {
          const flipped = fixture.slice();
          for (const [i, b] of flips) flipped[i % flipped.length] = b;
          read(flipped);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a 5 MB string, deep nesting and many entries without trouble', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const doc = DOCS[NAMES.indexOf('sgrt-transaction-bundle.json')] as {
      entry: { resource: Record<string, unknown> }[];
    };
    // JSON.stringify cannot write 50,000 levels (it recurses): the nesting is spliced into the text.
    const DEEP = '"__deep__"';
    const nested = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const withBig = structuredClone(doc);
    withBig.entry[6]!.resource.description = big;
    withBig.entry[7]!.resource.content = [
      { attachment: { contentType: 'text/plain', data: Buffer.from(big).toString('base64') } },
    ];
    const withDeep = structuredClone(doc);
    withDeep.entry[10]!.resource.futureField = '__deep__';
    withDeep.entry[11]!.resource.code = '__deep__';
    withDeep.entry[12]!.resource.extension = ['__deep__'];
    const deepText = JSON.stringify(withDeep).replaceAll(DEEP, nested);
    for (const input of [
      JSON.stringify(withBig),
      deepText,
      `"${big}"`,
      '['.repeat(100_000),
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: Array.from({ length: 20_000 }, (_, i) => ({
          fullUrl: `urn:uuid:${i}`,
          resource: {
            resourceType: 'Procedure',
            status: 'completed',
            subject: { reference: `urn:uuid:${i + 1}` },
          },
        })),
      }),
    ]) {
      read(input);
    }
    const r = readFhirBundle(JSON.stringify(withBig), 'f.json');
    expect(r.ok && r.value.documentReferences[0]!.contents[0]!.text).toHaveLength(big.length);
  });
});
