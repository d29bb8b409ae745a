import { type KyselyPlugin, type RootOperationNode, ValuesNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import { createPractice } from '../setup/create-practice.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { importFiles } from './import-files.js';

// Every COPY statement's data lines (copy-rows.ts sends them as the statement's one parameter).
const copies = vi.hoisted(() => ({ onStatement: (_table: string, _data: string) => {} }));
vi.mock('../../storage/copy-rows.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../storage/copy-rows.js')>();
  return {
    ...actual,
    copyRows: (...[db, table, rows]: Parameters<typeof actual.copyRows>) =>
      actual.copyRows(
        {
          executeQuery: (query: { parameters: readonly unknown[] }) => {
            copies.onStatement(table, String(query.parameters[0]));
            return db.executeQuery(query as never);
          },
        } as unknown as typeof db,
        table,
        rows,
      ),
  };
});

/** Rows each INSERT writes (its VALUES list) and each statement returns, by statement kind and table. */
function statementSizes(record: (what: string, rows: number) => void): KyselyPlugin {
  return {
    transformQuery({ node }: { node: RootOperationNode }) {
      if (node.kind === 'InsertQueryNode' && node.values && ValuesNode.is(node.values))
        record(`insert ${node.into?.table.identifier.name}`, node.values.values.length);
      return node;
    },
    async transformResult({ result }) {
      record('returned', result.rows.length);
      return result;
    },
  };
}

/**
 * An import's statements each carry a bounded number of rows, whatever the size of the batch. On PGlite a
 * statement runs in the app's thread from start to end (its promise settles without an event-loop turn),
 * so the rows one statement writes or returns are work no request can interrupt: a 40-patient import's
 * INSERT of all its files, COPY of all its charges and read of all its patients' records each held the
 * loop 80–280 ms of CPU (bench/README.md, "import-loop-gaps"). Counted, not timed: the largest statement
 * of a 6-patient, 12-day import, in rows (records in KiB), against a bound that a 40-patient import's
 * statements keep to (each well under 50 ms of CPU).
 */
// PGlite only: PostgreSQL runs statements in its own process, and the course saves stay large there for
// COPY's throughput (FRACTIONS_PER_SAVE in audit-and-save.ts).
describe.each(ENGINES.filter((e) => e === 'pglite'))(
  'an import on %s writes and reads in bounded statements',
  (engine) => {
    let tdb: TestDatabase;
    beforeAll(async () => {
      tdb = await openTestDatabase(engine);
    });
    afterAll(() => tdb.close());

    it('no statement carries more than ROWS rows', async () => {
      const demo = await demoUploads({ patients: 6, days: 12, seed: 14 });
      const largest = new Map<string, number>();
      let importing = false;
      const note = (what: string, rows: number) => {
        if (importing) largest.set(what, Math.max(largest.get(what) ?? 0, rows));
      };
      const { ctx, clock } = await testContext({ db: tdb.db.withPlugin(statementSizes(note)), engine });
      clock.set(demo.generated.clinic.options.now);
      const practiceId = await createPractice(ctx, { name: 'Statements', clinic: demo.clinic });
      copies.onStatement = (table, data) =>
        // A patient's slice of a file is one row of any size: its statements are bounded in KiB.
        table === 'import_records'
          ? note('copy import_records (KiB)', Math.ceil(data.length / 1024 / KIB_PER_ROW))
          : note(`copy ${table}`, data.split('\n').length - 1);
      importing = true;
      const result = await importFiles(ctx, practiceId, demo.files);
      importing = false;

      expect(result.summary.courses).toBeGreaterThanOrEqual(6);
      expect(result.files.length).toBeGreaterThan(ROWS);
      const over = [...largest].filter(([, rows]) => rows > ROWS).map(([what, rows]) => `${what}: ${rows}`);
      expect(over).toEqual([]);
    }, 180_000);
  },
);

/** Rows per statement at most. */
const ROWS = 64;
/** A row of records (import_records) counts for this many KiB of COPY data. */
const KIB_PER_ROW = 5;
