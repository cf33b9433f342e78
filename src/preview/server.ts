import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { formatDiagnostic, formatSummary, type Diagnostic } from '../diagnostics/diagnostic.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { ToolError } from '../messages/tool-error.js';
import { OVERLAY_CSS, RELOAD_SCRIPT } from './assets.js';
import { allowedHosts, refusal, securityHeaders } from './guard.js';
import { PAGE_CSP, PREVIEW_CSP } from '../render/csp.js';
import type { OutputFolder } from '../write/outputs/output.js';
import type { OutputFile } from '../write/write-output.js';

/** What the preview serves: the last good build, and the diagnostics of the last attempt. */
export interface PreviewState {
  /** The last good build: its page's files, and a file of another output when asked for. */
  good: { page: OutputFolder; file: (path: string) => Promise<OutputFile | undefined> } | undefined;
  diagnostics: Diagnostic[];
  failed: boolean;
  version: number;
  /** The report's LIX, from the last build. */
  lix: number | undefined;
  /** Why the last build stopped, when it stopped on a fault of the tool rather than on the report's errors. */
  crash: string | undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.rdf': 'application/rdf+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The overlay and the live-reload script the preview adds to the page (never to dist/). */
function previewExtras(state: PreviewState, lang: Lang): string {
  const overlay = state.failed
    ? `<link rel="stylesheet" href="/__redovisning/overlay.css"><div id="redovisning-overlay" role="alertdialog" aria-labelledby="redovisning-overlay-title">
<h2 id="redovisning-overlay-title">${escapeHtml(text(lang, 'dev.overlay-title'))}</h2>
<ol>${state.diagnostics.map((d) => `<li class="${d.severity}">${escapeHtml(formatDiagnostic(d, lang))}</li>`).join('')}${state.crash === undefined ? '' : `<li class="error">${escapeHtml(text(lang, 'dev.crashed', { reason: state.crash }))}</li>`}</ol>
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
function previewPage(html: string, state: PreviewState, lang: Lang): string {
  return html.replace(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`, '').replace('</body>', `${previewExtras(state, lang)}</body>`);
}

/** Options of the preview's server. */
export interface ServerOptions {
  port: number;
  host: string;
  /** Further host names the preview answers to (`--allow-host`). */
  allowHosts: readonly string[];
  lang: Lang;
}

/** The running preview server: tell the open pages to reload, or stop. */
export interface PreviewServer {
  /** Says where the preview is, once its first build is served. */
  announce(): void;
  reload(version: number): void;
  close(): Promise<void>;
}

/**
 * Serves the preview on the given host: the page with the overlay and the
 * reload script, the files of the last good build by exact name, and the
 * reload events. It answers only the author's browser: requests for another
 * host name or from another site are refused (see guard.ts).
 */
export async function startServer(options: ServerOptions, state: PreviewState): Promise<PreviewServer> {
  const clients = new Set<http.ServerResponse>();
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
      const page = good?.page.files.find((f) => f.path === 'index.html')?.content ?? `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>redovisning</title></head><body></body></html>`;
      return answer(response, 200, TYPES['.html'] as string, previewPage(String(page), state, options.lang));
    }
    // Only the files of the last good build are served, by exact name: nothing else on the disk is reachable.
    // Another output's files are made when first asked for (see commands/dev.ts).
    const file = good?.page.files.find((f) => f.path === wanted) ?? (good ? await good.file(wanted) : undefined);
    const copy = good?.page.copies.find((c) => c.to === wanted);
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

  return {
    announce() {
      process.stderr.write(`${text(options.lang, 'dev.listening', { url: `http://${options.host}:${port}/` })}\n`);
    },
    reload(version) {
      for (const client of clients) client.write(`data: ${version}\n\n`);
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
