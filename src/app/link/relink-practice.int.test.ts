import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BREAST_TANGENTS,
  IMPLICIT_VR_LITTLE_ENDIAN,
  rtRecord,
  writeDicom,
} from '../../../test/fixtures/dicom/build-rt-record.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { getCourse } from '../queries/courses.js';
import { createPractice } from '../setup/create-practice.js';
import { importFiles, type UploadedFile } from '../import-pipeline/import-files.js';

/**
 * Real-shaped DICOM records through the app's import (stored, re-linked, shown): a record stating its
 * offset on the fall-back night keeps it through storage and the course view; what linking notices about a
 * record shows as a warning of its file, once.
 */
const clinic = JSON.parse(readFileSync('examples/clinic.json', 'utf8'));
const header = (example: string, courseId: string, patientId: string) => {
  const {
    fractions: _f,
    orders: _o,
    necessity: _n,
    ...h
  } = JSON.parse(readFileSync(`examples/courses/${example}`, 'utf8'));
  return { ...h, courseId, patient: { id: patientId }, schedule: [] };
};
const file = (name: string, bytes: Uint8Array | string): UploadedFile => ({
  name,
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
});
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/dicom/${name}`));

describe.each(ENGINES)('re-linking imported records on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it('a record with its offset on the 2026-11-01 fall-back night: stored and shown with it, not held', async () => {
    const { ctx, clock } = await testContext(tdb);
    clock.set(Date.parse('2026-11-03T12:00:00Z'));
    const practiceId = await createPractice(ctx, { name: 'Fall back', clinic });
    const sbrt = { ...header('lung-sbrt.json', 'C-FALL', 'SYN00533') };
    sbrt.plan = { ...sbrt.plan, imageGuidance: null };
    const result = await importFiles(ctx, practiceId, [
      file('courses.json', JSON.stringify([sbrt])),
      file('fx3.dcm', fixture('rtrecord-dst-fall-back-offset.dcm')),
    ]);
    expect(result.files.filter((f) => f.status !== 'imported')).toEqual([]);

    const beams = await ctx.db
      .selectFrom('beams')
      .innerJoin('fractions as f', 'f.id', 'beams.fraction_id')
      .select(['beams.beam_on', 'beams.beam_off', 'f.status'])
      .where('f.practice_id', '=', practiceId)
      .orderBy('beams.beam_on')
      .execute();
    expect(beams.map((b) => [b.beam_on, b.beam_off])).toEqual([
      ['2026-11-01T01:40:10-04:00', '2026-11-01T01:41:10-04:00'],
      ['2026-11-01T01:42:00-04:00', '2026-11-01T01:43:20-04:00'],
    ]);
    expect(beams[0]!.status).not.toBe('hold');

    const { id } = await ctx.db
      .selectFrom('courses')
      .select('id')
      .where('practice_id', '=', practiceId)
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: 'test-biller',
      practiceId,
      role: 'biller',
      displayName: 'Test biller',
      physicianId: null,
    };
    const [f] = (await getCourse(ctx, actor, id)).fractionDetails;
    expect(f!.findings.filter((x) => x.ruleId === 'DOC-010')).toEqual([]);
    expect(f!.beams.map((b) => [b.beamOnLocal, b.beamOnAt])).toEqual([
      ['2026-11-01T01:40:10-04:00', '2026-11-01T05:40:10.000Z'],
      ['2026-11-01T01:42:00-04:00', '2026-11-01T05:42:00.000Z'],
    ]);
  }, 60_000);

  it("a beam part after a NORMAL end is a warning of its file, in the batch's view and stored once", async () => {
    const { ctx, clock } = await testContext(tdb);
    clock.set(Date.parse('2026-03-04T12:00:00Z'));
    const practiceId = await createPractice(ctx, { name: 'Notes', clinic });
    // LT LAT ended NORMAL with its full meterset, and a continuation record delivers it again.
    const normalEnd = rtRecord({
      ...BREAST_TANGENTS,
      sopInstanceUid: '1.2.826.0.1.3680043.10.999.1.90',
      beams: BREAST_TANGENTS.beams.map((b) =>
        b.name === 'LT LAT' ? { ...b, termination: 'NORMAL', delivered: '118.0' } : b,
      ),
    });
    const first = await importFiles(ctx, practiceId, [
      file('courses.json', JSON.stringify([header('breast-left-dibh-alignrt.json', 'C-LBR', 'SYN00417')])),
      file('fx7.dcm', writeDicom(normalEnd, IMPLICIT_VR_LITTLE_ENDIAN)),
      file('fx7-2.dcm', fixture('rtrecord-lt-lat-continuation.dcm')),
    ]);
    const note = /^DICOM beam LT LAT, fraction 7: a part was delivered after the beam had ended NORMAL/;
    const shown = first.files.find((f) => f.name === 'fx7-2.dcm')!.problems;
    expect(shown.filter((p) => note.test(p.message))).toEqual([
      { location: 'fx7-2.dcm', message: expect.stringMatching(note) },
    ]);

    // Another file re-links the practice: the stored file keeps the warning once.
    await importFiles(ctx, practiceId, [file('fx8.dcm', fixture('rtrecord-utc-offset.dcm'))]);
    const stored = await ctx.db
      .selectFrom('imports')
      .select('problems')
      .where('practice_id', '=', practiceId)
      .where('file_name', '=', 'fx7-2.dcm')
      .executeTakeFirstOrThrow();
    const problems = stored.problems as { location: string; message: string }[];
    expect(problems.filter((p) => note.test(p.message))).toHaveLength(1);
  }, 60_000);
});
