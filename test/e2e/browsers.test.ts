import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_PATH } from '../../src/write/browser.js';
import { REPO } from '../helpers.js';
import { buildInto, cli } from './build.js';

const run = promisify(execFile);
const temporary: string[] = [];
const roots: { name: string; out: string }[] = [];
let server: http.Server;
let port = 0;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.woff': 'font/woff' };

beforeAll(async () => {
  roots.push({ name: 'the real report', out: inject('realOut') });
  const { out, result } = await buildInto(path.join(REPO, 'examples', 'regional-fordelning'), ['--no-pdf']);
  temporary.push(path.dirname(out));
  expect(result.code, result.stderr).toBe(0);
  roots.push({ name: 'regional-fordelning', out });
  for (const starter of ['generisk', 'pilotprojekt']) {
    const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-init-')), starter);
    temporary.push(path.dirname(root));
    expect((await cli(['init', root, '--mall', starter])).code).toBe(0);
    const built = await buildInto(root, ['--no-pdf']);
    temporary.push(path.dirname(built.out));
    expect(built.result.code, built.result.stderr).toBe(0);
    roots.push({ name: `init --mall ${starter}`, out: built.out });
  }
  // A plain static web server, as an agency's would be: files by path, no headers of its own.
  server = http.createServer((request, response) => {
    const [, name = '', ...rest] = new URL(request.url ?? '/', 'http://localhost').pathname.split('/');
    const root = roots[Number(name)];
    const file = root ? path.join(root.out, ...rest.map(decodeURIComponent)) : '';
    readFile(file)
      .then((body) => {
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404);
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** What the page got of its own assets: its stylesheets applied, its font loaded, every image decoded. */
async function assetsOf(browser: Browser, url: string): Promise<{ styled: boolean; font: boolean; images: number[] }> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(async () => {
      await document.fonts.ready;
      const skip = document.querySelector('.skip-link');
      return {
        // style.css moves the skip link out of view until it is focused.
        styled: skip !== null && getComputedStyle(skip).position === 'absolute',
        font: document.fonts.check('16px "Source Sans 3"') && [...document.fonts].some((f) => f.family.includes('Source Sans 3') && f.status === 'loaded'),
        images: [...document.images].map((i) => i.naturalWidth),
      };
    });
  } finally {
    await page.close();
  }
}

const BROWSERS = [
  { name: 'Chromium', launch: () => puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] }) },
  { name: 'Firefox ESR', launch: () => puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true }) },
];

describe('the page\'s Content-Security-Policy allows its own assets', () => {
  it.each(BROWSERS)('in $name, opened from disk and served over HTTP', async ({ launch }) => {
    const browser = await launch();
    try {
      for (const [i, root] of roots.entries()) {
        for (const url of [`file://${path.join(root.out, 'index.html')}`, `http://127.0.0.1:${port}/${i}/index.html`]) {
          const got = await assetsOf(browser, url);
          expect(got.styled, `${root.name} ${url}: stylesheet`).toBe(true);
          expect(got.font, `${root.name} ${url}: font`).toBe(true);
          expect(got.images.every((w) => w > 0), `${root.name} ${url}: images ${got.images.join(', ')}`).toBe(true);
        }
      }
      // The generic starter has a logo and an image; the example a logo and a picture.
      expect((await assetsOf(browser, `file://${path.join((roots[1] as { out: string }).out, 'index.html')}`)).images.length).toBeGreaterThanOrEqual(2);
    } finally {
      await browser.close();
    }
  }, 240_000);
});

describe('the page printed from the browser', () => {
  it('is A4, prints each footnote address once, and leaves out the back links', async () => {
    for (const root of roots) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-print-'));
      temporary.push(dir);
      const pdf = path.join(dir, 'page.pdf');
      // As a reader's browser prints it: Chromium's own print, with the page's print stylesheet.
      await run(CHROMIUM_PATH, ['--headless', '--no-sandbox', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${path.join(root.out, 'index.html')}`], { timeout: 120_000 });
      const info = (await run('pdfinfo', [pdf])).stdout;
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
      expect(Math.round(Number(size?.[1]) / 72 * 25.4), `${root.name} width (mm)`).toBe(210);
      expect(Math.round(Number(size?.[2]) / 72 * 25.4), `${root.name} height (mm)`).toBe(297);
      const text = (await run('pdftotext', [pdf, '-'])).stdout;
      expect(text, root.name).not.toContain('↩');
      // pdftotext joins a line broken after a hyphen without it: compare without spaces and hyphens.
      const flat = text.replace(/[\s-]+/g, '');
      const html = await readFile(path.join(root.out, 'index.html'), 'utf8');
      const notes = html.slice(html.indexOf('class="footnotes"'));
      const addresses = [...notes.matchAll(/<a href="(https?:[^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
      // As many times as the notes link it (once per note), not twice per link.
      for (const address of addresses) expect(flat.split(address.replace(/[\s-]+/g, '')).length - 1, `${root.name}: ${address}`).toBe(addresses.filter((a) => a === address).length);
      if (root.name === 'the real report') expect(addresses.length).toBeGreaterThanOrEqual(3);
    }
  }, 240_000);
});

/** The Nu Html Checker's findings for some pages (npm vnu-jar, on Java), as `file: line: type subtype: message`. */
async function nuChecker(urls: string[]): Promise<string[]> {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  // The checker writes its report on standard error; it reads 127.0.0.1 (the test's own server) only when allowed to.
  const { stderr } = await run('java', ['-Dnu.validator.servlet.allow-forbidden-hosts=true', '-jar', jar, '--format', 'json', '--exit-zero-always', '--also-check-css', '--also-check-svg', ...urls], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  const { messages } = JSON.parse(stderr) as { messages: { type: string; subType?: string; url: string; lastLine?: number; message: string }[] };
  return messages.map((m) => `${m.url}: ${m.lastLine ?? 0}: ${m.type}${m.subType ? ` ${m.subType}` : ''}: ${m.message}`);
}

describe('the Nu Html Checker', () => {
  it('finds 0 errors and 0 warnings in every root\'s page as published (served over HTTP), and from disk only that it cannot apply the CSP to file: addresses', async () => {
    const served = roots.map((_root, i) => `http://127.0.0.1:${port}/${i}/index.html`);
    const onDisk = roots.map((root) => `file:${path.join(root.out, 'index.html')}`);
    let found = await nuChecker([...served, ...onDisk]);
    // A page the checker could not fetch in time (its 5 s timeout, on a loaded machine) is fetched again (up to three times): that is no finding about the page.
    for (let attempt = 0; attempt < 3; attempt++) {
      const unread = found.filter((m) => / non-document-error io: /.test(m)).map((m) => m.slice(0, m.indexOf(': ')));
      if (unread.length === 0) break;
      found = [...found.filter((m) => !unread.some((u) => m.startsWith(`${u}: `))), ...(await nuChecker(unread))];
    }
    expect(found.filter((m) => m.startsWith('http:'))).toEqual([]);
    // The one finding that stays: the checker treats a file: address as no origin, so 'self' matches nothing there;
    // Chromium and Firefox load the same page's own assets from disk (the CSP test above).
    const fromDisk = found.filter((m) => m.startsWith('file:'));
    expect(fromDisk.filter((m) => !/: info warning: Resource violates Content Security Policy \(meta tag\): (external stylesheet|image) “assets\/[^”]+” blocked by “(style|img)-src” directive\.$/.test(m))).toEqual([]);
  }, 400_000);
});
