// The preview's PDF after a series of edits against a full build's of the
// same sources, byte for byte, for a report of any size (the tests do 1× and
// 3×; this is for 10× and 30×). Prints one JSON line per edit: how the kept
// layout went (from which page, how many pages laid out), the times, and
// whether the bytes are the same. Usage: node bench/relayout-compare.mjs <root>
// With RELAYOUT_DUMP=<dir>, the laid-out pages of both (the kept page's and
// a fresh page's full layout) are written there as HTML, one file per page,
// for a diff when the bytes differ.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPdf, launchBrowser } from '../lib/build-pdf.js';
import { PdfOnDemand } from '../lib/pdf-on-demand.js';
import { checkReport, createCache, pageBody } from '../lib/pipeline.js';

const [source] = process.argv.slice(2);
const dump = process.env.RELAYOUT_DUMP;
const root = await mkdtemp(path.join(os.tmpdir(), 'redovisning-relayout-'));
for (const folder of ['content', 'data', 'schemas', 'profiler', 'templates', 'bilder']) await cp(path.join(source, folder), path.join(root, folder), { recursive: true }).catch(() => undefined);
await cp(path.join(source, 'ordlista.txt'), path.join(root, 'ordlista.txt')).catch(() => undefined);
const chapters = (await readdir(path.join(root, 'content'))).filter((f) => f.endsWith('.md')).sort();
const chapter = (suffix) => path.join('content', chapters.find((f) => f.endsWith(suffix)));
const appendix = async () => path.join('content', 'bilagor', (await readdir(path.join(root, 'content', 'bilagor'))).filter((f) => f.endsWith('.md')).sort()[0]);
const once = (from, to) => (text) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the edit found no ${String(from)}`);
  return changed;
};
// The edits of test/e2e/relayout.test.ts, in its order, and one on the very last page.
const edits = [
  ['a word', chapter('bakgrund.md'), once(/\bVinnova\b/, 'VINNOVA')],
  ['a word before a table', chapter('genomforande.md'), once('Totalt inkom', 'Sammanlagt inkom')],
  ['a sentence', chapter('genomforande.md'), once('. ', '. Detta är en ny mening om uppdraget och hur det har genomförts under året. ')],
  ['a new paragraph', chapter('resultat.md'), once(/\n\n/, '\n\nEtt nytt stycke om resultaten: pilotprojekten har redovisat sina första kurser, och fler lärosäten har visat intresse för att ta del av erfarenheterna.\n\n')],
  ['a deleted footnote', chapter('genomforande.md'), (t) => once(/\[\^medel(-\d+)?\]/, '')(once(/\n\[\^medel(-\d+)?\]: [^\n]*\n/, '\n')(t))],
  ['a table row', path.join('data', 'projekt.yaml'), once('Digital Design and AI Podcasting (DAP)', 'Digital Design and AI Podcasting for Working Professionals (DAP)')],
  ['an edit on the last page', appendix, (t) => `${t.trimEnd()}\n\nEtt sista stycke, tillagt på bilagans sida.\n`],
  ['an edit on the first page', chapter('sammanfattning.md'), once(/\bVinnova\b/, 'VINNOVA')],
  // In a generated report the appendix with a body is not the last page: the last appendix's title is.
  ['the last page (the last appendix\'s title)', path.join('data', 'bilagor.yaml'), once(/(titel: [^\n]*)(\n*)$/, '$1, sammanställning$2')],
];
/** The laid-out pages of a print page, one HTML file per page. */
const writePages = async (page, dir) => {
  const pages = await page.evaluate(() => [...document.querySelectorAll('.pagedjs_page')].map((p) => p.outerHTML));
  await mkdir(dir, { recursive: true });
  await Promise.all(pages.map((html, i) => writeFile(path.join(dir, `${String(i + 1).padStart(4, '0')}.html`), `${html.replace(/></g, '>\n<')}\n`)));
};
const cache = createCache();
const pdf = new PdfOnDemand(() => undefined, () => undefined);
// For the dump: a second preview whose every print is a full layout in a fresh page.
const fresh = dump ? new PdfOnDemand(() => undefined, () => undefined) : undefined;
const browser = launchBrowser();
let version = 0;
for (const [name, file, change] of [['first print'], ...edits]) {
  const at = typeof file === 'function' ? await file() : file;
  if (at) await writeFile(path.join(root, at), change(await readFile(path.join(root, at), 'utf8')));
  const checked = await checkReport(root, cache);
  if (checked.diagnostics.hasErrors) throw new Error(`${name}: the edit broke the report`);
  const { body } = pageBody(checked.context, checked.diagnostics);
  let t = performance.now();
  const kept = await pdf.get(++version, checked, body);
  const keptMs = Math.round(performance.now() - t);
  t = performance.now();
  const full = await buildPdf(checked, body, () => undefined, { browser, keepBrowser: true });
  const fullMs = Math.round(performance.now() - t);
  if (dump && fresh) {
    await fresh.kept?.close();
    fresh.kept = undefined;
    const reference = await fresh.get(version, checked, body);
    await writePages(pdf.kept.prepared.page, path.join(dump, `${version}-kept`));
    await writePages(fresh.kept.prepared.page, path.join(dump, `${version}-full`));
    if (Buffer.compare(Buffer.from(reference.bytes), Buffer.from(full.bytes)) !== 0) process.stdout.write(`${name}: a fresh page's full layout is not the build's\n`);
  }
  const same = Buffer.compare(Buffer.from(kept.bytes), Buffer.from(full.bytes)) === 0;
  // Two that differ are kept for a look (pdftoppm, pdftotext, pdfinfo -struct-text).
  const differ = same ? undefined : [path.join(os.tmpdir(), `relayout-${version}-kept.pdf`), path.join(os.tmpdir(), `relayout-${version}-full.pdf`)];
  if (differ) await Promise.all([writeFile(differ[0], kept.bytes), writeFile(differ[1], full.bytes)]);
  process.stdout.write(`${JSON.stringify({ edit: name, ...pdf.kept?.last, pages: full.pages, keptMs, fullMs, sameBytes: same, ...(differ ? { differ } : {}) })}\n`);
}
await pdf.close();
await fresh?.close();
await (await browser).close();
await cache.speller?.finish();
await rm(root, { recursive: true, force: true });
