import { Worker } from 'node:worker_threads';
import type { AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { InputError } from '../engine-context.js';
import type { ImportProgress } from '../imports/import-files.js';
import { databaseHost } from './database-host.js';
import { threadEntry } from './thread-entry.js';
import type { DbRequest, JobInput, JobMessage, ThreadError } from './thread-protocol.js';

/** An unexpected error of a job's thread, by the class it was thrown as (its message may quote data). */
export class JobThreadError extends Error {
  constructor(
    readonly thrown: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs a job in a thread of its own (job-thread.ts) and answers its database statements on the app's
 * database, so that reading, linking and auditing do not hold the app's event loop: between statements
 * it serves other requests. Progress is handed to `onProgress` in order, the thread's log lines to the
 * app's logger. Resolves with the job's result; rejects with the job's AppError or InputError as such,
 * else a JobThreadError. The thread ends with the job (and with it its pdf.js child); whatever it left
 * open in the database is rolled back.
 */
export async function runJobThread(
  ctx: AppContext,
  input: JobInput,
  onProgress: (p: ImportProgress) => Promise<void>,
): Promise<unknown> {
  const worker = new Worker(await threadEntry(), { workerData: input });
  const host = databaseHost(ctx.db, (reply) => worker.postMessage(reply));
  let progress = Promise.resolve();
  const outcome = new Promise<unknown>((resolve, reject) => {
    worker.on('message', (message: JobMessage) => {
      switch (message.type) {
        case 'db':
          host.serve(message as DbRequest);
          break;
        case 'progress':
          progress = progress.then(() => onProgress(message.progress)).catch(() => undefined);
          break;
        case 'log':
          ctx.log[message.level](message.fields, message.message);
          break;
        case 'done':
          resolve(message.result);
          break;
        case 'failed':
          reject(thrownAgain(message.error));
          break;
      }
    });
    worker.once('error', (error) => reject(new JobThreadError(error.constructor.name, error.message)));
    worker.once('exit', (code) => reject(new JobThreadError('exit', `the job thread exited (${code})`)));
  });
  const ended = async () => {
    await worker.terminate();
    await host.close();
    await progress;
  };
  return outcome.then(
    async (result) => (await ended(), result),
    async (error: unknown) => {
      await ended();
      throw error;
    },
  );
}

function thrownAgain(e: ThreadError): Error {
  if (e.name === 'AppError' && e.code) {
    return new AppError(e.code as ConstructorParameters<typeof AppError>[0], e.message, e.problems);
  }
  if (e.name === 'InputError' && e.problems) return new InputError(e.problems);
  return new JobThreadError(e.name, e.message);
}
