import pg from 'pg';
import { copyFromStdin } from './copy-rows.js';

/** What node-postgres hands a custom query (its "Submittable" protocol: submit, then the backend's messages). */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** Bytes per CopyData message: the protocol allows any split of the data (manual, "COPY Operations"). */
const CHUNK_BYTES = 1 << 20;

/**
 * `COPY … FROM STDIN` on a node-postgres client: the statement as a simple query, then on the server's
 * CopyInResponse the data as CopyData messages and CopyDone; settled on ReadyForQuery, or on the
 * server's ErrorResponse (PostgreSQL manual, "Frontend/Backend Protocol", "COPY Operations").
 */
class CopyIn {
  callback: ((err: Error | null) => void) | null;
  private rowCount: number | null = null;
  private failed: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    done: (err: Error | null, rowCount: number | null) => void,
  ) {
    this.callback = (err) => done(err, this.rowCount);
  }
  submit(connection: PgConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: PgConnection): void {
    for (let at = 0; at < this.data.length; at += CHUNK_BYTES)
      connection.sendCopyFromChunk(this.data.subarray(at, at + CHUNK_BYTES));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    const n = /^COPY (\d+)$/.exec(msg.text ?? '');
    this.rowCount = n ? Number(n[1]) : null;
  }
  handleError(err: Error): void {
    this.failed ??= err;
    this.settle(err);
  }
  handleReadyForQuery(): void {
    this.settle(this.failed);
  }
  // Not expected from COPY FROM; present because the client may call them on any active query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private settle(err: Error | null): void {
    const callback = this.callback;
    this.callback = null;
    callback?.(err);
  }
}

/**
 * A node-postgres client that runs the COPY statements `copyRows` compiles (copy-rows.ts) with their
 * data, and every other query as node-postgres does. Kysely's PostgreSQL driver calls
 * `client.query(sql, parameters)` and reads `{ command, rowCount, rows }`.
 */
export class CopyingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-postgres' overloads
  override query(config: any, values?: any, callback?: any): any {
    const copy =
      typeof config === 'string' && Array.isArray(values) && typeof callback !== 'function'
        ? copyFromStdin(config, values)
        : null;
    if (!copy) return super.query(config, values, callback);
    return new Promise((resolve, reject) => {
      const query = new CopyIn(copy.sql, Buffer.from(copy.data, 'utf8'), (err, rowCount) =>
        err ? reject(err) : resolve({ command: 'COPY', rowCount, rows: [] }),
      );
      super.query(query as unknown as pg.Submittable);
    });
  }
}
