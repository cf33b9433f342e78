import { Worker } from 'node:worker_threads';
import type { TextId } from '../messages/catalogue.js';
import { BrowserMissingError, removeBrowser } from './browser.js';
import type { AttachedAppendix, FinishedPdf, PdfMetadata, PdfStandardChoice } from './pdf-finish.js';
import { PdfError, timeoutSeconds, type Printed, type Progress, type ProgressStep } from './pdf.js';

/** What finishing the printed PDF takes besides the print itself (see finishPdf). */
export interface FinishRequest {
  meta: PdfMetadata;
  attachments: Map<number, AttachedAppendix>;
  standard: PdfStandardChoice;
}

/** What the build sends the printer's thread. */
export type ToPrinter = { type: 'print'; html: string; timeoutMs: number; finish?: FinishRequest | undefined } | { type: 'close' };

/** What the printer's thread answers. */
export type FromPrinter =
  | { type: 'started'; pid: number; profile: string }
  | { type: 'unavailable'; id: string; params: Record<string, unknown> }
  | { type: 'progress'; step: ProgressStep }
  | { type: 'printed'; printed: Printed; finished?: FinishedPdf | undefined }
  | { type: 'failed'; kind: 'browser' | 'pdf' | 'finish' | 'other'; id: string | undefined; params: Record<string, unknown> | undefined; message: string };

/** Prints one document, in a thread of its own. */
export interface Printer {
  /**
   * Prints the document; with `finish`, the printer's thread may also
   * finish the PDF (pdf-lib), so that this thread goes on with the other
   * outputs meanwhile. A printer that gives no `finished` (the preview's
   * kept layout) leaves the finishing to buildPdf.
   */
  print(html: string, options: { timeoutMs: number; progress: Progress; finish?: FinishRequest | undefined }): Promise<Printed & { finished?: FinishedPdf | undefined }>;
  /** Stops the printer without printing (the report had errors). */
  close(): Promise<void>;
}

/** A tool error sent over from the printer's thread, made again of its text id and parameters. */
function revive<E>(Kind: abstract new (...args: never[]) => E, id: string, params: Record<string, unknown> | undefined): E {
  return new (Kind as unknown as new (id: TextId, params: Record<string, unknown>) => E)(id as TextId, params ?? {});
}

/** Bytes sent over from the thread, as a plain Uint8Array. */
const asBytes = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** How long past the print's own time limit the thread may take to answer before it is stopped. */
const GRACE_MS = 10_000;

/**
 * Starts the printer: a worker thread that starts Chromium and loads
 * Paged.js into a page at once, while this thread checks the report. In this
 * thread, every step of talking to the browser (a round trip each) waited
 * for whatever the check or the open data were doing: the page was ready a
 * fifth of a second after the report.
 */
export function startPrinter(onUnavailable?: (error: BrowserMissingError) => void): Printer {
  const worker = new Worker(new URL('./print-worker.js', import.meta.url));
  let finished = false;
  // The thread's browser goes with this process, also when it exits in the middle (Ctrl-C).
  let browser: { pid: number; profile: string } | undefined;
  const cleanUp = (): void => {
    if (browser) removeBrowser(browser.pid, browser.profile);
  };
  process.once('exit', cleanUp);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      process.removeListener('exit', cleanUp);
      resolve();
    }),
  );
  worker.on('error', () => undefined);
  worker.on('message', (message: FromPrinter) => {
    if (message.type === 'started') browser = { pid: message.pid, profile: message.profile };
    if (message.type === 'unavailable') onUnavailable?.(revive(BrowserMissingError, message.id, message.params));
  });
  return {
    print(html, options) {
      return new Promise<Printed & { finished?: FinishedPdf | undefined }>((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
          void worker.terminate();
          reject(new PdfError('pdf.timeout', { seconds: timeoutSeconds(options.timeoutMs) }));
        }, options.timeoutMs + GRACE_MS);
        const settle = (): boolean => {
          const first = !settled;
          settled = true;
          finished = true;
          clearTimeout(timer);
          return first;
        };
        worker.on('message', (message: FromPrinter) => {
          if (message.type === 'started' || message.type === 'unavailable') return;
          if (message.type === 'progress') options.progress(message.step);
          else if (message.type === 'printed') {
            const finished = message.finished && { ...message.finished, bytes: asBytes(message.finished.bytes) };
            if (settle()) resolve({ ...message.printed, bytes: asBytes(message.printed.bytes), finished });
          } else if (settle()) {
            if (message.kind === 'browser' && message.id) reject(revive(BrowserMissingError, message.id, message.params));
            else if (message.kind === 'pdf' && message.id) reject(revive(PdfError, message.id, message.params));
            // Finishing failed: the same error as when this thread finishes.
            else if (message.kind === 'finish') reject(new Error(message.message));
            else reject(new PdfError('pdf.browser-failed', { reason: message.message.split('\n')[0] ?? '' }));
          }
        });
        worker.once('error', (error) => {
          if (settle()) reject(new PdfError('pdf.browser-failed', { reason: error.message.split('\n')[0] ?? '' }));
        });
        // Stopped before it answered (closed, or it failed): the print ends with it, and so does its timer.
        worker.once('exit', () => {
          if (settle()) reject(new PdfError('pdf.browser-failed', { reason: 'the printer stopped' }));
        });
        worker.postMessage({ type: 'print', html, timeoutMs: options.timeoutMs, finish: options.finish } satisfies ToPrinter);
      });
    },
    async close() {
      if (!finished) worker.postMessage({ type: 'close' } satisfies ToPrinter);
      finished = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
