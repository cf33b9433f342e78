import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckedReport } from '../language/checked-report.js';
import { FONT_TYPES } from '../load/load-profile.js';
import { FONT_DIR, FONT_FACES } from '../render/fonts.js';
import type { ReportBody } from '../render/markdown-to-hast.js';
import { renderPrint } from '../render/render-print.js';
import { outputDate } from './dates.js';
import type { FinishedPdf, PdfMetadata, PdfStandardChoice, StandardShortfall } from './pdf-finish.js';
import { PdfError, printPdf, type Printed, type PrintPage, type Progress } from './pdf.js';
import type { KeptContent } from './pdf-standards/content-pass.js';
import type { Printer } from './printer.js';

/** How long printing may take before the build gives up (a hang, or a report far larger than any real one). */
export const DEFAULT_PDF_TIMEOUT_MS = 180_000;

/** The finished PDF and what the build tells the author about it. */
export interface BuiltPdf {
  bytes: Uint8Array;
  pages: number;
  /** What was asked: `auto` (the standards the report allows) or `none`. */
  standard: PdfStandardChoice;
  /** The standards the PDF meets and claims in its XMP (`PDF/A-2u`, `PDF/UA-1`). */
  standards: string[];
  /** The standards left out, and why. */
  shortfalls: StandardShortfall[];
  /** Warnings about the PDF, at the author's lines (an attached appendix that does not embed its fonts). */
  warnings: Diagnostic[];
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

/**
 * The profile's and the report's own fonts in pdf.css (`url("fonts/<file>")`,
 * as style.css names them) inlined as data: URLs: the print page loads nothing.
 */
function inlineOwnFonts(css: string, fonts: ReadonlyMap<string, string>): string {
  if (fonts.size === 0) return css;
  return css.replace(/url\(\s*(["']?)fonts\/([^"')]+)\1\s*\)/g, (whole, _quote: string, name: string) => {
    const file = fonts.get(name);
    if (!file) return whole;
    const type = FONT_TYPES[path.extname(name).slice(1).toLowerCase()] ?? 'font/woff2';
    return `url(data:${type};base64,${readFileSync(file).toString('base64')})`;
  });
}

/** What is printed: the print document, and the attached appendix PDFs with their page counts. */
export interface PrintDocument {
  html: string;
  attachments: Map<number, Uint8Array>;
  pageCounts: Map<number, number>;
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
  // Opened, checked and cleaned of active content by the check (figures/attached-pdfs.ts).
  for (const appendix of context.appendices) {
    if (!appendix.pdf) continue;
    const attached = context.attachedPdfs.get(appendix.number);
    if (!attached) throw new PdfError('pdf.attachment-unreadable', { number: appendix.number, path: appendix.pdf });
    pageCounts.set(appendix.number, attached.pages);
    attachments.set(appendix.number, attached.bytes);
  }
  const css = `${inlineFontFaces()}\n${inlineOwnFonts(context.sources.templates.get('pdf.css')?.text ?? '', context.sources.fonts)}`;
  const html = renderPrint(context, body, css, pageCounts, diagnostics);
  if (!html) throw new PdfError('pdf.template-failed');
  return { html, attachments, pageCounts };
}

/**
 * The PDF stage: renders the print document, prints it in Chromium and
 * finishes it with pdf-lib. Errors an author can cause become PdfErrors
 * with a message that says what to do.
 */
export async function buildPdf(checked: Pick<CheckedReport, 'context' | 'diagnostics'>, body: ReportBody, progress: Progress, options: { timeoutMs?: number; browser?: Promise<Browser> | undefined; page?: Promise<PrintPage> | undefined; keepBrowser?: boolean; printer?: Printer | undefined; standard?: PdfStandardChoice; keptContent?: Map<string, KeptContent> | undefined } = {}): Promise<BuiltPdf> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const model = checked.context.model;
  if (!model) throw new PdfError('pdf.no-model');
  const { html, attachments, pageCounts } = await printDocument(checked, body);
  const { rapport } = model;
  const meta: PdfMetadata = {
    title: rapport.titel,
    author: rapport.myndighet,
    subject: rapport.beskrivning,
    keywords: [`Dnr ${rapport.dnr}`, ...(rapport.ertDnr ? [`Ert dnr ${rapport.ertDnr}`] : [])],
    language: rapport.sprak ?? 'sv-SE',
    date: outputDate(rapport.datum),
  };
  const attached = new Map([...attachments].map(([number, bytes]) => [number, { bytes, pages: pageCounts.get(number) ?? 0, title: model.bilagor[number - 1]?.titel ?? '' }]));
  const standard = options.standard ?? 'auto';
  let finished: FinishedPdf;
  let pages: number;
  let printed: Printed & { finished?: FinishedPdf | undefined };
  if (options.printer) {
    // The printer's thread prints and finishes: pdf-lib's work runs beside this thread's.
    printed = await options.printer.print(html, { timeoutMs, progress, finish: { meta, attachments: attached, standard } });
  } else {
    const printing = printPdf(html, { timeoutMs, progress, browser: options.browser, page: options.page, keepBrowser: options.keepBrowser ?? false });
    // pdf-lib (some 50 ms to load) loads while Chromium prints.
    const finishing = import('./pdf-finish.js');
    finishing.catch(() => undefined);
    printed = await printing;
    await finishing;
  }
  // A printer that only prints (the preview's kept layout) leaves the finishing to this thread.
  if (printed.finished) finished = printed.finished;
  else {
    const { finishPdf } = await import('./pdf-finish.js');
    progress({ id: 'pdf.finishing' });
    finished = await finishPdf(printed.bytes, meta, attached, printed.placements, printed.hints, standard, options.keptContent);
  }
  pages = printed.pages;
  // An attached PDF that does not embed its fonts: a warning at its line in bilagor.yaml.
  const warnings: Diagnostic[] = [];
  for (const [number, fonts] of finished.appendixFonts) {
    const where = model.places.locate(['bilagor', number - 1, 'pdf']);
    warnings.push({ file: where.file, point: where.point, severity: 'warning', ruleId: 'appendix-fonts', messageId: 'appendix-fonts.not-embedded', params: { number, path: model.bilagor[number - 1]?.pdf ?? '', fonts: fonts.join(', ') } });
  }
  return { bytes: finished.bytes, pages, standard, standards: finished.standards, shortfalls: finished.shortfalls, warnings };
}

/** For the benchmark: the print step alone, and the browser it prints in. */
export { preparePage, printPdf } from './pdf.js';
export { launchBrowser } from './browser.js';
export { startPrinter } from './printer.js';
