import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generate } from '../../bench/generate.mjs';
import { checkReport, createCache, type BuildCache } from '../../src/pipeline.js';
import { PdfOnDemand } from '../../src/preview/pdf-on-demand.js';
import { pageBody } from '../../src/render/render-page.js';
import { closeBrowser, launchBrowser } from '../../src/write/browser.js';
import { buildPdf } from '../../src/write/build-pdf.js';
import { REPO } from '../helpers.js';
import { copyOfReport } from './copy.js';

/** A save in the report root: a file changed by a function of its text. */
type Edit = { name: string; file: (files: string[]) => string; change: (text: string) => string; full?: boolean };

const chapter = (suffix: string, nth = 0) => (files: string[]) => path.join('content', files.filter((f) => f.endsWith(suffix))[nth] ?? '');
const once = (from: RegExp | string, to: string) => (text: string) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the edit found no ${String(from)}`);
  return changed;
};

/** The edits of the comparison, in order: each applies to the report as the ones before left it. */
const EDITS: Edit[] = [
  { name: 'a word', file: chapter('bakgrund.md'), change: once(/\bVinnova\b/, 'VINNOVA') },
  // Laid out again with the first table's page, converging before the next table's: the pages kept after the
  // relaid ones hold tables printed (and their nodes named) before them.
  { name: 'a word before a table', file: chapter('genomforande.md'), change: once('Totalt inkom', 'Sammanlagt inkom') },
  { name: 'a sentence', file: chapter('genomforande.md'), change: once('. ', '. Detta är en ny mening om uppdraget och hur det har genomförts under året. ') },
  { name: 'a new paragraph', file: chapter('resultat.md'), change: once(/\n\n/, '\n\nEtt nytt stycke om resultaten: pilotprojekten har redovisat sina första kurser, och fler lärosäten har visat intresse för att ta del av erfarenheterna.\n\n') },
  { name: 'a deleted footnote', file: chapter('genomforande.md'), change: (text) => once(/\[\^medel(-\d+)?\]/, '')(once(/\n\[\^medel(-\d+)?\]: [^\n]*\n/, '\n')(text)) },
  { name: 'a table row', file: () => path.join('data', 'projekt.yaml'), change: once('Digital Design and AI Podcasting (DAP)', 'Digital Design and AI Podcasting for Working Professionals (DAP)') },
  { name: 'an edit on the last page', file: (files) => path.join('content', 'bilagor', files.find((f) => f.endsWith('.md')) ?? ''), change: (text) => `${text.trimEnd()}\n\nEtt sista stycke, tillagt på bilagans sida.\n` },
  { name: 'an edit on the first page', file: chapter('sammanfattning.md'), change: once(/\bVinnova\b/, 'VINNOVA') },
  { name: 'the styles', file: () => path.join('templates', 'pdf.css'), change: (text) => `${text}\nh3 { letter-spacing: 0.01em; }\n`, full: true },
];

/**
 * Builds the PDF after each edit twice: as the preview does (the kept page,
 * laid out again from the change) and as a build does (a fresh page, a
 * full layout), and holds the two to the same bytes.
 */
async function compare(root: string, edits: readonly Edit[], browser: Promise<Browser>): Promise<{ name: string; full: boolean; from: number; laidOut: number; pages: number }[]> {
  const cache: BuildCache = createCache();
  const pdf = new PdfOnDemand(() => undefined, () => undefined);
  const runs = [];
  let version = 0;
  try {
    for (const edit of [undefined, ...edits]) {
      if (edit) {
        const appendices = await readdir(path.join(root, 'content', 'bilagor')).catch(() => []);
        const chapters = (await readdir(path.join(root, 'content'))).filter((f) => f.endsWith('.md')).sort();
        const file = path.join(root, edit.file(edit.name.includes('last page') ? appendices.sort() : chapters));
        await writeFile(file, edit.change(await readFile(file, 'utf8')));
      }
      const checked = await checkReport(root, cache);
      expect(checked.diagnostics.sorted().filter((d) => d.severity === 'error'), edit?.name).toEqual([]);
      const { body } = pageBody(checked.context, checked.diagnostics);
      const kept = await pdf.get(++version, checked, body);
      const full = await buildPdf(checked, body, () => undefined, { browser, keepBrowser: true });
      const last = pdf.kept?.last;
      expect(last, edit?.name).toBeDefined();
      runs.push({ name: edit?.name ?? 'first print', full: last?.full ?? true, from: last?.from ?? 0, laidOut: last?.laidOut ?? 0, pages: full.pages });
      expect(kept.pages, edit?.name).toBe(full.pages);
      // The same bytes: the kept page's PDF is the one a build makes of the same sources.
      expect(Buffer.compare(Buffer.from(kept.bytes), Buffer.from(full.bytes)), `${edit?.name}: the PDFs differ`).toBe(0);
      if (edit) expect(last?.full, edit.name).toBe(edit.full ?? false);
    }
  } finally {
    await pdf.close();
    await cache.speller?.finish();
  }
  if (process.env.RELAYOUT_LOG) process.stderr.write(`${JSON.stringify(runs)}\n`);
  return runs;
}

describe('the preview lays out again only from the change, and its PDF is the full build\'s', () => {
  let browser: Promise<Browser>;
  const roots: string[] = [];
  beforeAll(() => {
    browser = launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(await browser.catch(() => undefined));
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('for a word, a word before a table, a sentence, a paragraph, a footnote, a table row, the last and the first page, and the styles (the real report)', async () => {
    const root = await copyOfReport(REPO);
    roots.push(root);
    const runs = await compare(root, EDITS, browser);
    // The one-word edit near the start converged after a page or two: the pages after it were kept.
    const word = runs.find((r) => r.name === 'a word');
    expect(word?.laidOut).toBeLessThan((word?.pages ?? 0) / 2);
    // The word before the projects' table was laid out again with the table's first page, and the budget
    // table's page (7) was kept from the print before: its cells' ids are older than the relaid ones.
    const beforeTable = runs.find((r) => r.name === 'a word before a table');
    expect((beforeTable?.from ?? 0) + (beforeTable?.laidOut ?? 0)).toBeLessThan(7);
  }, 600_000);

  it('in a report three times the size, where most pages are kept', async () => {
    const root = path.join(os.tmpdir(), `redovisning-relayout-${process.pid}`);
    roots.push(root);
    await generate(3, root);
    const runs = await compare(root, EDITS.filter((e) => ['a word', 'a sentence', 'a deleted footnote', 'an edit on the last page'].includes(e.name)), browser);
    const word = runs.find((r) => r.name === 'a word');
    expect(word?.laidOut).toBeLessThan((word?.pages ?? 0) / 4);
    // Past a deleted footnote every later note has another number: the layout runs to the end.
    const footnote = runs.find((r) => r.name === 'a deleted footnote');
    expect((footnote?.from ?? 0) + (footnote?.laidOut ?? 0)).toBe(footnote?.pages);
    // An edit on the last page starts near the end.
    const last = runs.find((r) => r.name === 'an edit on the last page');
    expect(last?.from).toBeGreaterThan((last?.pages ?? 0) / 2);
  }, 600_000);
});
