// The preview's PDF after a series of edits against a full build's of the
// same sources, byte for byte, for a report of any size (the tests do 1× and
// 3×; this is for 10× and 30×). Prints one JSON line per edit: how the kept
// layout went (from which page, how many pages laid out), the times, and
// whether the bytes are the same. Usage: node bench/relayout-compare.mjs <root>
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPdf, launchBrowser } from '../lib/build-pdf.js';
import { PdfOnDemand } from '../lib/pdf-on-demand.js';
import { checkReport, createCache, pageBody } from '../lib/pipeline.js';

const [source] = process.argv.slice(2);
const root = await mkdtemp(path.join(os.tmpdir(), 'redovisning-relayout-'));
for (const folder of ['content', 'data', 'schemas', 'profiler', 'templates', 'bilder']) await cp(path.join(source, folder), path.join(root, folder), { recursive: true }).catch(() => undefined);
await cp(path.join(source, 'ordlista.txt'), path.join(root, 'ordlista.txt')).catch(() => undefined);
const chapters = (await readdir(path.join(root, 'content'))).filter((f) => f.endsWith('.md')).sort();
const chapter = (suffix, last = false) => path.join('content', chapters.filter((f) => f.endsWith(suffix)).at(last ? -1 : 0));
const edits = [
  ['a word', chapter('bakgrund.md'), (t) => t.replace(/\bVinnova\b/, 'VINNOVA')],
  ['a sentence', chapter('genomforande.md'), (t) => t.replace('. ', '. Detta är en ny mening om uppdraget och hur det har genomförts under året. ')],
  ['a new paragraph', chapter('resultat.md'), (t) => t.replace(/\n\n/, '\n\nEtt nytt stycke om resultaten: pilotprojekten har redovisat sina första kurser.\n\n')],
  ['a deleted footnote', chapter('genomforande.md'), (t) => t.replace(/\n\[\^medel(-\d+)?\]: [^\n]*\n/, '\n').replace(/\[\^medel(-\d+)?\]/, '')],
  ['an edit in the last chapter', chapter('ekonomisk-redovisning.md', true), (t) => t.replace(/\n\n/, '\n\nEtt nytt stycke i det sista kapitlet.\n\n')],
  ['an edit on the first page', chapter('sammanfattning.md'), (t) => t.replace(/\bVinnova\b/, 'VINNOVA')],
];
const cache = createCache();
const pdf = new PdfOnDemand(() => undefined, () => undefined);
const browser = launchBrowser();
let version = 0;
for (const [name, file, change] of [['first print'], ...edits]) {
  if (file) await writeFile(path.join(root, file), change(await readFile(path.join(root, file), 'utf8')));
  const checked = await checkReport(root, cache);
  if (checked.diagnostics.hasErrors) throw new Error(`${name}: the edit broke the report`);
  const { body } = pageBody(checked.context, checked.diagnostics);
  let t = performance.now();
  const kept = await pdf.get(++version, checked, body);
  const keptMs = Math.round(performance.now() - t);
  t = performance.now();
  const full = await buildPdf(checked, body, () => undefined, { browser, keepBrowser: true });
  const fullMs = Math.round(performance.now() - t);
  const same = Buffer.compare(Buffer.from(kept.bytes), Buffer.from(full.bytes)) === 0;
  // Two that differ are kept for a look (pdftoppm, pdftotext, pdfinfo -struct-text).
  const differ = same ? undefined : [path.join(os.tmpdir(), `relayout-${version}-kept.pdf`), path.join(os.tmpdir(), `relayout-${version}-full.pdf`)];
  if (differ) await Promise.all([writeFile(differ[0], kept.bytes), writeFile(differ[1], full.bytes)]);
  process.stdout.write(`${JSON.stringify({ edit: name, ...pdf.kept?.last, pages: full.pages, keptMs, fullMs, sameBytes: same, ...(differ ? { differ } : {}) })}\n`);
}
await pdf.close();
await (await browser).close();
await cache.speller?.finish();
await rm(root, { recursive: true, force: true });
