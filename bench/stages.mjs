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
  const { buildPdf, startPrinter } = await import('../lib/build-pdf.js');
  // The PDF step as the build runs it (its printer thread starts the browser), in parts:
  // start → laying out → printing → finishing (pdf-lib).
  const steps = {};
  const pdf = await buildPdf(checked, html.page.body, (step) => (steps[step.id] = performance.now() - t), { timeoutMs: 900_000, printer: startPrinter() });
  result.pdf = performance.now() - t;
  result.pdfParts = { start: steps['pdf.laying-out'], layout: steps['pdf.printing'] - steps['pdf.laying-out'], print: steps['pdf.finishing'] - steps['pdf.printing'], finish: result.pdf - steps['pdf.finishing'] };
  html.files.push({ path: 'redovisning.pdf', content: pdf.bytes });
  result.pages = pdf.pages;
  // The same print document printed by Chromium alone (no Paged.js: no page-foot footnotes), as a yardstick.
  t = performance.now();
  const { launchBrowser, printDocument } = await import('../lib/build-pdf.js');
  const { html: printHtml } = await printDocument(checked, html.page.body);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.setContent(printHtml, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
  await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 900_000 });
  await browser.close();
  result.nativePrint = performance.now() - t;
  t = performance.now();
}
await writeOutput(out, html.files, html.copies);
result.write = performance.now() - t;
result.total = performance.now() - started;
result.rssMiB = process.resourceUsage().maxRSS / 1024;
const markdown = rest[rest.indexOf('--markdown') + 1];
if (rest.includes('--markdown') && markdown) await writeFile(markdown, checked.context.chapters.map((c) => c.expanded.markdown).join('\n\n'));
process.stdout.write(`${JSON.stringify(result)}\n`);
