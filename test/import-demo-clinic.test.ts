import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoClinic } from '../src/app/demo-data/generate-demo-clinic.js';
import { engineContext } from '../src/app/engine-context.js';
import { isUnlinkedRecordFile } from '../src/app/demo-data/emit-unlinked.js';
import { importClinic } from '../src/app/import-pipeline/import-clinic.js';

/**
 * The whole pipeline (issue #3, "Done when"): a generated clinic written in the real export formats,
 * imported back (format detection, readers, linking, audit), gives the generator's expected outcome for
 * every fraction: status, lines and the rules that fired.
 */
describe('import of a generated clinic', () => {
  it.each([
    [12, 12, 3],
    [20, 30, 11], // crosses the 2026-03-08 DST change
  ])(
    '%i patients, %i days, seed %i: every fraction as expected',
    async (patients, days, seed) => {
      const out = join(mkdtempSync(join(tmpdir(), 'sgrt-e2e-')), 'clinic');
      const generated = await generateDemoClinic({ patients, days, seed, out });
      const run = await importClinic([out], await engineContext({ now: generated.clinic.options.now }));

      expect(run.files.filter((f) => f.status === 'failed')).toEqual([]);
      // Unlinked: only the records the demo makes to match no course.
      expect(run.unlinked.length).toBeGreaterThanOrEqual(3);
      expect(run.unlinked.filter((u) => !isUnlinkedRecordFile(u.source))).toEqual([]);
      expect(run.invalidCourses).toEqual([]);
      const got = new Map(
        run.courses.flatMap(({ audit }) =>
          audit.fractions.map((f) => [
            `${f.courseId}#${f.number}`,
            {
              status: f.status,
              lines: f.lines.map((l) => [l.code, ...l.modifiers].join('-')),
              ruleIds: [
                ...new Set(f.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId)),
              ].sort(),
            },
          ]),
        ),
      );
      const expected = generated.outcome.fractions;
      expect(got.size).toBe(expected.length);
      for (const e of expected) {
        expect(got.get(`${e.courseId}#${e.number}`), `${e.courseId} fraction ${e.number}`).toEqual({
          status: e.status,
          lines: e.lines,
          ruleIds: e.ruleIds,
        });
      }
      // Image reviews keep the modality their record states (CSV column or FHIR text): the demo images
      // with a cone-beam CT on fractions 1, 6, 11… and kV otherwise.
      const reviews = run.courses.flatMap(({ course }) =>
        course.fractions.filter((f) => f.imageGuidance?.performed),
      );
      expect(reviews.length).toBeGreaterThan(0);
      for (const f of reviews)
        expect(f.imageGuidance?.modality, f.id).toBe(f.number % 5 === 1 ? 'CBCT' : 'kV');
      // The emergency session across the spring-forward change: its record states -0500 and writes its
      // second beam at 02:00, a reading the facility's clock skips; read as instants, no DOC-010.
      const night = generated.outcome.defects.find((d) => d.kind === 'dst-night-emergency');
      expect(night, 'the DST-night course').toBeDefined();
      const first = run.courses.find((c) => c.course.courseId === night!.courseId)!;
      expect(first.course.fractions[0]!.date).toBe('2026-03-08');
      expect(first.course.fractions[0]!.beams.map((b) => b.beamOn.slice(11, 13))).toEqual(['01', '03']);
      expect(first.audit.fractions[0]!.findings.filter((x) => x.ruleId === 'DOC-010')).toEqual([]);
      expect(first.audit.fractions[0]!.status).toBe('ready');
    },
    120_000,
  );
});
