import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
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
