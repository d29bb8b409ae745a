/**
 * pdf.js (run in this thread by unpdf) leaves some of its own promises without a handler when a damaged
 * file makes them fail: an `XRefEntryException` ("Bad (uncompressed) XRef entry") raised while a page's
 * text is streamed reaches no `catch` of ours, and Node ends the process on an unhandled rejection (the
 * default `--unhandled-rejections=throw` since Node 15), so one bad upload would stop the server.
 *
 * Once a PDF has been opened, a listener drops the unhandled rejections that are pdf.js exceptions
 * (pdf.js builds them on its `BaseException`, whose stack names `BaseExceptionClosure`) and raises any
 * other one as Node would have, unless another listener (the host's) is there to deal with it.
 */
let installed = false;

export function isPdfjsException(reason: unknown): boolean {
  return reason instanceof Error && (reason.stack ?? '').includes('BaseExceptionClosure');
}

export function ignorePdfjsRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', function onRejection(reason) {
    if (isPdfjsException(reason)) return;
    if (process.listeners('unhandledRejection').some((l) => l !== onRejection)) return;
    throw reason;
  });
}
