import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { copyOfRealReport, fixtureReport, REPO } from '../helpers.js';
import { buildInto, cli } from './build.js';
import { pageTexts, pdfCatalog, pdfFonts, pdfInfo } from './pdf-read.js';

let pdf: string;
let pages: string[];

beforeAll(() => {
  pdf = path.join(inject('realOut'), 'redovisning.pdf');
  pages = pageTexts(pdf);
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the real report as a PDF', () => {
  it('is A4 and numbers every page n (N), counting all pages', () => {
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const total = Number(info['Pages']);
    expect(total).toBe(pages.length);
    expect(total).toBeGreaterThanOrEqual(10);
    pages.forEach((text, i) => expect(text).toContain(`${i + 1} (${total})`));
  });

  it('has the letterhead and the title on page 1', () => {
    const first = flat(pages[0] ?? '');
    for (const fact of ['Vinnova', 'Datum: 2020-03-30', 'Dnr: 2018-00703', 'Ert dnr: N2018/01043/IFK', 'Regeringskansliet', 'Näringsdepartementet', 'Redovisning av regeringsuppdrag om korta flexibla', 'Sammanfattning']) {
      expect(first).toContain(fact);
    }
  });

  it('sets each footnote at the foot of the page that refers to it, numbered 1–9', () => {
    const calls: [number, string, string][] = [
      [1, 'högskolan.1', 'SOU 2019:6.'],
      [2, 'uppdrag2', '2018-00703'],
      [3, 'lärosäten3', '2018-02347_4'],
      [4, '2018–2019.4', '2018-02347_4'],
      [5, 'Vinnova.5', 'https://www.vinnova.se/nyheter/2018/11/'],
      [6, 'slutrapporterat.6', '2018-03826_30'],
      [7, 'Learning.7', 'https://universitetslararen.se/2020/02/10/'],
      [8, 'regionen.8', 'https://www.ingenjoren.se/2019/12/11/'],
      [9, 'högskolan.9', 'SOU 2019:6.'],
    ];
    for (const [n, call, note] of calls) {
      const page = pages.findIndex((p) => p.includes(call));
      expect(page, `footnote call ${n} (${call})`).toBeGreaterThanOrEqual(0);
      const lines = (pages[page] ?? '').split('\n').map((l) => l.trim());
      const noteLine = lines.findIndex((l) => l.startsWith(`${n} ${note}`));
      expect(noteLine, `footnote ${n} on page ${page + 1}`).toBeGreaterThan(lines.findIndex((l) => l.includes(call)));
    }
  });

  it('starts each appendix on a new page with its heading at the top', () => {
    for (let n = 1; n <= 6; n++) {
      const page = pages.find((p) => /^\s*\d+ \(\d+\)\s*\n\s*\n?\s*Bilaga \d/.test(p) && p.includes(`Bilaga ${n}\n`));
      expect(page, `Bilaga ${n}`).toBeDefined();
    }
    const last = flat(pages[pages.length - 1] ?? '');
    expect(last).toContain('Bilaga 6 Beviljade projekt');
    expect(last).toContain('Branschutveckling hos banker och Försäkringsbolag');
    expect(flat(pages.find((p) => p.includes('Bilaga 3\n')) ?? '')).toContain('Bilagan lämnas separat.');
  });

  it('never leaves a chapter heading alone at the bottom of a page', () => {
    const headings = ['Sammanfattning', 'Bakgrund', 'Genomförande och beviljade pilotprojekt', 'Resultat', 'Slutsatser/rekommendationer', 'Ekonomisk redovisning'];
    for (const heading of headings) {
      const page = pages.find((p) => p.split('\n').some((l) => l.trim() === heading)) ?? '';
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      const at = lines.indexOf(heading);
      // Below the heading: text of the chapter, not just footnotes (lines starting "N ") or nothing.
      const after = lines.slice(at + 1).filter((l) => !/^\d \S/.test(l));
      expect(after.length, heading).toBeGreaterThanOrEqual(2);
    }
  });

  it('repeats the header row of a table that breaks across pages', () => {
    const withTitleHeader = pages.filter((p) => /Titel\s+Projektkoordinator\s+Medverkande lärosäten/.test(p));
    const tableRows = ['Pilotprojekt för utveckling', 'Branschutveckling hos banker'];
    const first = pages.findIndex((p) => p.includes(tableRows[0] ?? ''));
    const last = pages.findIndex((p, i) => i >= first && p.includes(tableRows[1] ?? ''));
    expect(withTitleHeader.length).toBe(last - first + 1);
  });

  it('carries title, author, subject, keywords, language, XMP with PDF/UA id, tags and bookmarks', async () => {
    const info = pdfInfo(pdf);
    expect(info['Title']).toBe('Redovisning av regeringsuppdrag om korta flexibla högskolekurser för yrkesverksamma specialister');
    expect(info['Author']).toBe('Vinnova');
    expect(info['Subject']).toContain('Regeringskansliet');
    expect(info['Keywords']).toContain('2018-00703');
    expect(info['Keywords']).toContain('N2018/01043/IFK');
    expect(info['Tagged']).toBe('yes');
    expect(info['Metadata Stream']).toBe('yes');
    expect(info['CreationDate']).toContain('Mar 30 00:00:00 2020');
    const catalog = await pdfCatalog(pdf);
    expect(catalog.lang).toBe('sv-SE');
    expect(catalog.markInfo).toBe(true);
    expect(catalog.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(catalog.xmp).toContain('<rdf:li>sv-SE</rdf:li>');
    expect(catalog.xmp).toContain('Redovisning av regeringsuppdrag');
    for (const title of ['Sammanfattning', 'Bakgrund', 'Resultat', 'Ekonomisk redovisning']) expect(catalog.outline).toContain(title);
    expect(catalog.outline.some((t) => t.startsWith('Bilaga 6'))).toBe(true);
    const tags = execFileSync('pdfinfo', ['-struct', pdf], { encoding: 'utf8' });
    for (const tag of ['H1', 'H2', 'P', 'L', 'LI', 'Table', 'TH', 'TD']) expect(tags).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
  });

  it('embeds its fonts, all from the Source Sans 3 package', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/SourceSans3/);
    }
  });

  it('is byte for byte the same when built again', async () => {
    const again = await buildInto(REPO);
    expect(again.result.code).toBe(0);
    const [a, b] = await Promise.all([readFile(pdf), readFile(path.join(again.out, 'redovisning.pdf'))]);
    expect(Buffer.compare(a, b)).toBe(0);
    await rm(path.dirname(again.out), { recursive: true, force: true });
  });
});

describe('a PDF appendix', () => {
  it('merges the attached pages after the appendix heading, numbered like the rest', async () => {
    const root = await fixtureReport(undefined, 'pilotprojekt');
    const attached = await PDFDocument.create();
    const font = await attached.embedFont(StandardFonts.Helvetica);
    for (const word of ['ETT', 'TVA']) attached.addPage([595, 842]).drawText(`Bifogad sida ${word}`, { x: 72, y: 700, size: 24, font });
    await mkdir(path.join(root, 'bilagor'), { recursive: true });
    await writeFile(path.join(root, 'bilagor', 'program.pdf'), await attached.save());
    const register = (await readFile(path.join(root, 'data', 'bilagor.yaml'), 'utf8')).replace('innehall: bilagor/program.md', 'pdf: bilagor/program.pdf');
    await writeFile(path.join(root, 'data', 'bilagor.yaml'), register);
    const { out, result } = await buildInto(root);
    expect(result.stderr).toContain('0 fel');
    const texts = pageTexts(path.join(out, 'redovisning.pdf'));
    const total = texts.length;
    const heading = texts.findIndex((t) => t.includes('Bilaga 2') && t.includes('Program för startmötet'));
    expect(heading).toBeGreaterThan(0);
    expect(texts[heading]).toContain('Bilagan består av 2 sidor som följer.');
    expect(texts[heading + 1]).toContain('Bifogad sida ETT');
    expect(texts[heading + 1]).toContain(`${heading + 2} (${total})`);
    expect(texts[heading + 2]).toContain('Bifogad sida TVA');
    expect(texts[heading + 2]).toContain(`${heading + 3} (${total})`);
    await rm(root, { recursive: true, force: true });
  });
});

describe('the browser that prints', () => {
  it('prints with the headless shell when it is installed, and full Chromium (the fallback) prints the same bytes', async () => {
    const { CHROMIUM_PATH, HEADLESS_SHELL } = await import('../../src/write/browser.js');
    expect(CHROMIUM_PATH).toBe(HEADLESS_SHELL);
    const full = await buildInto(REPO, [], { REDOVISNING_CHROMIUM: '/usr/bin/chromium' });
    expect(full.result.code, full.result.stderr).toBe(0);
    expect(await readFile(path.join(full.out, 'redovisning.pdf'))).toEqual(await readFile(pdf));
    await rm(path.dirname(full.out), { recursive: true, force: true });
  });
});

describe('the browser that prints', () => {
  it('is started with the flags puppeteer-core\'s own launch gives Chromium', async () => {
    const { PUPPETEER_ARGS } = await import('../../src/write/browser.js');
    const puppeteer = (await import('puppeteer-core')).default;
    expect(PUPPETEER_ARGS).toEqual(puppeteer.defaultArgs({ headless: true }).filter((arg) => arg !== 'about:blank'));
  });

  it('lays out a stylesheet\'s target-counter() references to later pages with their page numbers', async () => {
    // Finished pages leave the document while later ones are laid out, except when the
    // stylesheet refers to other pages: then they stay, and the references get their numbers.
    const root = await copyOfRealReport();
    await mkdir(path.join(root, 'templates'));
    const css = await readFile(path.join(REPO, 'templates', 'pdf.css'), 'utf8');
    await writeFile(path.join(root, 'templates', 'pdf.css'), `${css}\na[href^="#bilaga-"]::after { content: " (s. " target-counter(attr(href), page) ")"; }\n`);
    const { out, result } = await buildInto(root, ['--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const texts = pageTexts(path.join(out, 'redovisning.pdf'));
    const heading = texts.findIndex((t) => /^Bilaga 1$/m.test(t));
    expect(heading).toBeGreaterThan(0);
    expect(flat(texts.join(' '))).toContain(`bilaga 1 (s. ${heading + 1})`);
    await rm(root, { recursive: true, force: true });
    await rm(path.dirname(out), { recursive: true, force: true });
  });

  it('leaves no profile behind, and removes the profiles of builds that were killed', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'redovisning-tmp-'));
    const gone = spawnSync('true').pid;
    await mkdir(path.join(tmp, `redovisning-chromium-${gone}-x`, 'Default'), { recursive: true });
    const root = await fixtureReport(undefined);
    const run = await cli(['build', root, '--out', path.join(root, 'dist'), '--quiet'], { env: { TMPDIR: tmp } });
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(tmp)).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  });
});

describe('when the PDF cannot be printed', () => {
  it('a missing browser is a clear message that says what to run, and nothing is written', async () => {
    const root = await fixtureReport(undefined);
    const out = path.join(root, 'dist');
    const run = await cli(['build', root, '--out', out], { env: { REDOVISNING_CHROMIUM: '/nonexistent/chromium' } });
    // The tool could not run (no browser): 2, as for any other tool failure; 1 is for the report's own errors.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pdf: Chromium finns inte på \/nonexistent\/chromium: installera det med (sudo )?apt-get update && (sudo )?apt-get install -y chromium-headless-shell \(npx redovisning doktor /m);
    const english = await cli(['build', root, '--out', out, '--lang', 'en'], { env: { REDOVISNING_CHROMIUM: '/nonexistent/chromium' } });
    expect(english.stderr).toMatch(/^pdf: Chromium was not found at \/nonexistent\/chromium: install it with (sudo )?apt-get update && (sudo )?apt-get install -y chromium-headless-shell /m);
    // Said at once, in one line and what it leaves: nothing else runs first.
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
    expect(english.stderr).toContain('nothing written');
    expect(run.stderr).toContain('inget skrevs');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(readFile(path.join(out, 'index.html'))).rejects.toThrow();
    await rm(root, { recursive: true, force: true });
  });

  it('a layout that does not finish in time stops with a message and writes nothing', async () => {
    const root = await fixtureReport(undefined);
    const out = path.join(root, 'dist');
    // The browser is ready before the report is checked, so a small report prints in a tenth of a second.
    const run = await cli(['build', root, '--out', out, '--pdf-timeout', '0.01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pdf: PDF-filen var inte klar efter 0\.01 s: .*--no-pdf/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(readFile(path.join(out, 'index.html'))).rejects.toThrow();
    await rm(root, { recursive: true, force: true });
  });
});
