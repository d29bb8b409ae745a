import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import { createPractice } from '../setup/create-practice.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { importFiles } from './import-files.js';

// Each call of the linker is one unit of the import's work (a group of patients linked).
const links = vi.hoisted(() => ({ onCall: (_patients: number) => {} }));
vi.mock('../link/link-courses.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../link/link-courses.js')>();
  return {
    ...actual,
    linkCourses: (...args: Parameters<typeof actual.linkCourses>) => {
      links.onCall(new Set(args[0].headers.map((h) => h.patient.id)).size);
      return actual.linkCourses(...args);
    },
  };
});

/**
 * An import leaves the event loop to other requests between its units of work: a file read, a group of
 * patients linked, a course audited and stored. PGlite runs in the app's thread and its promises settle
 * without an event-loop turn, so without explicit turns the whole import ran as one chain of microtasks
 * and `GET /api/health` waited for its end (seconds; bench/README.md, "import-responsiveness"). Counted,
 * not timed: a setImmediate callback that re-schedules itself runs once per loop iteration, after the poll
 * phase in which the server accepts and reads requests (Node.js docs, "The Node.js Event Loop"); it must
 * run between every two units.
 */
describe.each(ENGINES)('an import on %s gives the event loop turns', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it('a turn between every two files read, patient groups linked and courses stored', async () => {
    const demo = await demoUploads({ patients: 4, days: 2, seed: 14 });
    const { ctx, clock } = await testContext(tdb);
    clock.set(demo.generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Turns', clinic: demo.clinic });

    // 'r' a file read, 'l' a group linked, 's' a course stored, '.' a turn of the event loop.
    let events = '';
    let patientsLinked = 0;
    links.onCall = (patients) => {
      events += 'l';
      patientsLinked = Math.max(patientsLinked, patients);
    };
    let importing = true;
    const turn = () => {
      events += '.';
      if (importing) setImmediate(turn);
    };
    setImmediate(turn);
    const result = await importFiles(ctx, practiceId, demo.files, {
      onProgress: (p) => void (events += p.phase === 'read' ? 'r' : 's'),
    });
    importing = false;

    expect(result.summary.courses).toBeGreaterThanOrEqual(4);
    const units = events.replaceAll('.', '');
    expect(units).toMatch(/^r+l+s+$/);
    // Linked one patient at a time (no coder's link ties two of these patients together).
    expect(patientsLinked).toBe(1);
    expect(units.match(/l/g)!.length).toBeGreaterThanOrEqual(4);
    // Two units in a row with no turn between them: none.
    expect([...events.matchAll(/[rls]{2}/g)].map((m) => `${m[0]} at ${m.index}`)).toEqual([]);
  }, 120_000);
});
