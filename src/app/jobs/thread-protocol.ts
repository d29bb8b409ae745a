import type { InputProblem } from '../../core/model/input-problem.js';
import type { Engine } from '../../storage/database.js';
import type { StoredUpload } from '../../storage/repositories/upload-store.js';
import type { ImportProgress } from '../imports/import-files.js';

/**
 * The messages between a job's thread (job-thread.ts) and the app's thread (run-job-thread.ts). Only
 * plain data crosses (structured clone): the database stays in the app's thread and the job's thread
 * sends it SQL statements (remote-database.ts ↔ database-host.ts).
 */

/** What a job's thread is given to run. */
export interface JobInput {
  kind: 'import' | 'reprice';
  jobId: string;
  practiceId: string;
  engine: Engine;
  /** The app's clock when the job started: the job audits at this instant. */
  now: number;
  /** An import's stored files (their bytes are read through the database when their turn comes). */
  files: StoredUpload[];
}

/** A request of the job's thread to the database host; each is answered by a `DbReply` with its id. */
export type DbRequest =
  | { type: 'db'; id: number; op: 'acquire' }
  | { type: 'db'; id: number; op: 'begin' | 'commit' | 'rollback' | 'release'; connection: number }
  | { type: 'db'; id: number; op: 'query'; connection: number; sql: string; parameters: readonly unknown[] };

export type DbReply =
  | { type: 'db'; id: number; connection?: number; rows?: unknown[]; numAffectedRows?: bigint }
  | { type: 'db'; id: number; error: ThreadError };

/** An error as it crosses: its class, the app's error code or the database's SQLSTATE, its message. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  problems?: InputProblem[];
}

/** What the job's thread tells the app's thread besides database requests. */
export type JobMessage =
  | DbRequest
  | { type: 'progress'; progress: ImportProgress }
  | {
      type: 'log';
      level: 'info' | 'warn' | 'error';
      fields: Record<string, unknown>;
      message: string;
    }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ThreadError };
