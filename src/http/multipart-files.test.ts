import { describe, expect, it } from 'vitest';
import { ApiError } from './api-errors.js';
import { multipartFiles } from './multipart-files.js';

/** A multipart body as a browser (undici's FormData encoder) sends it, and its content type. */
async function encoded(form: FormData): Promise<{ body: Uint8Array; type: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    type: request.headers.get('content-type')!,
  };
}

/** The body delivered in pieces of `size` bytes, so a delimiter may be cut anywhere. */
function inPieces(body: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(body.slice(at, at + size));
      at += size;
    },
  });
}

async function read(body: Uint8Array, type: string, size: number, max = 1e9, skip = new Set<string>()) {
  const out: { name: string; text: string }[] = [];
  for await (const file of multipartFiles(inPieces(body, size), type, 'files', max)) {
    if (skip.has(file.name)) continue; // not consumed: must be skipped, not mixed into the next
    const pieces: Uint8Array[] = [];
    for await (const piece of file.data) pieces.push(piece);
    out.push({ name: file.name, text: Buffer.concat(pieces).toString('latin1') });
  }
  return out;
}

const tricky = '\r\n--not-the-boundary\r\n' + 'x'.repeat(300) + '\r\n-';

describe('streamed multipart files (RFC 7578)', () => {
  it.each([1, 3, 7, 64, 1000, 1 << 20])(
    'gives every file whole when the body comes in %i-byte pieces',
    async (size) => {
      const form = new FormData();
      form.append('note', 'a text field, not a file');
      form.append('files', new Blob([tricky]), 'a.csv');
      form.append('files', new Blob([]), 'empty.json');
      form.append('other', new Blob(['ignored']), 'other.bin');
      form.append('files', new Blob(['café "quoted"']), 'Fraction "1" é.pdf');
      const { body, type } = await encoded(form);
      expect(await read(body, type, size)).toEqual([
        { name: 'a.csv', text: tricky },
        { name: 'empty.json', text: '' },
        { name: 'Fraction "1" é.pdf', text: Buffer.from('café "quoted"').toString('latin1') },
      ]);
    },
  );

  it('skips a file the consumer did not read', async () => {
    const form = new FormData();
    form.append('files', new Blob(['first'.repeat(1000)]), 'first.txt');
    form.append('files', new Blob(['second']), 'second.txt');
    const { body, type } = await encoded(form);
    expect(await read(body, type, 100, 1e9, new Set(['first.txt']))).toEqual([
      { name: 'second.txt', text: 'second' },
    ]);
  });

  it('refuses a body over the limit with 413 while it arrives, and a broken body with 400', async () => {
    const form = new FormData();
    form.append('files', new Blob(['x'.repeat(5000)]), 'big.bin');
    const { body, type } = await encoded(form);
    const code = async (b: Uint8Array, t: string, max: number) =>
      read(b, t, 512, max).then(
        () => 'ok',
        (e: unknown) => (e instanceof ApiError ? e.code : 'other'),
      );
    expect(await code(body, type, body.length)).toBe('ok');
    expect(await code(body, type, 4000)).toBe('too_large');
    expect(await code(body.subarray(0, 3000), type, 1e9)).toBe('invalid_input');
    expect(await code(body, 'multipart/form-data', 1e9)).toBe('invalid_input');
  });
});
