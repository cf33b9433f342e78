import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAGE_CSP } from '../../src/render/csp.js';
import { launchBrowser } from '../../src/write/browser.js';
import { REPO } from '../helpers.js';
import { pageTexts } from './pdf-read.js';

const require = createRequire(import.meta.url);
let out: string;
let browser: Browser;

/** Opens the built page with every request that is not a local file recorded and refused. */
async function open(width: number): Promise<{ page: Page; outside: string[] }> {
  const page = await browser.newPage();
  const outside: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('file://') || request.url().startsWith('data:')) void request.continue();
    else {
      outside.push(request.url());
      void request.abort();
    }
  });
  await page.setViewport({ width, height: 800 });
  await page.goto(`file://${path.join(out, 'index.html')}`, { waitUntil: 'load' });
  return { page, outside };
}

beforeAll(async () => {
  out = inject('realOut');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the web publication', () => {
  it('is valid HTML (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateFile(path.join(out, 'index.html'));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violations (axe-core in Chromium)', async () => {
    const { page } = await open(1280);
    const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
    const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.length + ' ' + v.help))`)) as string[];
    expect(violations).toEqual([]);
    await page.close();
  });

  it('carries a Content-Security-Policy that allows only its own assets, and loads with no violation of it', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(m.text());
    });
    await page.goto(`file://${path.join(out, 'index.html')}`, { waitUntil: 'load' });
    expect(await page.evaluate(() => [...document.styleSheets].length)).toBe(2);
    expect(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads nothing from the network and every in-page link resolves', async () => {
    const { page, outside } = await open(1280);
    expect(outside).toEqual([]);
    const broken = await page.$$eval('a[href^="#"]', (links) => links.map((a) => a.getAttribute('href') ?? '').filter((href) => !document.getElementById(decodeURIComponent(href.slice(1)))));
    expect(broken).toEqual([]);
    const local = await page.$$eval('a[href]:not([href^="#"]):not([href^="http"])', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of local) await expect(readFile(path.join(out, href))).resolves.toBeTruthy();
    expect(local).toContain('redovisning.pdf');
    await page.close();
  });

  it('has one h1, headings in order, landmarks, a skip link, a table of contents and metadata', async () => {
    const { page } = await open(1280);
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.reduce((previous, level) => {
      expect(level - previous).toBeLessThanOrEqual(1);
      return level;
    });
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(await page.$(landmark)).not.toBeNull();
    expect(await page.$eval('a.skip-link', (a) => a.getAttribute('href'))).toBe('#innehall-start');
    expect(await page.$$eval('nav.toc li', (lis) => lis.length)).toBe(9);
    expect(await page.$eval('meta[name="description"]', (m) => m.getAttribute('content'))).toContain('Regeringskansliet');
    expect(await page.$eval('meta[name="dcterms.identifier"]', (m) => m.getAttribute('content'))).toBe('Dnr 2018-00703');
    expect((await page.title()).length).toBeLessThanOrEqual(70);
    expect(await page.$$eval('table', (ts) => ts.every((t) => t.querySelector('caption') && t.querySelector('th')))).toBe(true);
    await page.close();
  });

  it('does not scroll sideways at 375 px; wide tables scroll in their own box', async () => {
    const { page } = await open(375);
    const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(viewport);
    expect(await page.$$eval('.table-scroll', (boxes) => boxes.every((b) => getComputedStyle(b).overflowX === 'auto'))).toBe(true);
    await page.close();
  });

  it('keeps lines readable on a desktop (at most about 80 characters)', async () => {
    const { page } = await open(1600);
    const width = await page.$eval('main p', (p) => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize));
    expect(width).toBeLessThanOrEqual(42);
    await page.close();
  });

  it('publishes the tables as CSV and the data as JSON that parse back to the data', async () => {
    const projects = parse(await readFile(path.join(out, 'data', 'projekt.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(projects).toHaveLength(9);
    expect(projects[4]).toEqual({
      id: 'it-produktion',
      titel: 'Kompetensbehov och kurser för yrkesverksamma inom IT och konkurrenskraftig produktion',
      koordinator: 'Linnéuniversitetet',
      medverkande: 'Blekinge tekniska högskola; Högskolan Väst; Mälardalens högskola; Örebro universitet',
    });
    const budget = parse(await readFile(path.join(out, 'data', 'budget.csv'), 'utf8'), { columns: true, cast: true }) as Record<string, string | number>[];
    expect(Object.keys(budget[0] ?? {})).toEqual(['projekt_id', 'projekt', 'medel_regeringsuppdrag', 'fou_anslag', 'totalt']);
    expect(budget.reduce((s, r) => s + Number(r['medel_regeringsuppdrag']), 0)).toBe(19350000);
    expect(budget.reduce((s, r) => s + Number(r['fou_anslag']), 0)).toBe(12867058);
    expect(budget.find((r) => r['projekt_id'] === 'mampe')?.['totalt']).toBe(1798549);
    const json = JSON.parse(await readFile(path.join(out, 'data', 'redovisning.json'), 'utf8')) as Record<string, unknown>;
    expect(json['budget']).toEqual(JSON.parse(JSON.stringify((await import('js-yaml')).load(await readFile(path.join(REPO, 'data', 'budget.yaml'), 'utf8')))));
    expect((json['berakning'] as { summa: unknown }).summa).toEqual({ uppdrag: 19350000, fou: 12867058, totalt: 32217058 });
  });
});

describe('the web page and the PDF say the same thing', () => {
  let html: Page;
  let pdfText: string;
  let pdfPages: string[];
  beforeAll(async () => {
    html = (await open(1280)).page;
    pdfPages = pageTexts(path.join(out, 'redovisning.pdf'));
    pdfText = pdfPages.join('\n').replace(/\s+/g, ' ');
  });

  it('the same chapters, in the same order', async () => {
    const chapters = await html.$$eval('section.chapter > h2', (hs) => hs.map((h) => h.textContent ?? ''));
    let at = 0;
    for (const chapter of chapters) {
      const found = pdfText.indexOf(`${chapter} `, at);
      expect(found, chapter).toBeGreaterThan(at - 1);
      at = found;
    }
  });

  it('the same footnote texts, in the same order', async () => {
    const notes = await html.$$eval('section.footnotes li', (lis) => lis.map((li) => (li.textContent ?? '').replace('↩', '').replace(/\s+/g, ' ').trim()));
    const pdfNotes = pdfPages.flatMap((p) => p.split('\n').map((l) => l.trim()).filter((l) => /^\d \S/.test(l) && !/^\d+ \(\d+\)$/.test(l)));
    expect(pdfNotes.map((l) => Number(l.split(' ')[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A long note wraps in the PDF: its first line must begin the web page's note.
    notes.forEach((note, i) => expect(note.startsWith(pdfNotes[i]?.replace(/^\d /, '') ?? '∅'), note).toBe(true));
  });

  it('the same figures in both tables', async () => {
    const cells = await html.$$eval('table td.num, table tbody th, table thead th', (tds) => tds.map((td) => (td.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean));
    expect(cells.length).toBeGreaterThan(40);
    for (const cell of cells) expect(pdfText.replace(/\u00a0/g, ' '), cell).toContain(cell.length > 40 ? cell.slice(0, 40) : cell);
  });
});
