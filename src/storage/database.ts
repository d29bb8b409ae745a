import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, type KyselyConfig, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import * as initial from './migrations/0001-initial.js';
import * as worklistIndexes from './migrations/0002-worklist-indexes.js';
import * as remittanceLines from './migrations/0003-remittance-lines.js';
import * as claims from './migrations/0004-claims.js';
import * as referenceData from './migrations/0005-reference-data.js';
import * as letters from './migrations/0006-letters.js';
import * as remittanceWork from './migrations/0007-remittance-work.js';
import * as claimVersions from './migrations/0008-claim-versions.js';
import * as icd10cm from './migrations/0009-icd10cm.js';
import * as remitFilingIndicator from './migrations/0010-remit-filing-indicator.js';
import * as installationOperator from './migrations/0011-installation-operator.js';
import * as coverDesignations from './migrations/0012-cover-designations.js';
import * as signatureListIndexes from './migrations/0013-signature-list-indexes.js';
import * as dashboardRollup from './migrations/0014-dashboard-rollup.js';
import * as remitRefusedClaims from './migrations/0015-remit-refused-claims.js';
import * as contractRatesUnique from './migrations/0016-contract-rates-unique.js';
import * as payerKind from './migrations/0017-payer-kind.js';
import * as uploadChunks from './migrations/0018-upload-chunks.js';
import * as patientRecords from './migrations/0019-patient-records.js';
import * as worklistColumns from './migrations/0020-worklist-columns.js';
import * as writtenDocuments from './migrations/0021-written-documents.js';
import * as unlinkedDismissals from './migrations/0022-unlinked-dismissals.js';
import * as unlinkedLinks from './migrations/0023-unlinked-links.js';
import * as authorizationsOnFile from './migrations/0024-authorizations-on-file.js';
import * as remittanceClaims from './migrations/0025-remittance-claims.js';
import * as listOrderIndexes from './migrations/0026-list-order-indexes.js';
import * as listSearchIndexes from './migrations/0027-list-search-indexes.js';
import * as listWalkIndexes from './migrations/0028-list-walk-indexes.js';
import * as jobCancel from './migrations/0029-job-cancel.js';
import * as accessReason from './migrations/0030-access-reason.js';
import { PGliteDialect } from './pglite-dialect.js';
import { CopyingClient } from './postgres-copy.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** `postgres://…` selects a PostgreSQL server; absent, PGlite keeps its files under `dataDir`. */
  url?: string | undefined;
  /** PGlite data folder; absent, an in-memory database (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL pool size per app instance. */
  poolSize?: number;
  /** Called after each query with its duration (Kysely's query log): the benchmarks time the writes. */
  onQuery?: ((sql: string, ms: number) => void) | undefined;
}

export interface OpenDatabase {
  db: Db;
  engine: Engine;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/** Open the database (PGlite or PostgreSQL) and bring its schema up to date. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  const log = queryLog(options.onQuery);
  const opened = options.url
    ? openPostgres(options.url, options.poolSize ?? 10, log)
    : await openPGlite(options.dataDir, log);
  await migrate(opened.db);
  return opened;
}

function openPostgres(url: string, max: number, log: KyselyConfig['log']): OpenDatabase {
  // Dates of service stay 'YYYY-MM-DD' text (never shifted through the server's zone); int8 stays text.
  type BuiltinOid = (typeof pg.types.builtins)[keyof typeof pg.types.builtins];
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === DATE_OID || oid === INT8_OID
        ? (value: string) => value
        : pg.types.getTypeParser(oid as BuiltinOid, format),
  };
  // jit=off: the worklist queries are short; JIT compilation cost them 65–117 ms each (bench/README.md).
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: types as pg.CustomTypesConfig,
    options: '-c jit=off',
    // Runs copyRows' COPY statements (bulk rows of an import) besides ordinary queries.
    Client: CopyingClient,
  });
  // An idle connection closed by the server (restart, failover) is dropped and replaced by the pool;
  // without a listener node-postgres would raise it as an uncaught error (node-postgres docs, "Pool").
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }), engine: 'postgres' };
}

async function openPGlite(dataDir: string | undefined, log: KyselyConfig['log']): Promise<OpenDatabase> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  return pgliteDatabase(newPGlite({ dataDir }), log);
}

/**
 * A PGlite with the app's type parsers: its files under `dataDir`, else in memory — empty, or started
 * from `loadDataDir`, a data folder PGlite's `dumpDataDir` wrote (the tests' migrated template).
 */
export function newPGlite(options: { dataDir?: string | undefined; loadDataDir?: Blob }): PGlite {
  const keepText = (value: string) => value;
  return new PGlite(options.dataDir ?? 'memory://', {
    // Trigram indexes of the patient search (migrations/0027-list-search-indexes.ts).
    extensions: { pg_trgm },
    parsers: { [DATE_OID]: keepText, [INT8_OID]: keepText },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
}

/** Kysely on an open PGlite (the caller keeps the instance; destroying the Kysely closes it). */
export function pgliteDatabase(pglite: PGlite, log?: KyselyConfig['log']): OpenDatabase {
  return { db: new Kysely<Database>({ dialect: new PGliteDialect(pglite), log }), engine: 'pglite' };
}

/** Kysely's query log calling `onQuery` for every query that completed (none when absent). */
function queryLog(onQuery: DatabaseOptions['onQuery']): KyselyConfig['log'] {
  return onQuery
    ? (event) => {
        if (event.level === 'query') onQuery(event.query.sql, event.queryDurationMillis);
      }
    : undefined;
}

/** The migrations, in order (same SQL on PGlite and PostgreSQL). */
const MIGRATIONS = {
  '0001-initial': initial,
  '0002-worklist-indexes': worklistIndexes,
  '0003-remittance-lines': remittanceLines,
  '0004-claims': claims,
  '0005-reference-data': referenceData,
  '0006-letters': letters,
  '0007-remittance-work': remittanceWork,
  '0008-claim-versions': claimVersions,
  '0009-icd10cm': icd10cm,
  '0010-remit-filing-indicator': remitFilingIndicator,
  '0011-installation-operator': installationOperator,
  '0012-cover-designations': coverDesignations,
  '0013-signature-list-indexes': signatureListIndexes,
  '0014-dashboard-rollup': dashboardRollup,
  '0015-remit-refused-claims': remitRefusedClaims,
  '0016-contract-rates-unique': contractRatesUnique,
  '0017-payer-kind': payerKind,
  '0018-upload-chunks': uploadChunks,
  '0019-patient-records': patientRecords,
  '0020-worklist-columns': worklistColumns,
  '0021-written-documents': writtenDocuments,
  '0022-unlinked-dismissals': unlinkedDismissals,
  '0023-unlinked-links': unlinkedLinks,
  '0024-authorizations-on-file': authorizationsOnFile,
  '0025-remittance-claims': remittanceClaims,
  '0026-list-order-indexes': listOrderIndexes,
  '0027-list-search-indexes': listSearchIndexes,
  '0028-list-walk-indexes': listWalkIndexes,
  '0029-job-cancel': jobCancel,
  '0030-access-reason': accessReason,
};

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
