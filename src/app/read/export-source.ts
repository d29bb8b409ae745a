import { open, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Bytes enough to tell a file's format (`detectFormat`). */
export const HEAD_BYTES = 8192;

/**
 * A file to read, wherever its bytes are (a path, memory, the uploads table): its format is told from
 * `head()`, its size is checked before `bytes()` loads it, so a file that is skipped or too large is
 * never held in memory.
 */
export interface ExportSource {
  /** How the file is named in results, problems and the records' `source`. */
  name: string;
  size(): Promise<number>;
  head(): Promise<Uint8Array>;
  bytes(): Promise<Uint8Array>;
  /**
   * A file next to this one (clinic.json's `historyMapping` file), or null. Only files on the server's
   * own disk have neighbours: an uploaded name never resolves to a path on the server.
   */
  sibling(relativePath: string): Promise<{ name: string; bytes: Uint8Array } | null>;
}

export function pathSource(path: string): ExportSource {
  return {
    name: path,
    size: async () => (await stat(path)).size,
    head: async () => {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(HEAD_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    bytes: async () => new Uint8Array(await readFile(path)),
    sibling: async (relativePath) => {
      const name = join(dirname(path), relativePath);
      const bytes = await readFile(name).catch(() => null);
      return bytes ? { name, bytes: new Uint8Array(bytes) } : null;
    },
  };
}

export function memorySource(name: string, bytes: Uint8Array): ExportSource {
  return {
    name,
    size: async () => bytes.byteLength,
    head: async () => bytes.subarray(0, HEAD_BYTES),
    bytes: async () => bytes,
    sibling: async () => null,
  };
}
