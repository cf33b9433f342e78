import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { checkReport, renderHtml } from '../pipeline.js';
import { BrowserMissingError } from '../write/browser.js';
import { buildPdf, type BuiltPdf } from '../write/build-pdf.js';
import { outputDate } from '../write/dates.js';
import { DOCX_FILE } from '../write/docx/name.js';
import { PdfError } from '../write/pdf.js';
import type { Printer } from '../write/printer.js';
import { pageBody, type PageBody } from '../render/render-page.js';
import { OutputBusyError, writeOutput, type WriteGuard } from '../write/write-output.js';

/** Options of `redovisning build`. */
export interface BuildOptions {
  root: string;
  out: string;
  pdf: boolean;
  /** Write `redovisning.docx` too. */
  docx: boolean;
  quiet: boolean;
  /** Language warnings are errors. */
  strict: boolean;
  print: (diagnostics: Diagnostics, quiet: boolean) => void;
  /** Shared with the CLI's signal handlers (see WriteGuard). */
  guard: WriteGuard;
  pdfTimeoutMs: number;
  /** The printer, already starting its browser (see cli.ts); undefined without --pdf. */
  printer: Printer | undefined;
  lang: Lang;
}

/**
 * `redovisning build`: check, render, print the PDF, then write `out` all or
 * nothing. Returns the exit code: 0 built, 1 the report has errors or the PDF
 * could not be made (nothing written).
 */
export async function buildCommand(options: BuildOptions): Promise<number> {
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const guard = options.guard;
  const printer = options.printer;
  const closeBrowser = async (): Promise<void> => {
    await printer?.close();
  };
  const { lang } = options;
  if (printer) say(text(lang, 'pdf.starting'));
  // The PDF starts as soon as the report's facts are checked: the printer's thread has
  // Chromium lay it out and print it while this one reviews the language and makes the
  // open data and the page (two cores at work instead of one waiting for the other).
  let early: { prepared: PageBody; printing: Promise<BuiltPdf> | undefined; word: Promise<Uint8Array> | undefined } | undefined;
  const checked = await checkReport(options.root, undefined, {
    strict: options.strict,
    beforeLanguage: (facts) => {
      const prepared = pageBody(facts.context, facts.diagnostics);
      const printing = options.pdf ? buildPdf(facts, prepared.body, (step) => say(textOf(lang, step.id, step)), { timeoutMs: options.pdfTimeoutMs, printer }) : undefined;
      printing?.catch(() => undefined);
      // The Word file, from the same checked report (its module is loaded only when it is wanted).
      const word = options.docx ? import('../write/docx/index.js').then(({ docxBytes }) => docxBytes(facts)) : undefined;
      word?.catch(() => undefined);
      early = { prepared, printing, word };
    },
  });
  const refuse = (): number => {
    void closeBrowser();
    options.print(checked.diagnostics, options.quiet);
    process.stderr.write(`${text(lang, 'build.nothing-written', { out: options.out })}\n`);
    return 1;
  };
  if (checked.diagnostics.hasErrors) return refuse();
  const model = checked.context.model;
  if (!model) return refuse();
  if (!early) return refuse();
  const { prepared, printing, word } = early;
  const { buildOpenData } = await import('../write/open-data/open-data.js');
  const openData = await buildOpenData(model, checked.context.placements, outputDate(model.rapport.datum));
  let docx: Uint8Array | undefined;
  // A missing browser (the charts are drawn in one) is told after the PDF's own message, which it also stops.
  let docxFailed: BrowserMissingError | undefined;
  try {
    docx = await word;
  } catch (error) {
    if (!(error instanceof BrowserMissingError)) {
      await closeBrowser();
      throw error;
    }
    docxFailed = error;
  }
  const html = renderHtml(checked, { pdfHref: options.pdf ? 'redovisning.pdf' : undefined, docx: docx && { href: DOCX_FILE, size: docx.byteLength }, openData, body: prepared });
  if (!html) {
    await closeBrowser();
    return refuse();
  }
  html.files.push(...openData.files);
  if (docx) html.files.push({ path: DOCX_FILE, content: docx });
  // Warnings now, before the slow PDF step ends, not after it.
  options.print(checked.diagnostics, options.quiet);
  const shown = checked.diagnostics.list.length;
  if (printing) {
    try {
      const pdf = await printing;
      html.files.push({ path: 'redovisning.pdf', content: pdf.bytes });
      say(text(lang, 'pdf.pages', { pages: pdf.pages }));
    } catch (error) {
      // The browser may still be starting (a timeout came first): close it, or it keeps the process alive.
      await closeBrowser();
      if (error instanceof PdfError || error instanceof BrowserMissingError) {
        // The print template may have added diagnostics of its own.
        if (checked.diagnostics.list.length > shown) options.print(checked.diagnostics, options.quiet);
        process.stderr.write(`pdf: ${error.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
        return 1;
      }
      throw error;
    }
  }
  if (docxFailed) {
    process.stderr.write(`docx: ${docxFailed.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
    return 1;
  }
  try {
    await writeOutput(options.out, html.files, html.copies, guard);
  } catch (error) {
    if (error instanceof OutputBusyError) {
      process.stderr.write(`${error.text(lang)}\n`);
      return 1;
    }
    throw error;
  }
  say(text(lang, 'build.wrote', { out: options.out, pdf: options.pdf, docx: options.docx }));
  return 0;
}
