import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { createAppContext } from '../app-context-factory.js';
import type { AppLogger } from '../app-context.js';
import { importSources } from '../imports/import-files.js';
import { storedUploadSource } from '../imports/stored-upload-source.js';
import { repricePractice } from '../reference/reprice.js';
import { crossingError } from './database-host.js';
import { remoteDatabase } from './remote-database.js';
import type { JobInput, JobMessage } from './thread-protocol.js';

/**
 * Entry of a job's thread (run-job-thread.ts starts it): the CPU-heavy part of an import or a
 * re-pricing — reading and parsing the files (AlignRT report PDFs in this thread's own pdf.js child),
 * splitting records by patient, linking, auditing, building the rows — runs here, off the app's event
 * loop; every database statement goes to the app's thread, which only runs it.
 */
const port = parentPort as MessagePort;
const input = workerData as JobInput;
const send = (message: JobMessage) => port.postMessage(message);

const log: AppLogger = {
  info: (fields, message) => send({ type: 'log', level: 'info', fields, message }),
  warn: (fields, message) => send({ type: 'log', level: 'warn', fields, message }),
  error: (fields, message) => send({ type: 'log', level: 'error', fields, message }),
};

async function run(): Promise<unknown> {
  const db = remoteDatabase(port);
  const ctx = await createAppContext({ db, engine: input.engine, log, now: () => input.now });
  const onProgress = (progress: Parameters<NonNullable<Parameters<typeof repricePractice>[2]>>[0]) =>
    send({ type: 'progress', progress });
  if (input.kind === 'reprice') return { summary: await repricePractice(ctx, input.practiceId, onProgress) };
  const sources = input.files.map((f) => storedUploadSource(db, f));
  return importSources(ctx, input.practiceId, sources, { jobId: input.jobId, onProgress });
}

run().then(
  (result) => send({ type: 'done', result }),
  (error: unknown) => send({ type: 'failed', error: crossingError(error) }),
);
