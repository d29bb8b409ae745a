import { loadPdfText, type PdfLimits } from './load-pdf-text.js';

/**
 * Entry of the child process that runs pdf.js for pdf-text-process.ts: one request at a time over IPC
 * (advanced serialization, so the bytes arrive as a Uint8Array), one reply with the same id. Writes
 * nothing else: a hostile PDF that exhausts this process's heap ends only this process.
 */
interface PdfTextRequest {
  id: number;
  bytes: Uint8Array;
  source: string;
  limits: PdfLimits;
}

process.on('message', (request: PdfTextRequest) => {
  void loadPdfText(request.bytes, request.source, request.limits).then((result) =>
    process.send?.({ id: request.id, result }),
  );
});
process.on('disconnect', () => process.exit(0));
