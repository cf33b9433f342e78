// One build of a report in a fresh process, timed per stage; prints JSON.
// Usage: node bench/stages.mjs <root> <out> [--pdf] [--markdown <file>]
import { writeFile } from 'node:fs/promises';
import { checkReport, renderHtml } from '../lib/pipeline.js';

const [root, out, ...rest] = process.argv.slice(2);
const started = performance.now();
const checked = await checkReport(root);
if (checked.diagnostics.hasErrors) throw new Error(`the report has errors: ${checked.diagnostics.list.length}`);
const html = renderHtml(checked, { pdfHref: rest.includes('--pdf') ? 'redovisning.pdf' : undefined });
const result = { ...checked.timings };
let t = performance.now();
const { writeOutput } = await import('../lib/write-output.js');
if (rest.includes('--pdf')) {
  const { buildPdf } = await import('../lib/build-pdf.js');
  const pdf = await buildPdf(checked, html.page.body, () => {}, { timeoutMs: 900_000 });
  result.pdf = performance.now() - t;
  html.files.push({ path: 'redovisning.pdf', content: pdf.bytes });
  result.pages = pdf.pages;
  t = performance.now();
}
await writeOutput(out, html.files, html.copies);
result.write = performance.now() - t;
result.total = performance.now() - started;
result.rssMiB = process.resourceUsage().maxRSS / 1024;
const markdown = rest[rest.indexOf('--markdown') + 1];
if (rest.includes('--markdown') && markdown) await writeFile(markdown, checked.context.chapters.map((c) => c.expanded.markdown).join('\n\n'));
process.stdout.write(`${JSON.stringify(result)}\n`);
