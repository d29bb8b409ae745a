import { CompiledQuery, type Kysely } from 'kysely';
import type { Db } from '../../storage/database.js';
import type { Database } from '../../storage/schema.js';
import type { DbReply, DbRequest, ThreadError } from './thread-protocol.js';

interface Held {
  conn: Kysely<Database>;
  inTransaction: boolean;
  release: () => void;
  released: Promise<void>;
}

/**
 * The app's side of remote-database.ts: runs a job thread's statements on connections of the app's own
 * Kysely (PGlite's one connection is handed out as to any other holder, so requests that query wait for
 * the job's transaction as before). `reply` sends the answer back. `close` ends what the thread left
 * open (it died or was stopped mid-transaction): its transactions are rolled back, its connections released.
 */
export function databaseHost(db: Db, reply: (r: DbReply) => void) {
  const held = new Map<number, Held>();
  let nextConnection = 0;

  const acquire = async (): Promise<number> => {
    const id = ++nextConnection;
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    const conn = await new Promise<Kysely<Database>>((ok, fail) => {
      const released = db.connection().execute(async (c) => {
        ok(c);
        await done;
      });
      held.set(id, { conn: undefined!, inTransaction: false, release, released });
      released.catch(fail);
    });
    held.get(id)!.conn = conn;
    return id;
  };

  const run = async (h: Held, sql: string, parameters: readonly unknown[] = []) =>
    h.conn.executeQuery(CompiledQuery.raw(sql, [...parameters]));

  const handle = async (request: DbRequest): Promise<Omit<DbReply, 'type' | 'id'>> => {
    if (request.op === 'acquire') return { connection: await acquire() };
    const h = held.get(request.connection);
    if (!h) throw new Error('no such connection');
    switch (request.op) {
      case 'query': {
        const result = await run(h, request.sql, request.parameters);
        return {
          rows: result.rows,
          ...(result.numAffectedRows !== undefined ? { numAffectedRows: result.numAffectedRows } : {}),
        };
      }
      case 'begin':
        await run(h, 'begin');
        h.inTransaction = true;
        return {};
      case 'commit':
      case 'rollback':
        h.inTransaction = false;
        await run(h, request.op);
        return {};
      case 'release':
        held.delete(request.connection);
        h.release();
        await h.released;
        return {};
    }
  };

  return {
    /** Answers one request of the thread (errors included: they are the thread's to handle). */
    serve(request: DbRequest): void {
      void handle(request).then(
        (answer) => reply({ type: 'db', id: request.id, ...answer }),
        (error: unknown) => reply({ type: 'db', id: request.id, error: crossingError(error) }),
      );
    },
    async close(): Promise<void> {
      for (const [id, h] of held) {
        held.delete(id);
        if (h.inTransaction) await run(h, 'rollback').catch(() => undefined);
        h.release();
        await h.released.catch(() => undefined);
      }
    },
  };
}

/** An error as it crosses to the other thread: class name, code (SQLSTATE or AppError code), message. */
export function crossingError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const { code, problems, issues } = error as Error & {
    code?: unknown;
    problems?: unknown;
    issues?: unknown;
  };
  return {
    // A database error from the job's thread arrives as an Error named after its class.
    name: error.constructor === Error ? error.name : error.constructor.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(Array.isArray(problems) ? { problems } : Array.isArray(issues) ? { problems: issues } : {}),
  } as ThreadError;
}
