/**
 * A PostgreSQL database with about `--fractions` fractions for the latency benchmark (issue #4), made
 * quickly and realistically: one generated clinic goes through the real import pipeline (so statuses,
 * findings, charges and signatures are what the audit says), then SQL replicates its rows into N − 1
 * copies with new ids (`INSERT … SELECT … FROM generate_series`), all in the same practice. Copy k gets
 * MRNs and course ids suffixed `-k` and its instants/dates moved back (k mod 52) weeks, so the practice
 * spans a year of treatment. The jsonb documents inside rows (course document, fraction audit) are copied
 * as they are. Indexes and constraints are dropped during the copy and rebuilt after it, then
 * VACUUM ANALYZE (so autovacuum does not start in the middle of a measurement). Claims and remittances
 * are then made from the charges by SQL (app-seed-billing.ts).
 *
 *   node --import tsx bench/app-seed.ts [--fractions 100000] [--db sgrt_bench] [--patients 40] [--days 20]
 *     [--seed 1] [--pg-url postgres://postgres@127.0.0.1:5432/test]
 * Run alone it leaves the database in place (drop it with `dropdb sgrt_bench`); app-latency.ts calls
 * `seedDatabase` and drops it at the end unless --keep.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CompiledQuery } from 'kysely';
import { createUser } from '../src/app/auth/create-user.js';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
import type { Role } from '../src/app/views.js';
import { type Db, type Engine, openDatabase } from '../src/storage/database.js';
import {
  benchContext,
  generateUploads,
  intOption,
  line,
  newPractice,
  option,
  progress,
  recreateDatabase,
  round,
  rowCounts,
  sum,
} from './app-support.js';
import { seedBilling } from './app-seed-billing.js';

export const BENCH_PASSWORD = 'bench-sgrt-2026';
export const BENCH_ROLES: readonly Role[] = ['admin', 'coder', 'physician'];

export interface SeedOptions {
  fractions: number;
  /** PostgreSQL (a database `dbName` on the admin URL's server) or PGlite (files under `dataDir`). */
  engine?: Engine;
  dataDir?: string;
  dbName: string;
  patients: number;
  days: number;
  seed: number;
}

export interface SeededDatabase {
  /** The PostgreSQL URL, or the PGlite data folder. */
  url: string;
  practiceId: string;
  logins: { role: Role; email: string; password: string }[];
  copies: number;
  counts: Record<string, number>;
  seconds: {
    generate: number;
    import: number;
    replicate: number;
    rebuild: number;
    billing: number;
    vacuum: number;
  };
  baseFractions: number;
}

/** The tables a clinic's rows live in, in foreign-key order. */
const TABLES = [
  'patients',
  'authorizations',
  'courses',
  'fractions',
  'beams',
  'monitoring_sessions',
  'documents',
  'signatures',
  'charges',
  'charge_status_history',
  'findings',
] as const;

/** A copy's text id: a UUID derived from the original id and the copy number (stable, unique). */
const id = (column: string) => `md5(${column} || '#' || c.k)::uuid::text`;
/** Instants and dates of copy k move back (k mod 52) weeks. */
const back = (column: string) => `${column} - c.shift`;

/** One INSERT … SELECT per table: the original rows × the copies (temp table `bench_copies`). */
const COPY_SQL: Record<(typeof TABLES)[number], string> = {
  patients: `insert into patients (id, practice_id, mrn, name, birth_date)
    select ${id('t.id')}, t.practice_id, t.mrn || '-' || c.k, t.name, t.birth_date
    from patients t cross join bench_copies c where t.practice_id = $1`,
  authorizations: `insert into authorizations (practice_id, patient_id, patient_mrn, payer, number, codes, fractions_authorized, obtained_on, valid_from, valid_to)
    select t.practice_id, ${id('t.patient_id')}, t.patient_mrn || '-' || c.k, t.payer, t.number, t.codes, t.fractions_authorized,
      (t.obtained_on - c.shift)::date, (t.valid_from - c.shift)::date, (t.valid_to - c.shift)::date
    from authorizations t cross join bench_copies c where t.practice_id = $1`,
  courses: `insert into courses (id, practice_id, patient_id, course_key, physician_id, payer_profile, payer_name, site, header, document, audit, next_beam_on, audited_at)
    select ${id('t.id')}, t.practice_id, ${id('t.patient_id')}, t.course_key || '-' || c.k, t.physician_id,
      t.payer_profile, t.payer_name, t.site, t.header, t.document, t.audit, ${back('t.next_beam_on')}, t.audited_at
    from courses t cross join bench_copies c where t.practice_id = $1`,
  fractions: `insert into fractions (id, practice_id, course_id, fraction_key, number, date_of_service, status, first_beam_on, signature_deadline, audit, payer, physician_id, rule_ids, at_risk_cents)
    select ${id('t.id')}, t.practice_id, ${id('t.course_id')}, t.fraction_key, t.number,
      (t.date_of_service - c.shift)::date, t.status, ${back('t.first_beam_on')}, ${back('t.signature_deadline')}, t.audit,
      t.payer, t.physician_id, t.rule_ids, t.at_risk_cents
    from fractions t cross join bench_copies c where t.practice_id = $1`,
  beams: `insert into beams (fraction_id, name, beam_on, beam_off, radiation_type)
    select ${id('t.fraction_id')}, t.name, t.beam_on, t.beam_off, t.radiation_type
    from beams t join fractions f on f.id = t.fraction_id cross join bench_copies c where f.practice_id = $1`,
  monitoring_sessions: `insert into monitoring_sessions (fraction_id, session_key, system, start_local, end_local, gating_active, thresholds, gaps, excursions)
    select ${id('t.fraction_id')}, t.session_key, t.system, t.start_local, t.end_local, t.gating_active, t.thresholds, t.gaps, t.excursions
    from monitoring_sessions t join fractions f on f.id = t.fraction_id cross join bench_copies c where f.practice_id = $1`,
  documents: `insert into documents (id, practice_id, course_id, fraction_id, kind, document_key, signed)
    select ${id('t.id')}, t.practice_id, ${id('t.course_id')}, ${id('t.fraction_id')}, t.kind, t.document_key, t.signed
    from documents t cross join bench_copies c where t.practice_id = $1`,
  signatures: `insert into signatures (practice_id, document_id, signer_id, signer_role, signed_at, source, user_id)
    select t.practice_id, ${id('t.document_id')}, t.signer_id, t.signer_role, ${back('t.signed_at')}, t.source, t.user_id
    from signatures t cross join bench_copies c where t.practice_id = $1`,
  charges: `insert into charges (id, practice_id, fraction_id, code, modifiers, units, expected_cents, status, reason, updated_at)
    select ${id('t.id')}, t.practice_id, ${id('t.fraction_id')}, t.code, t.modifiers, t.units, t.expected_cents, t.status, t.reason, ${back('t.updated_at')}
    from charges t cross join bench_copies c where t.practice_id = $1`,
  charge_status_history: `insert into charge_status_history (charge_id, status, reason, actor, at)
    select ${id('t.charge_id')}, t.status, t.reason, t.actor, ${back('t.at')}
    from charge_status_history t join charges ch on ch.id = t.charge_id cross join bench_copies c where ch.practice_id = $1`,
  findings: `insert into findings (practice_id, course_id, fraction_id, rule_id, severity, subject, message, evidence, fix)
    select t.practice_id, ${id('t.course_id')}, ${id('t.fraction_id')}, t.rule_id, t.severity, t.subject, t.message, t.evidence, t.fix
    from findings t cross join bench_copies c where t.practice_id = $1`,
};

interface Ddl {
  drop: string;
  create: string;
  foreignKey: boolean;
}

/** One statement on one connection (the temp table and settings must stay on it), on either engine. */
type Query = <R>(text: string, params?: readonly unknown[]) => Promise<{ rows: R[] }>;

/** Primary keys, unique constraints, foreign keys and indexes touching the copied tables. */
async function indexDdl(client: { query: Query }): Promise<Ddl[]> {
  const constraints = await client.query<{ tbl: string; name: string; def: string; type: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def, contype as type
     from pg_constraint
     where contype in ('p', 'u', 'f')
       and (conrelid::regclass::text = any($1) or (contype = 'f' and confrelid::regclass::text = any($1)))`,
    [TABLES],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def
     from pg_index i
     where indrelid::regclass::text = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [TABLES],
  );
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return [
    ...constraints.rows.map((c) => ({
      drop: `alter table ${c.tbl} drop constraint ${q(c.name)}`,
      create: `alter table ${c.tbl} add constraint ${q(c.name)} ${c.def}`,
      foreignKey: c.type === 'f',
    })),
    ...indexes.rows.map((i) => ({ drop: `drop index ${i.name}`, create: i.def, foreignKey: false })),
  ];
}

export async function seedDatabase(options: SeedOptions): Promise<SeededDatabase> {
  let t = performance.now();
  const lap = () => {
    const s = (performance.now() - t) / 1000;
    t = performance.now();
    return round(s, 1);
  };
  progress(`generating the base clinic (${options.patients} patients × ${options.days} days)…`);
  const clinic = await generateUploads(options.patients, options.days, options.seed);
  const generate = lap();
  const pglite = options.engine === 'pglite';
  if (pglite && !options.dataDir) throw new Error('seedDatabase: PGlite needs a data folder');
  const url = pglite ? options.dataDir! : await recreateDatabase(options.dbName);
  const open = () => openDatabase(pglite ? { dataDir: url } : { url, poolSize: 2 });
  const { db, engine } = await open();
  let practiceId: string;
  let baseFractions: number;
  const logins: SeededDatabase['logins'] = [];
  let importSeconds: number;
  try {
    const ctx = await benchContext(db, engine, clinic.now);
    practiceId = await newPractice(ctx, clinic);
    progress('importing the base clinic through importFiles…');
    lap();
    const result = await importFiles(ctx, practiceId, clinic.files);
    importSeconds = lap();
    baseFractions = result.summary.fractions;
    const physician = await db
      .selectFrom('courses')
      .select('physician_id')
      .where('practice_id', '=', practiceId)
      .groupBy('physician_id')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .orderBy('physician_id')
      .executeTakeFirstOrThrow();
    for (const role of BENCH_ROLES) {
      const email = `${role}@bench.test`;
      await createUser(ctx, {
        practiceId,
        email,
        password: BENCH_PASSWORD,
        displayName: `Bench ${role}`,
        role,
        physicianId: physician.physician_id,
      });
      logins.push({ role, email, password: BENCH_PASSWORD });
    }
  } catch (e) {
    await db.destroy();
    throw e;
  }
  if (!baseFractions) throw new Error('the base clinic imported no fractions');
  const copies = Math.max(1, Math.ceil(options.fractions / baseFractions));

  let replicate = 0;
  let rebuild = 0;
  let vacuum = 0;
  let billing = 0;
  await onOneConnection(db, async (client) => {
    await client.query(`set maintenance_work_mem = '256MB'`);
    await client.query(
      `create temp table bench_copies as
       select k, ((k % 52) * 7) * interval '1 day' as shift from generate_series(1, $1::int) as k`,
      [copies - 1],
    );
    const ddl = await indexDdl(client);
    if (copies > 1) {
      progress(`replicating ${baseFractions} fractions × ${copies - 1} copies…`);
      lap();
      for (const d of ddl.filter((x) => x.foreignKey)) await client.query(d.drop);
      for (const d of ddl.filter((x) => !x.foreignKey)) await client.query(d.drop);
      // A copy's charges are its original's, so its at-risk cents are copied with the fraction; the
      // triggers that keep them (0027-list-search-indexes.ts) would recount every fraction per statement
      // without the charges' index (dropped for the copy): off for the copy, on again after.
      await client.query('alter table charges disable trigger charges_at_risk_insert');
      for (const table of TABLES) {
        await client.query(COPY_SQL[table], [practiceId]);
        progress(`  ${table} copied`);
      }
      await client.query('alter table charges enable trigger charges_at_risk_insert');
      replicate = lap();
      progress('rebuilding indexes and constraints…');
      for (const d of ddl.filter((x) => !x.foreignKey)) await client.query(d.create);
      for (const d of ddl.filter((x) => x.foreignKey)) await client.query(d.create);
      rebuild = lap();
    }
    progress('claims and remittances from the charges (app-seed-billing.ts)…');
    await seedBilling(client.query, practiceId);
    billing = lap();
    progress('vacuum analyze…');
    lap();
    await client.query('vacuum analyze');
    vacuum = lap();
  }).finally(() => db.destroy());
  const check = await open();
  const counts = await rowCounts(check.db, TABLES);
  await check.db.destroy();
  return {
    url,
    practiceId,
    logins,
    copies,
    counts,
    baseFractions,
    seconds: { generate, import: importSeconds, replicate, rebuild, billing, vacuum },
  };
}

/** `work` with statements on one connection of `db` (pinned: temp tables and settings live on it). */
function onOneConnection(db: Db, work: (client: { query: Query }) => Promise<void>): Promise<void> {
  return db.connection().execute((conn) =>
    work({
      query: async <R>(text: string, params: readonly unknown[] = []) => {
        const r = await conn.executeQuery<R>(CompiledQuery.raw(text, [...params]));
        return { rows: [...r.rows] };
      },
    }),
  );
}

/** The JSON line of a seed: time against the import pipeline's own rate, and the row counts. */
export function reportSeed(seeded: SeededDatabase, options: SeedOptions): void {
  const s = seeded.seconds;
  const total = s.generate + s.import + s.replicate + s.rebuild + s.billing + s.vacuum;
  const fractions = seeded.counts.fractions ?? 0;
  const pipeline = (fractions * s.import) / seeded.baseFractions;
  line('app-seed', {
    metric: 'seed_seconds',
    value: round(total, 1),
    unit: 's',
    baseline: round(pipeline),
    baseline_name:
      'importFiles at the rate measured on the base clinic in this run, extrapolated to the same fractions',
    ratio: round(pipeline / total, 1),
    fractions,
    target: options.fractions,
    base: {
      patients: options.patients,
      days: options.days,
      seed: options.seed,
      fractions: seeded.baseFractions,
    },
    copies: seeded.copies,
    seconds: s,
    rows: sum(seeded.counts),
    rows_by_table: seeded.counts,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options: SeedOptions = {
    fractions: intOption('fractions', 100_000),
    dbName: option('db', 'sgrt_bench'),
    patients: intOption('patients', 40),
    days: intOption('days', 20),
    seed: intOption('seed', 1),
  };
  const seeded = await seedDatabase(options);
  reportSeed(seeded, options);
  progress(
    `database ${options.dbName} left in place (${seeded.url}); logins ${BENCH_ROLES.join(', ')}@bench.test`,
  );
}
