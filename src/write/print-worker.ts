// The PDF printer's thread (see printer.ts): starts Chromium, loads Paged.js
// into a page, then prints the one document it is sent (and finishes it with
// pdf-lib, when asked) and exits.
import { parentPort } from 'node:worker_threads';
import { ToolError } from '../messages/tool-error.js';
import { BrowserMissingError, closeBrowser, launchBrowser } from './browser.js';
import type { FinishedPdf } from './pdf-finish.js';
import { PdfError, preparePage, printPdf, type ProgressStep } from './pdf.js';
import type { FromPrinter, ToPrinter } from './printer.js';

const port = parentPort;
if (!port) throw new Error('print-worker runs as a worker thread');

const browser = launchBrowser(undefined, (started) => send({ type: 'started', ...started }));
// A browser that cannot start is said at once: the build need not finish its checks to learn it.
browser.catch((error: unknown) => {
  if (error instanceof BrowserMissingError) send({ type: 'unavailable', id: error.id, params: error.params as Record<string, unknown> });
});
const page = browser.then(preparePage);
page.catch(() => undefined);

const send = (message: FromPrinter, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', async (message: ToPrinter) => {
  if (message.type === 'close') {
    const ready = await browser.catch(() => undefined);
    await closeBrowser(ready);
    port.close();
    return;
  }
  let finishing = false;
  try {
    // pdf-lib loads while Chromium lays out the pages.
    const finisher = message.finish ? import('./pdf-finish.js') : undefined;
    finisher?.catch(() => undefined);
    const progress = (step: ProgressStep): void => send({ type: 'progress', step });
    // The browser is kept until the PDF is sent (closing it waits for the process to end).
    const printed = await printPdf(message.html, { timeoutMs: message.timeoutMs, progress, browser, page, keepBrowser: true });
    const closed = closeBrowser(await browser);
    let finished: FinishedPdf | undefined;
    if (message.finish && finisher) {
      finishing = true;
      progress({ id: 'pdf.finishing' });
      const { finishPdf } = await finisher;
      const { meta, attachments, standard } = message.finish;
      finished = await finishPdf(printed.bytes, meta, attachments, printed.placements, printed.hints, standard);
    }
    send({ type: 'printed', printed, finished }, [printed.bytes.buffer as ArrayBuffer, ...(finished ? [finished.bytes.buffer as ArrayBuffer] : [])]);
    await closed;
  } catch (error) {
    const kind = error instanceof BrowserMissingError ? 'browser' : error instanceof PdfError ? 'pdf' : finishing ? 'finish' : 'other';
    const tool = error instanceof ToolError ? { id: error.id, params: error.params as Record<string, unknown> } : undefined;
    send({ type: 'failed', kind, id: tool?.id, params: tool?.params, message: (error as Error).message });
  }
  port.close();
});
