import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './cli-errors.js';

/**
 * A password for a new login: from the environment variable `envVar`, else typed twice on the terminal
 * without echo. Never a command-line argument (it would stay in the shell history and the process list).
 */
export async function readPassword(envVar: string, label: string): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError(`set ${envVar}, or run the command in a terminal to type the ${label}`);
  const first = await askHidden(`${label}: `);
  const again = await askHidden(`${label} again: `);
  if (first !== again) throw new UsageError(`the two ${label}s differ`);
  return first;
}

/** One line read from the terminal: the question is shown on stderr, the answer is not echoed. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
