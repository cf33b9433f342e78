// Live-preview rebuild latency: a warm process, one word changed in a chapter,
// then check + render with the preview's cache. Prints the median in ms.
// Usage: node bench/rebuild.mjs <root> [runs]
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkReport, createCache, renderHtml } from '../lib/pipeline.js';

const [source, runsArg = '30'] = process.argv.slice(2);
const root = await mkdtemp(path.join(os.tmpdir(), 'redovisning-rebuild-'));
await cp(path.join(source, 'content'), path.join(root, 'content'), { recursive: true });
await cp(path.join(source, 'data'), path.join(root, 'data'), { recursive: true });
await cp(path.join(source, 'ordlista.txt'), path.join(root, 'ordlista.txt')).catch(() => undefined);
// The report's own schemas and its agency profile, when it has them (the real report's is profiler/vinnova).
for (const folder of ['schemas', 'profiler']) await cp(path.join(source, folder), path.join(root, folder), { recursive: true }).catch(() => undefined);
const chapter = path.join(root, 'content', (await import('node:fs')).readdirSync(path.join(root, 'content')).filter((f) => f.endsWith('.md')).sort()[0]);
const original = await readFile(chapter, 'utf8');
const cache = createCache();
const rebuild = async () => {
  const checked = await checkReport(root, cache);
  if (checked.diagnostics.hasErrors) throw new Error('the edit broke the report');
  renderHtml(checked, { pdfHref: 'redovisning.pdf' });
};
for (let i = 0; i < 5; i++) await rebuild();
const times = [];
for (let i = 0; i < Number(runsArg); i++) {
  await writeFile(chapter, original.replace(/\bVinnova\b/, i % 2 ? 'Vinnova' : 'VINNOVA'));
  const started = performance.now();
  await rebuild();
  times.push(performance.now() - started);
}
await rm(root, { recursive: true, force: true });
times.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times[times.length - 1] })}\n`);
