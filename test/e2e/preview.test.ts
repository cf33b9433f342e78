import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/render/csp.js';
import { launchBrowser } from '../../src/write/browser.js';
import { REPO } from '../helpers.js';
import { cli } from './build.js';

/** A preview of a fresh generic report, on a free loopback port. */
let child: ChildProcess;
let port: number;
let root: string;
let log = '';
const temporary: string[] = [];

beforeAll(async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-preview-'));
  temporary.push(parent);
  root = path.join(parent, 'rapport');
  expect((await cli(['init', root, '--quiet'])).code).toBe(0);
  child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'dev', root, '--port', '0', '--allow-host', 'rapport.local'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REDOVISNING_LANG: 'sv' } });
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!/förhandsvisning: http:\/\/127\.0\.0\.1:(\d+)\//.test(log) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  port = Number(/förhandsvisning: http:\/\/127\.0\.0\.1:(\d+)\//.exec(log)?.[1]);
  expect(port).toBeGreaterThan(0);
});

afterAll(async () => {
  // Ctrl-C ends the preview, its browser and its Hunspell (a process left running would hang here).
  const exited = new Promise((resolve) => (child?.exitCode === null ? child.on('exit', resolve) : resolve(undefined)));
  child?.kill('SIGINT');
  await exited;
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** One HTTP request to the preview with the given headers (Host included), as any client could send it. */
function request(pathname: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      // The event stream never ends: its status and headers are the answer.
      if (res.headers['content-type'] === 'text/event-stream') {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) });
        req.destroy();
        return;
      }
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer for ${pathname}`)));
    req.on('error', reject);
    req.end();
  });
}

const PATHS = ['/', '/data/redovisning.json', '/redovisning.pdf', '/__redovisning/events'];

describe('the preview answers the author\'s browser only', () => {
  it.each([
    ['a forged Host (DNS rebinding)', { host: 'evil.example.com' }, /svarar bara på sin egen adress, inte på Host: evil\.example\.com/],
    ['a Host with another port', { host: '127.0.0.1:1' }, /inte på Host: 127\.0\.0\.1:1 /],
    ['a cross-site Origin', { origin: 'https://evil.example.com' }, /från en annan webbplats \(Origin: https:\/\/evil\.example\.com\)/],
    ['an Origin that is the preview on another scheme', { origin: 'https://127.0.0.1' }, /Origin: https:\/\/127\.0\.0\.1/],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, /Sec-Fetch-Site: cross-site/],
    ['Sec-Fetch-Site: same-site (another local server)', { 'sec-fetch-site': 'same-site' }, /Sec-Fetch-Site: same-site/],
  ])('%s gets 403 with a one-line reason on the page, the data, the PDF and the event stream', async (_, headers, reason) => {
    for (const pathname of PATHS) {
      const answer = await request(pathname, headers as Record<string, string>);
      expect(answer.status, pathname).toBe(403);
      const body = answer.body.toString();
      expect(body, pathname).toMatch(reason);
      expect(body.trim().split('\n')).toHaveLength(1);
    }
    expect(log).not.toMatch(/skriver ut på begäran/);
  });

  it('answers its own names, the names the author allows, its own origin and the author typing the address', async () => {
    for (const headers of [{}, { host: `localhost:${port}` }, { host: `rapport.local:${port}` }, { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }]) {
      expect((await request('/data/redovisning.json', headers)).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('keeps the draft out of caches and frames, on every answer', async () => {
    for (const pathname of ['/', '/assets/style.css', '/data/redovisning.json', '/nowhere']) {
      const { headers } = await request(pathname);
      expect(headers['cache-control'], pathname).toBe('no-store');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['content-security-policy']).toBe(`${PAGE_CSP}; script-src 'self'; connect-src 'self'; frame-ancestors 'none'`);
    }
    const page = (await request('/')).body.toString();
    expect(page).not.toMatch(/<script>|<script(?![^>]*\bsrc=)|\sstyle="|\son[a-z]+=/);
    // The page's own policy (no script) gives way to the preview's header, which allows its reload script.
    expect(page).not.toContain('http-equiv="Content-Security-Policy"');
    expect(page).toContain('<script src="/__redovisning/reload.js"></script>');
  });

  it('serves only the build\'s own files: traversal attempts, encoded or not, are 404', async () => {
    for (const attempt of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%2Fetc%2Fpasswd', '/data/../../content/01-sammanfattning.md', '/%E0%A4%A', '/content/01-sammanfattning.md', '/data/rapport.yaml']) {
      const answer = await request(attempt);
      expect(answer.status, attempt).toBe(404);
      expect(answer.body.toString()).not.toContain('root:');
    }
  });

  it('prints the PDF once for fifty requests at the same time, and again only after the report changes', async () => {
    const before = (log.match(/skriver ut på begäran/g) ?? []).length;
    const answers = await Promise.all(Array.from({ length: 50 }, () => request('/redovisning.pdf', {}, 120_000)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(new Set(answers.map((a) => a.body.toString('base64'))).size).toBe(1);
    expect(answers[0]?.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((log.match(/skriver ut på begäran/g) ?? []).length - before).toBe(1);
    expect((await request('/redovisning.pdf', {}, 120_000)).status).toBe(200);
    expect((log.match(/skriver ut på begäran/g) ?? []).length - before).toBe(1);
  });

  it('makes the Word file on demand, linked from the page, once per version of the report', async () => {
    expect((await request('/')).body.toString()).toContain('<a href="redovisning.docx">Rapporten som Word-fil</a>');
    const [first, second] = await Promise.all([request('/redovisning.docx', {}, 120_000), request('/redovisning.docx', {}, 120_000)]);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(first.body.subarray(0, 2).toString()).toBe('PK');
    expect(second.body.equals(first.body)).toBe(true);
  }, 120_000);
});

describe('the preview in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no policy violation, reloads on a save, shows the overlay on an error and clears it on the fix', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('informationsinsatser');
    // The stylesheet loaded: the letterhead is laid out by it.
    expect(await page.$eval('header.letterhead', (el) => getComputedStyle(el).display)).toBe('grid');
    await page.waitForFunction(() => (window as unknown as { EventSource: unknown }).EventSource !== undefined);

    const chapter = path.join(root, 'content', '01-sammanfattning.md');
    const original = await readFile(chapter, 'utf8');
    const reloaded = page.waitForNavigation({ timeout: 15_000 });
    await writeFile(chapter, original.replace('Myndigheten har genomfört', 'Myndigheten har nu genomfört'));
    await reloaded;
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Myndigheten har nu genomfört');

    const broken = page.waitForNavigation({ timeout: 15_000 });
    await writeFile(chapter, original.replace('{{tal berakning.deltagare}}', '{{tal berakning.deltagarna}}'));
    await broken;
    const overlay = await page.$eval('#redovisning-overlay', (el) => ({ text: el.textContent ?? '', position: getComputedStyle(el).position }));
    expect(overlay.text).toContain('Rapporten har fel');
    expect(overlay.text).toContain("det finns ingen 'deltagarna' i 'berakning'");
    expect(overlay.position).toBe('fixed');

    const fixed = page.waitForNavigation({ timeout: 15_000 });
    await writeFile(chapter, original);
    await fixed;
    expect(await page.$('#redovisning-overlay')).toBeNull();
    expect(await page.$('#redovisning-review')).toBeNull();

    // A slip of the language is a warning: the page is built, and a panel in the corner lists it with the LIX.
    const slipped = page.waitForNavigation({ timeout: 15_000 });
    await writeFile(chapter, original.replace('Myndigheten har genomfört', 'Myndigheten har genomförrt'));
    await slipped;
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Myndigheten har genomförrt');
    const review = await page.$eval('#redovisning-review', (el) => ({ text: el.textContent ?? '', position: getComputedStyle(el).position }));
    expect(review.text).toMatch(/Granskning: 0 fel, 1 varning · LIX \d+/);
    expect(review.text).toMatch(/content\/01-sammanfattning\.md:4:\d+: varning: 'genomförrt' finns inte i ordlistan: menar du 'genomfört'/);
    expect(review.position).toBe('fixed');
    expect(log).toMatch(/byggd på \d+ ms: 0 fel, 1 varning · LIX \d+/);
    await writeFile(chapter, original);
    expect(problems).toEqual([]);
    await page.close();
  });
});
