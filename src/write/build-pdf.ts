import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { CheckedReport } from '../language/checked-report.js';
import { FONT_DIR, FONT_FACES } from '../render/fonts.js';
import type { ReportBody } from '../render/markdown-to-hast.js';
import { renderPrint } from '../render/render-print.js';
import { outputDate } from './dates.js';
import { PdfError, printPdf, type PrintPage, type Progress } from './pdf.js';
import type { Printer } from './printer.js';

/** How long printing may take before the build gives up (a hang, or a report far larger than any real one). */
export const DEFAULT_PDF_TIMEOUT_MS = 180_000;

/** The finished PDF and what the build tells the author about it. */
export interface BuiltPdf {
  bytes: Uint8Array;
  pages: number;
}


/**
 * @font-face rules with the fonts inlined as data: URLs, so the print page
 * loads nothing. Read at once (four small files): the print document is
 * then ready before anything else the build does meanwhile.
 */
function inlineFontFaces(): string {
  const rules: string[] = [];
  for (const face of FONT_FACES) {
    const data = readFileSync(path.join(FONT_DIR, face.file)).toString('base64');
    rules.push(`@font-face { font-family: "Source Sans 3"; font-style: ${face.style}; font-weight: ${face.weight}; src: url(data:font/woff2;base64,${data}) format("woff2"); }`);
  }
  return rules.join('\n');
}

/** What is printed: the print document, and the attached appendix PDFs with their page counts. */
export interface PrintDocument {
  html: string;
  attachments: Map<number, Uint8Array>;
}

/**
 * Reads the attached appendix PDFs (inside the report root) and renders the
 * print document, with its CSS and fonts inline.
 */
export async function printDocument(checked: Pick<CheckedReport, 'context' | 'diagnostics'>, body: ReportBody): Promise<PrintDocument> {
  const { context, diagnostics } = checked;
  if (!context.model) throw new PdfError('pdf.no-model');
  const attachments = new Map<number, Uint8Array>();
  const pageCounts = new Map<number, number>();
  for (const appendix of context.appendices) {
    if (!appendix.pdf) continue;
    const { PDFDocument } = await import('pdf-lib');
    const file = path.resolve(context.sources.root, appendix.pdf);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      throw new PdfError('pdf.attachment-unreadable', { number: appendix.number, path: appendix.pdf });
    }
    try {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      pageCounts.set(appendix.number, doc.getPageCount());
    } catch (error) {
      throw new PdfError('pdf.attachment-broken', { number: appendix.number, path: appendix.pdf, reason: (error as Error).message });
    }
    attachments.set(appendix.number, bytes);
  }
  const css = `${inlineFontFaces()}\n${context.sources.templates.get('pdf.css')?.text ?? ''}`;
  const html = renderPrint(context, body, css, pageCounts, diagnostics);
  if (!html) throw new PdfError('pdf.template-failed');
  return { html, attachments };
}

/**
 * The PDF stage: renders the print document, prints it in Chromium and
 * finishes it with pdf-lib. Errors an author can cause become PdfErrors
 * with a message that says what to do.
 */
export async function buildPdf(checked: Pick<CheckedReport, 'context' | 'diagnostics'>, body: ReportBody, progress: Progress, options: { timeoutMs?: number; browser?: Promise<Browser> | undefined; page?: Promise<PrintPage> | undefined; keepBrowser?: boolean; printer?: Printer | undefined } = {}): Promise<BuiltPdf> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const model = checked.context.model;
  if (!model) throw new PdfError('pdf.no-model');
  const { html, attachments } = await printDocument(checked, body);
  const printing = options.printer ? options.printer.print(html, { timeoutMs, progress }) : printPdf(html, { timeoutMs, progress, browser: options.browser, page: options.page, keepBrowser: options.keepBrowser ?? false });
  // pdf-lib (some 50 ms to load) loads while Chromium prints.
  const finishing = import('./pdf-finish.js');
  finishing.catch(() => undefined);
  const printed = await printing;
  const { finishPdf } = await finishing;
  progress({ id: 'pdf.finishing' });
  const { rapport } = model;
  const bytes = await finishPdf(
    printed.bytes,
    {
      title: rapport.titel,
      author: rapport.myndighet,
      subject: rapport.beskrivning,
      keywords: [`Dnr ${rapport.dnr}`, ...(rapport.ertDnr ? [`Ert dnr ${rapport.ertDnr}`] : [])],
      language: rapport.sprak ?? 'sv-SE',
      date: outputDate(rapport.datum),
    },
    attachments,
    printed.placements,
  );
  return { bytes, pages: printed.pages };
}

/** For the benchmark: the print step alone, and the browser it prints in. */
export { preparePage, printPdf } from './pdf.js';
export { launchBrowser } from './browser.js';
export { startPrinter } from './printer.js';
