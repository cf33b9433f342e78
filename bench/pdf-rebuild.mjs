// Live-preview PDF latency: a warm process with the preview's kept browser
// (PdfOnDemand), one word changed in a chapter, then what the preview does
// before the author sees the new PDF: check, the chapters drawn, the page,
// and the PDF printed. Prints JSON: the median save → fresh PDF in ms and
// its parts (check and page, layout, Chromium's print, finishing).
// Usage: node bench/pdf-rebuild.mjs <root> [runs]
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PdfOnDemand } from '../lib/pdf-on-demand.js';
import { checkReport, createCache, pageBody, renderHtml } from '../lib/pipeline.js';

const [source, runsArg = '10'] = process.argv.slice(2);
const root = await mkdtemp(path.join(os.tmpdir(), 'redovisning-pdf-rebuild-'));
for (const folder of ['content', 'data', 'schemas', 'profiler', 'templates', 'bilder']) await cp(path.join(source, folder), path.join(root, folder), { recursive: true }).catch(() => undefined);
await cp(path.join(source, 'ordlista.txt'), path.join(root, 'ordlista.txt')).catch(() => undefined);
const chapter = path.join(root, 'content', (await readdir(path.join(root, 'content'))).filter((f) => f.endsWith('.md')).sort()[0]);
const original = await readFile(chapter, 'utf8');
const cache = createCache();
let marks = {};
const pdf = new PdfOnDemand(() => undefined, (step) => (marks[step.id] = performance.now()));
let version = 0;

/** One save as the preview handles it: check, page, then the PDF the open page asks for. */
const rebuild = async () => {
  const checked = await checkReport(root, cache);
  if (checked.diagnostics.hasErrors) throw new Error('the edit broke the report');
  const body = pageBody(checked.context, checked.diagnostics);
  renderHtml(checked, { pdfHref: 'redovisning.pdf', body });
  marks = { checked: performance.now() };
  const built = await pdf.get(++version, checked, body.body);
  return built;
};

/** Resident memory (MiB) of the browsers this process started, with all their processes, from /proc. */
const browserMiB = () => {
  const stats = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(pid), ppid: Number(fields[1]), rss: Number(fields[21]) * 4096, name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set(stats.filter((s) => s.ppid === process.pid && /chrom|headless/i.test(s.name)).map((s) => s.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!tree.has(s.pid) && tree.has(s.ppid)) grew = tree.add(s.pid) !== undefined;
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.rss, 0) / 2 ** 20;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let i = 0; i < 3; i++) await rebuild();
const runs = [];
let pages = 0;
// The browser's memory (its whole process tree) as each PDF is made, and kept while the author reads it (the page's
// garbage collected), the largest of each.
let peakMiB = 0;
let keptMiB = 0;
for (let i = 0; i < Number(runsArg); i++) {
  await writeFile(chapter, original.replace(/\bVinnova\b/, i % 2 ? 'Vinnova' : 'VINNOVA'));
  const started = performance.now();
  const built = await rebuild();
  const ended = performance.now();
  pages = built.pages;
  peakMiB = Math.max(peakMiB, browserMiB());
  // The author reads the PDF before the next save.
  await pdf.settled;
  keptMiB = Math.max(keptMiB, browserMiB());
  runs.push({ total: ended - started, check: marks.checked - started, layout: marks['pdf.printing'] - marks['pdf.laying-out'], print: marks['pdf.finishing'] - marks['pdf.printing'], finish: ended - marks['pdf.finishing'], setup: marks['pdf.laying-out'] - marks.checked });
}
await pdf.close();
await cache.speller?.finish();
await rm(root, { recursive: true, force: true });
const part = (k) => median(runs.map((r) => r[k]));
process.stdout.write(`${JSON.stringify({ pages, keptBrowserMiB: Math.round(keptMiB), peakBrowserMiB: Math.round(peakMiB), medianMs: part('total'), minMs: Math.min(...runs.map((r) => r.total)), parts: { check: part('check'), setup: part('setup'), layout: part('layout'), print: part('print'), finish: part('finish') } })}\n`);
