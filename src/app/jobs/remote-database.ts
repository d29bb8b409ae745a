import type { MessagePort } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Db } from '../../storage/database.js';
import type { DbReply, DbRequest, ThreadError } from './thread-protocol.js';

type Request = DbRequest extends infer R ? (R extends unknown ? Omit<R, 'type' | 'id'> : never) : never;

/**
 * Kysely in a job's thread on the app's database, which lives in the app's thread (PGlite runs there):
 * every statement is sent over the port and run by `serveDatabase` on a connection it holds for this
 * thread, from acquire to release (a transaction keeps it from begin to commit, as with any driver).
 */
export function remoteDatabase(port: MessagePort): Db {
  const pending = new Map<number, { ok: (r: DbReply) => void; fail: (e: Error) => void }>();
  let nextId = 0;
  port.on('message', (message: DbReply | { type: string }) => {
    if (message.type !== 'db') return;
    const reply = message as DbReply;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiting?.fail(remoteError(reply.error));
    else waiting?.ok(reply);
  });
  const call = (request: Request) =>
    new Promise<DbReply & { error?: never }>((ok, fail) => {
      const id = ++nextId;
      pending.set(id, { ok: ok as (r: DbReply) => void, fail });
      port.postMessage({ type: 'db', id, ...request } as DbRequest);
    });
  return new Kysely<Database>({ dialect: new RemoteDialect(call) });
}

type Call = (request: Request) => Promise<DbReply & { error?: never }>;

/** The database's error as thrown here: same class name, SQLSTATE (`code`) and message. */
function remoteError(e: ThreadError): Error {
  const error = new Error(e.message) as Error & { code?: string };
  error.name = e.name;
  if (e.code !== undefined) error.code = e.code;
  return error;
}

class RemoteDialect implements Dialect {
  constructor(private readonly call: Call) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new RemoteDriver(this.call);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's signature
  createIntrospector(db: any) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class RemoteConnection implements DatabaseConnection {
  constructor(
    private readonly call: Call,
    readonly id: number,
  ) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.call({
      op: 'query',
      connection: this.id,
      sql: compiled.sql,
      parameters: compiled.parameters,
    });
    return {
      rows: (reply.rows ?? []) as R[],
      ...(reply.numAffectedRows !== undefined ? { numAffectedRows: reply.numAffectedRows } : {}),
    };
  }
  // eslint-disable-next-line require-yield -- the import reads no statement as a stream
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported from a job thread');
  }
}

class RemoteDriver implements Driver {
  constructor(private readonly call: Call) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const reply = await this.call({ op: 'acquire' });
    return new RemoteConnection(this.call, reply.connection!);
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await this.call({ op: 'begin', connection: (conn as RemoteConnection).id });
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await this.call({ op: 'commit', connection: (conn as RemoteConnection).id });
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await this.call({ op: 'rollback', connection: (conn as RemoteConnection).id });
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    await this.call({ op: 'release', connection: (conn as RemoteConnection).id });
  }
  async destroy(): Promise<void> {}
}
