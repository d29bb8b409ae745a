import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

let bundled: Promise<URL> | undefined;

/**
 * The job thread's module, beside run-job-thread: from dist, `job-thread.js`. From the `.ts` sources
 * (tsx, vitest) it is `job-thread.ts` bundled by esbuild into one ES module (a `data:` URL, built once
 * per process) whose packages are imported from where they are installed. Node 20 does not pass tsx's
 * module hooks on to a thread, and tsx registered in the thread loads its ~300 modules through a hooks
 * thread of its own: measured on a 2-patient import, the job thread grew the process's peak RSS by
 * 112–120 MiB under tsx against 46–48 MiB bundled or compiled, so tests would measure a cost the
 * server does not have.
 */
export function threadEntry(): Promise<URL> {
  const own = fileURLToPath(import.meta.url);
  if (!own.endsWith('.ts')) return Promise.resolve(new URL('./job-thread.js', import.meta.url));
  bundled ??= bundle(fileURLToPath(new URL('./job-thread.ts', import.meta.url)));
  return bundled;
}

async function bundle(entry: string): Promise<URL> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'sources-in-place',
        setup(b) {
          // A package stays a package, imported from its installed file (a data: module has no folder).
          b.onResolve({ filter: /^[^./]/ }, async (a) => {
            if (a.pluginData === 'resolving') return undefined;
            if (a.path.startsWith('node:')) return { path: a.path, external: true };
            const found = await b.resolve(a.path, {
              kind: a.kind,
              resolveDir: a.resolveDir,
              pluginData: 'resolving',
            });
            return { path: pathToFileURL(found.path).href, external: true };
          });
          // Each source keeps its own import.meta.url (the AlignRT PDF reader finds its child beside it).
          b.onLoad({ filter: /\.ts$/ }, async (a) => ({
            contents: (await readFile(a.path, 'utf8')).replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(a.path).href),
            ),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.text;
  return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
