import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { formatDiagnostic, formatSummary, type Diagnostic } from '../diagnostics/diagnostic.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { ToolError } from '../messages/tool-error.js';
import { checkReport, createCache, renderHtml, type CheckedReport, type HtmlBuild } from '../pipeline.js';
import { buildPdf } from '../write/build-pdf.js';

/** Options of `redovisning dev`. */
export interface DevOptions {
  root: string;
  port: number;
  host: string;
  quiet: boolean;
  lang: Lang;
}

/** The preview's state: the last good build, and the diagnostics of the last attempt. */
interface DevState {
  good: { checked: CheckedReport; html: HtmlBuild } | undefined;
  diagnostics: Diagnostic[];
  failed: boolean;
  version: number;
  pdf: Promise<Uint8Array> | undefined;
  pdfVersion: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The script and overlay the preview adds to the page (never to dist/). */
function previewExtras(state: DevState, lang: Lang): string {
  const overlay = state.failed
    ? `<div id="redovisning-overlay" role="alertdialog" aria-labelledby="redovisning-overlay-title" style="position:fixed;inset:0;background:rgba(20,20,20,.92);color:#fff;font:15px/1.5 monospace;padding:2rem;overflow:auto;z-index:1000">
<h2 id="redovisning-overlay-title" style="font:bold 20px sans-serif;margin:0 0 1rem">${escapeHtml(text(lang, 'dev.overlay-title'))}</h2>
<ol>${state.diagnostics.map((d) => `<li style="margin-bottom:.6rem;color:${d.severity === 'error' ? '#ff9c9c' : '#ffe08a'}">${escapeHtml(formatDiagnostic(d, lang))}</li>`).join('')}</ol>
<p>${escapeHtml(text(lang, 'dev.overlay-fix', { summary: formatSummary(state.diagnostics, lang) }))}</p></div>`
    : '';
  return `${overlay}<script>(() => { const s = new EventSource('/__redovisning/events'); s.onmessage = () => location.reload(); })();</script>`;
}

/**
 * `redovisning dev`: serves the report on 127.0.0.1, rebuilds on every save
 * under content/, data/ and templates/, and reloads the open page. A save
 * with errors keeps the last good page, with an overlay listing the
 * diagnostics. `/redovisning.pdf` prints the PDF on demand. Stops on Ctrl-C.
 */
export async function devCommand(options: DevOptions): Promise<number> {
  const root = path.resolve(options.root);
  const state: DevState = { good: undefined, diagnostics: [], failed: false, version: 0, pdf: undefined, pdfVersion: -1 };
  const clients = new Set<http.ServerResponse>();
  const cache = createCache();
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    const checked = await checkReport(root, cache);
    const html = checked.diagnostics.hasErrors ? undefined : renderHtml(checked, { pdfHref: 'redovisning.pdf' });
    state.diagnostics = checked.diagnostics.sorted();
    state.failed = !html;
    if (html) state.good = { checked, html };
    state.version++;
    const ms = Math.round(performance.now() - started);
    for (const d of state.diagnostics) process.stderr.write(`${formatDiagnostic(d, options.lang)}\n`);
    say(text(options.lang, 'dev.rebuilt', { ok: !state.failed, ms, summary: formatSummary(state.diagnostics, options.lang) }));
    for (const client of clients) client.write(`data: ${state.version}\n\n`);
  };

  await rebuild();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild, rebuild);
    }, 30);
  };
  // One watcher per folder (not `recursive`, which loses files that editors
  // replace by rename); folders created later are picked up on the next event.
  const watchers = new Map<string, FSWatcher>();
  const watchFolders = async (): Promise<void> => {
    for (const folder of ['content', 'data', 'templates']) {
      const top = path.join(root, folder);
      const entries = await readdir(top, { withFileTypes: true, recursive: true }).catch(() => undefined);
      if (!entries) continue;
      const dirs = [top, ...entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))];
      for (const dir of dirs) {
        if (watchers.has(dir)) continue;
        try {
          watchers.set(dir, watch(dir, (event) => {
            schedule();
            // Only a rename can be a new folder to watch.
            if (event === 'rename') void watchFolders();
          }));
        } catch {
          // The folder vanished meanwhile; the next event rescans.
        }
      }
    }
  };
  await watchFolders();

  const server = http.createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`redovisning dev: ${error instanceof ToolError ? error.text(options.lang) : (error as Error).message}\n`);
    });
  });

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__redovisning/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const good = state.good;
    const wanted = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    if (wanted === 'index.html') {
      const page = good?.html.page.html ?? `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>redovisning</title></head><body></body></html>`;
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      response.end(page.replace('</body>', `${previewExtras(state, options.lang)}</body>`));
      return;
    }
    if (wanted === 'redovisning.pdf' && good) {
      if (!state.pdf || state.pdfVersion !== state.version) {
        state.pdfVersion = state.version;
        say(text(options.lang, 'pdf.on-demand'));
        state.pdf = buildPdf(good.checked, good.html.page.body, (step) => say(textOf(options.lang, step.id, step))).then((p) => p.bytes);
      }
      const bytes = await state.pdf.catch((error: unknown) => {
        state.pdf = undefined;
        throw error;
      });
      response.writeHead(200, { 'content-type': TYPES['.pdf'], 'cache-control': 'no-store' });
      response.end(bytes);
      return;
    }
    const file = good?.html.files.find((f) => f.path === wanted);
    const copy = good?.html.copies.find((c) => c.to === wanted);
    const type = TYPES[path.extname(wanted)] ?? 'application/octet-stream';
    if (file) {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(file.content);
    } else if (copy) {
      response.writeHead(200, { 'content-type': type });
      response.end(await readFile(copy.from));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${text(options.lang, 'dev.not-found')}\n`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new ToolError('dev.port-in-use', { port: options.port }) : error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  process.stderr.write(`${text(options.lang, 'dev.listening', { url: `http://${options.host}:${port}/` })}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      for (const w of watchers.values()) w.close();
      for (const client of clients) client.end();
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say(text(options.lang, 'dev.stopped'));
  return 0;
}
