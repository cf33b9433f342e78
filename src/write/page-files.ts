import path from 'node:path';
import type { CheckedFacts } from '../language/checked-report.js';
import type { ReportModel } from '../model/report-model.js';
import { datasetViews, type OpenDataListing } from '../render/datasets.js';
import { FONT_DIR, FONT_FACES } from '../render/fonts.js';
import { appendixPdfPath, renderPage, type PageBody, type RenderedPage, type WordLink } from '../render/render-page.js';
import type { OutputCopy, OutputFile } from './write-output.js';

/** The files of an HTML build: page, stylesheets, fonts and open data. */
export interface HtmlBuild {
  page: RenderedPage;
  files: OutputFile[];
  copies: OutputCopy[];
}

/**
 * Renders a checked, error-free report to the files of the web publication.
 * Pure apart from reading nothing: returns what the write stage writes. The
 * open data files are made by the write stage (write/open-data); without
 * them, the page lists the datasets without their sizes.
 */
export function renderHtml(checked: CheckedFacts, options: { pdfHref: string | undefined; docx?: WordLink | undefined; openData?: OpenDataListing; body?: PageBody; downloads?: ReadonlyMap<string, string> }): HtmlBuild | undefined {
  const { context, diagnostics } = checked;
  const model = context.model as ReportModel;
  const started = performance.now();
  const openData = options.openData ?? { datasets: datasetViews(model, context.placements), record: undefined };
  const page = renderPage(context, diagnostics, { pdfHref: options.pdfHref, docx: options.docx, openData, body: options.body, downloads: options.downloads });
  if (!page) return undefined;
  const files: OutputFile[] = [
    { path: 'index.html', content: page.html },
    { path: 'assets/style.css', content: context.sources.templates.get('style.css')?.text ?? '' },
    { path: 'assets/print.css', content: context.sources.templates.get('print.css')?.text ?? '' },
    { path: 'data/redovisning.json', content: `${JSON.stringify(model.scope, null, 2)}\n` },
  ];
  const copies: OutputCopy[] = FONT_FACES.map((f) => ({ from: path.join(FONT_DIR, f.file), to: `assets/fonts/${f.file}` }));
  // The profile's and the report's own fonts, beside the built-in ones (style.css names them as fonts/<file>).
  for (const [name, from] of context.sources.fonts) copies.push({ from, to: `assets/fonts/${name}` });
  // Attached appendix PDFs are published beside the page, as the checks opened them (without active content).
  for (const a of context.appendices) {
    const attached = context.attachedPdfs.get(a.number);
    if (a.pdf && attached) files.push({ path: appendixPdfPath(a), content: attached.bytes });
  }
  // Images under names that change with their content (an SVG as sanitised).
  for (const image of new Map([...context.figures.images.values()].map((i) => [i.href, i])).values()) files.push({ path: image.href, content: image.bytes });
  checked.timings.render = performance.now() - started;
  return { page, files, copies };
}
