import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ReadResult } from '../../../core/model/input-problem.js';
import { checkPdfBytes, failure, tookTooLong, type PdfLimits, type PdfText } from './load-pdf-text.js';

/**
 * pdf.js in a child process (pdf-text-child.ts), so that a damaged or hostile PDF that needs gigabytes
 * (a ToUnicode bfrange expanded to millions of entries, a huge declared stream) or minutes ends that
 * child, not the server: its V8 heap is capped (`--max-old-space-size`, limits.maxHeapMb), its resident
 * memory is sampled and capped (limits.maxRssMb: decoded streams live outside the heap), and it is
 * killed when limits.timeoutMs passes. A pool of one: the child is reused for the files that follow,
 * one request at a time, and ends itself when idle. The caller always gets a ReadResult.
 */
const IDLE_MS = 10_000;
const STDERR_KEPT = 4_096;
const RSS_SAMPLE_MS = 50;

interface Child {
  process: ChildProcess;
  heapMb: number;
  /** The end of its stderr: only to tell an out-of-memory death, never logged (it could quote the file). */
  stderr: string;
  /** Set when the parent ended it for resident memory above this many MiB. */
  killedAtRssMb?: number;
  idle?: ReturnType<typeof setTimeout>;
}

let current: Child | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

/** The child entry beside this file: `.ts` under tsx or vitest (loaded through tsx), `.js` from dist. */
function childEntry(): { path: string; execArgv: string[] } {
  const own = fileURLToPath(import.meta.url);
  const typescript = own.endsWith('.ts');
  return {
    path: fileURLToPath(new URL(`./pdf-text-child.${typescript ? 'ts' : 'js'}`, import.meta.url)),
    execArgv: typescript ? ['--import', 'tsx'] : [],
  };
}

function startChild(heapMb: number): Child {
  const entry = childEntry();
  const process = fork(entry.path, [], {
    execArgv: [...entry.execArgv, `--max-old-space-size=${heapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const child: Child = { process, heapMb, stderr: '' };
  process.stderr?.setEncoding('utf8');
  process.stderr?.on('data', (text: string) => {
    child.stderr = (child.stderr + text).slice(-STDERR_KEPT);
  });
  process.on('error', () => stopChild(child));
  process.on('exit', () => {
    if (current === child) current = undefined;
  });
  // The parent may exit while this child waits for work: a pending read keeps the parent alive by its timer.
  process.unref();
  process.channel?.unref();
  (process.stderr as Socket | null)?.unref();
  return child;
}

function stopChild(child: Child): void {
  clearTimeout(child.idle);
  if (current === child) current = undefined;
  child.process.kill('SIGKILL');
}

function childFor(heapMb: number): Child {
  if (current && current.heapMb !== heapMb) stopChild(current);
  current ??= startChild(heapMb);
  clearTimeout(current.idle);
  return current;
}

/** Why the child ended mid-read, in words for the person who exported the file (no stderr text). */
function deathProblem(child: Child, source: string): ReadResult<never> {
  const outOfHeap =
    child.process.signalCode === 'SIGABRT' || /out of memory|allocation failed/i.test(child.stderr);
  const allowedMb = child.killedAtRssMb ?? (outOfHeap ? child.heapMb : undefined);
  return failure(
    source,
    allowedMb !== undefined
      ? `the PDF could not be read: it needs more memory than allowed (${allowedMb} MiB); the file looks damaged or hostile`
      : 'the PDF could not be read: the PDF reader stopped on it; the file looks damaged or hostile',
  );
}

function readInChild(bytes: Uint8Array, source: string, limits: PdfLimits): Promise<ReadResult<PdfText>> {
  const child = childFor(limits.maxHeapMb);
  const id = ++nextId;
  return new Promise((resolve) => {
    const finish = (result: ReadResult<PdfText>) => {
      clearTimeout(timer);
      clearInterval(watch);
      child.process.off('message', onMessage);
      child.process.off('exit', onExit);
      resolve(result);
    };
    const onMessage = (reply: { id: number; result: ReadResult<PdfText> }) => {
      if (reply.id !== id) return;
      finish(reply.result);
      child.idle = setTimeout(() => stopChild(child), IDLE_MS).unref();
    };
    const onExit = () => finish(deathProblem(child, source));
    const timer = setTimeout(() => {
      stopChild(child);
      finish(tookTooLong(source, limits));
    }, limits.timeoutMs);
    const watch = setInterval(() => {
      if ((residentMb(child.process.pid) ?? 0) <= limits.maxRssMb) return;
      child.killedAtRssMb = limits.maxRssMb;
      stopChild(child); // its exit answers with deathProblem
    }, RSS_SAMPLE_MS);
    child.process.on('message', onMessage);
    child.process.once('exit', onExit);
    child.process.send({ id, bytes, source, limits }, (error) => {
      if (error) {
        stopChild(child);
        finish(deathProblem(child, source));
      }
    });
  });
}

/** The process's resident set in MiB (Linux /proc/<pid>/status VmRSS), or null where unknown. */
function residentMb(pid: number | undefined): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** loadPdfText's result, computed in the capped child; never throws. Reads run one after another. */
export function loadPdfTextInChild(
  bytes: Uint8Array,
  source: string,
  limits: PdfLimits,
): Promise<ReadResult<PdfText>> {
  const refused = checkPdfBytes(bytes, source, limits);
  if (refused) return Promise.resolve(refused);
  const read = queue.then(() => readInChild(bytes, source, limits));
  queue = read.catch(() => undefined);
  return read;
}
