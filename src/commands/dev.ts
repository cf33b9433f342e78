import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { formatDiagnostic, formatSummary, type Diagnostic } from '../diagnostics/diagnostic.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { ToolError } from '../messages/tool-error.js';
import { checkReport, createCache, renderHtml, type CheckedReport, type HtmlBuild } from '../pipeline.js';
import { DEFAULT_WORD_LIST } from '../language/check-language.js';
import { OVERLAY_CSS, RELOAD_SCRIPT } from '../preview/assets.js';
import { allowedHosts, refusal, securityHeaders } from '../preview/guard.js';
import { PdfOnDemand } from '../preview/pdf-on-demand.js';
import { PAGE_CSP, PREVIEW_CSP } from '../render/csp.js';
import { outputDate } from '../write/dates.js';
import { DOCX_FILE } from '../write/docx/name.js';
import type { OutputFile } from '../write/write-output.js';

/** Options of `redovisning dev`. */
export interface DevOptions {
  root: string;
  port: number;
  host: string;
  /** Further host names the preview answers to (`--allow-host`). */
  allowHosts: readonly string[];
  quiet: boolean;
  lang: Lang;
}

/** The preview's state: the last good build, and the diagnostics of the last attempt. */
interface DevState {
  good: { checked: CheckedReport; html: HtmlBuild } | undefined;
  diagnostics: Diagnostic[];
  failed: boolean;
  version: number;
  /** The image paths the last build named. */
  named: string[];
  /** The report's LIX, from the last build. */
  lix: number | undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.rdf': 'application/rdf+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The overlay and the live-reload script the preview adds to the page (never to dist/). */
function previewExtras(state: DevState, lang: Lang): string {
  const overlay = state.failed
    ? `<link rel="stylesheet" href="/__redovisning/overlay.css"><div id="redovisning-overlay" role="alertdialog" aria-labelledby="redovisning-overlay-title">
<h2 id="redovisning-overlay-title">${escapeHtml(text(lang, 'dev.overlay-title'))}</h2>
<ol>${state.diagnostics.map((d) => `<li class="${d.severity}">${escapeHtml(formatDiagnostic(d, lang))}</li>`).join('')}</ol>
<p>${escapeHtml(text(lang, 'dev.overlay-fix', { summary: formatSummary(state.diagnostics, lang) }))}</p></div>`
    : state.diagnostics.length
      ? // Warnings (the language review's among them) do not stop the page: a panel in the corner lists them.
        `<link rel="stylesheet" href="/__redovisning/overlay.css"><details id="redovisning-review" open><summary>${escapeHtml(text(lang, 'dev.language-title', { summary: formatSummary(state.diagnostics, lang), lix: state.lix }))}</summary>
<ol>${state.diagnostics.map((d) => `<li class="${d.severity}">${escapeHtml(formatDiagnostic(d, lang))}</li>`).join('')}</ol></details>`
      : '';
  return `${overlay}<script src="/__redovisning/reload.js"></script>`;
}

/**
 * The page as the preview serves it: without the page's own policy (which
 * allows no script; the preview's, in its header, allows its reload script),
 * and with its extras.
 */
function previewPage(html: string, state: DevState, lang: Lang): string {
  return html.replace(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`, '').replace('</body>', `${previewExtras(state, lang)}</body>`);
}

/**
 * `redovisning dev`: serves the report on 127.0.0.1, rebuilds on every save
 * under content/, data/, schemas/ and templates/, and reloads the open
 * page. A save with errors keeps the last good page, with an overlay listing
 * the diagnostics. `/redovisning.pdf` prints the PDF on demand, `/redovisning.docx` makes the Word file. It answers
 * only the author's browser: requests for another host name or from another
 * site are refused (see preview/guard.ts). Stops on Ctrl-C.
 */
export async function devCommand(options: DevOptions): Promise<number> {
  const root = path.resolve(options.root);
  const state: DevState = { good: undefined, diagnostics: [], failed: false, version: 0, named: [], lix: undefined };
  const clients = new Set<http.ServerResponse>();
  const cache = createCache();
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const pdf = new PdfOnDemand(
    () => say(text(options.lang, 'pdf.on-demand')),
    (step) => say(textOf(options.lang, step.id, step)),
  );

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    const checked = await checkReport(root, cache);
    const html = checked.diagnostics.hasErrors ? undefined : renderHtml(checked, { pdfHref: 'redovisning.pdf', docx: { href: DOCX_FILE, size: undefined } });
    state.diagnostics = checked.diagnostics.sorted();
    state.named = checked.context.figures.named;
    state.lix = checked.language?.whole;
    state.failed = !html;
    if (html) state.good = { checked, html };
    state.version++;
    const ms = Math.round(performance.now() - started);
    for (const d of state.diagnostics) process.stderr.write(`${formatDiagnostic(d, options.lang)}\n`);
    say(text(options.lang, 'dev.rebuilt', { ok: !state.failed, ms, summary: formatSummary(state.diagnostics, options.lang), lix: state.lix }));
    for (const client of clients) client.write(`data: ${state.version}\n\n`);
  };

  await rebuild();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild, rebuild).then(watchFolders, watchFolders);
    }, 30);
  };
  // One watcher per folder (not `recursive`, which loses files that editors
  // replace by rename); folders created later are picked up on the next event.
  const watchers = new Map<string, FSWatcher>();
  const watchFolders = async (): Promise<void> => {
    // The images' folders too: those of the images the report names (an image not there yet included).
    const imageFolders = state.named.map((p) => path.dirname(path.normalize(p))).filter((d) => d !== '.' && !d.startsWith('..') && !path.isAbsolute(d));
    for (const folder of new Set(['content', 'data', 'schemas', 'templates', 'bilder', ...imageFolders])) {
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
  // The report root itself, not its subfolders (dist/, node_modules/): only the word list there matters.
  try {
    watchers.set(root, watch(root, (_, filename) => {
      if (filename && filename === (state.good?.checked.context.model?.rapport.sprakkontroll?.ordlista ?? DEFAULT_WORD_LIST)) schedule();
    }));
  } catch {
    // A root that cannot be watched: the word list is read again on the next rebuild.
  }

  // The open data (workbooks, CSV, the DCAT record) is made when first asked for, once per version.
  let openData: { version: number; files: Promise<OutputFile[]> } | undefined;
  const openDataFiles = (good: NonNullable<DevState['good']>): Promise<OutputFile[]> => {
    if (openData?.version !== state.version) {
      const model = good.checked.context.model;
      const files = model
        ? import('../write/open-data/open-data.js').then(({ buildOpenData }) => buildOpenData(model, good.checked.context.placements, outputDate(model.rapport.datum))).then((o) => o.files)
        : Promise.resolve([]);
      openData = { version: state.version, files };
    }
    return openData.files;
  };

  // The Word file too, when first asked for, once per version (a failed one is tried again on the next request).
  let word: { version: number; bytes: Promise<Uint8Array> } | undefined;
  const wordFile = (good: NonNullable<DevState['good']>): Promise<Uint8Array> => {
    if (word?.version !== state.version) {
      const made = { version: state.version, bytes: import('../write/docx/index.js').then(({ docxBytes }) => docxBytes(good.checked)) };
      made.bytes.catch(() => {
        if (word === made) word = undefined;
      });
      word = made;
    }
    return word.bytes;
  };

  let allowed = new Set<string>();
  const headers = securityHeaders(PREVIEW_CSP);
  const answer = (response: http.ServerResponse, status: number, type: string, body: string | Uint8Array): void => {
    response.writeHead(status, { ...headers, 'content-type': type });
    response.end(body);
  };

  const server = http.createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      answer(response, 500, 'text/plain; charset=utf-8', `redovisning dev: ${error instanceof ToolError ? error.text(options.lang) : (error as Error).message}\n`);
    });
  });

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const refused = refusal(request.headers, allowed);
    if (refused) {
      answer(response, 403, 'text/plain; charset=utf-8', `${textOf(options.lang, refused.id, refused)}\n`);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__redovisning/events') {
      response.writeHead(200, { ...headers, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/__redovisning/reload.js') return answer(response, 200, TYPES['.js'] as string, RELOAD_SCRIPT);
    if (url.pathname === '/__redovisning/overlay.css') return answer(response, 200, TYPES['.css'] as string, OVERLAY_CSS);
    const good = state.good;
    let wanted: string;
    try {
      wanted = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      return answer(response, 404, 'text/plain; charset=utf-8', `${text(options.lang, 'dev.not-found')}\n`);
    }
    if (wanted === 'index.html') {
      const page = good?.html.page.html ?? `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>redovisning</title></head><body></body></html>`;
      return answer(response, 200, TYPES['.html'] as string, previewPage(page, state, options.lang));
    }
    if (wanted === 'redovisning.pdf' && good) {
      return answer(response, 200, TYPES['.pdf'] as string, await pdf.get(state.version, good.checked, good.html.page.body));
    }
    if (wanted === DOCX_FILE && good) return answer(response, 200, TYPES['.docx'] as string, await wordFile(good));
    // Only the files of the last good build are served, by exact name: nothing else on the disk is reachable.
    const file = good?.html.files.find((f) => f.path === wanted) ?? (good && wanted.startsWith('data/') ? (await openDataFiles(good)).find((f) => f.path === wanted) : undefined);
    const copy = good?.html.copies.find((c) => c.to === wanted);
    const type = TYPES[path.extname(wanted)] ?? 'application/octet-stream';
    if (file) answer(response, 200, type, file.content);
    else if (copy) answer(response, 200, type, await readFile(copy.from));
    else answer(response, 404, 'text/plain; charset=utf-8', `${text(options.lang, 'dev.not-found')}\n`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new ToolError('dev.port-in-use', { port: options.port }) : error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowed = allowedHosts(options.host, port, options.allowHosts);
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
  await pdf.close();
  // Hunspell, kept between builds, stops with the preview.
  await cache.speller?.finish();
  say(text(options.lang, 'dev.stopped'));
  return 0;
}
