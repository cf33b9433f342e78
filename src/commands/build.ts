import { formatDiagnostic, type Diagnostics } from '../diagnostics/diagnostic.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { checkReport, renderHtml } from '../pipeline.js';
import { BrowserMissingError } from '../write/browser.js';
import { buildPdf, type BuiltPdf } from '../write/build-pdf.js';
import { outputDate } from '../write/dates.js';
import type { PdfStandardChoice } from '../write/pdf-finish.js';
import { pdfStandardLines } from '../write/pdf-standards/report.js';
import { PdfError } from '../write/pdf.js';
import type { Printer } from '../write/printer.js';
import { pageBody, type PageBody } from '../render/render-page.js';
import { checkOutputFolder, OutputFolderError } from '../write/output-folder.js';
import { OutputBusyError, writeOutput, type WriteGuard } from '../write/write-output.js';
import type { CheckContext } from '../check/check-context.js';

/** Options of `redovisning build`. */
export interface BuildOptions {
  root: string;
  out: string;
  pdf: boolean;
  quiet: boolean;
  /** Language warnings are errors. */
  strict: boolean;
  print: (diagnostics: Diagnostics, quiet: boolean) => void;
  /** Shared with the CLI's signal handlers (see WriteGuard). */
  guard: WriteGuard;
  pdfTimeoutMs: number;
  /** `auto`: PDF/A-2u and PDF/UA-1 as far as the report allows; `none`: a plain PDF. */
  pdfStandard?: PdfStandardChoice;
  /** The printer, already starting its browser (see cli.ts); undefined without --pdf. */
  printer: Printer | undefined;
  lang: Lang;
}

/** The files a report reads inside its root (sources, images, attached PDFs), relative to it: the output folder must hold none of them. */
function filesRead(context: CheckContext): string[] {
  const { sources } = context;
  const files = [...sources.chapters, ...sources.extraContent.values(), ...sources.data.values(), ...sources.schemas.values(), ...sources.templates.values()]
    .filter((f) => f.absolute.startsWith(sources.root))
    .map((f) => f.path);
  for (const a of context.appendices) if (a.pdf) files.push(a.pdf);
  return [...files, ...context.figures.images.keys()];
}

/**
 * `redovisning build`: check, render, print the PDF, then write `out` all or
 * nothing. Returns the exit code: 0 built, 1 the report has errors or the PDF
 * could not be made (nothing written), 2 the output folder cannot be used or
 * no browser starts.
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
  /** An output folder that would overwrite what the author wrote: exit 2, nothing written. */
  const unusable = async (reads?: string[]): Promise<string | undefined> => {
    try {
      await checkOutputFolder(options.root, options.out, reads);
      return undefined;
    } catch (error) {
      if (!(error instanceof OutputFolderError)) throw error;
      await closeBrowser();
      return error.text(lang);
    }
  };
  const refusedOut = await unusable();
  if (refusedOut) {
    process.stderr.write(`${refusedOut}\n`);
    return 2;
  }
  if (printer) say(text(lang, 'pdf.starting'));
  // The PDF starts as soon as the report's facts are checked: the printer's thread has
  // Chromium lay it out and print it while this one reviews the language and makes the
  // open data and the page (two cores at work instead of one waiting for the other).
  let early: { prepared: PageBody; printing: Promise<BuiltPdf> | undefined } | undefined;
  const checked = await checkReport(options.root, undefined, {
    strict: options.strict,
    beforeLanguage: (facts) => {
      const prepared = pageBody(facts.context, facts.diagnostics);
      const printing = options.pdf ? buildPdf(facts, prepared.body, (step) => say(textOf(lang, step.id, step)), { timeoutMs: options.pdfTimeoutMs, printer, standard: options.pdfStandard ?? 'auto' }) : undefined;
      printing?.catch(() => undefined);
      early = { prepared, printing };
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
  const { prepared, printing } = early;
  const refusedFolder = await unusable(filesRead(checked.context));
  if (refusedFolder) {
    options.print(checked.diagnostics, options.quiet);
    process.stderr.write(`${refusedFolder}\n`);
    return 2;
  }
  const { buildOpenData } = await import('../write/open-data/open-data.js');
  const openData = await buildOpenData(model, checked.context.placements, outputDate(model.rapport.datum));
  const html = renderHtml(checked, { pdfHref: options.pdf ? 'redovisning.pdf' : undefined, openData, body: prepared });
  if (!html) {
    await closeBrowser();
    return refuse();
  }
  html.files.push(...openData.files);
  // Warnings now, before the slow PDF step ends, not after it.
  options.print(checked.diagnostics, options.quiet);
  const shown = checked.diagnostics.list.length;
  let pdfLines: string[] = [];
  if (printing) {
    try {
      const pdf = await printing;
      html.files.push({ path: 'redovisning.pdf', content: pdf.bytes });
      if (!options.quiet) for (const warning of pdf.warnings) process.stderr.write(`${formatDiagnostic(warning, lang)}\n`);
      say(text(lang, 'pdf.pages', { pages: pdf.pages }));
      pdfLines = pdfStandardLines(pdf, options.pdfStandard ?? 'auto', lang);
    } catch (error) {
      // The browser may still be starting (a timeout came first): close it, or it keeps the process alive.
      await closeBrowser();
      if (error instanceof PdfError || error instanceof BrowserMissingError) {
        // The print template may have added diagnostics of its own.
        if (checked.diagnostics.list.length > shown) options.print(checked.diagnostics, options.quiet);
        process.stderr.write(`pdf: ${error.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
        // No browser: the tool could not run (2); a PDF that failed is the report's (1).
        return error instanceof BrowserMissingError ? 2 : 1;
      }
      throw error;
    }
  }
  try {
    await writeOutput(options.out, html.files, html.copies, guard);
  } catch (error) {
    if (error instanceof OutputBusyError) {
      process.stderr.write(`${error.text(lang)}\n`);
      return 1;
    }
    if (error instanceof OutputFolderError) {
      process.stderr.write(`${error.text(lang)}\n`);
      return 2;
    }
    throw error;
  }
  say(text(lang, 'build.wrote', { out: options.out, pdf: options.pdf }));
  // Last, which standards the PDF meets (and why not, when it does not).
  for (const line of pdfLines) say(line);
  return 0;
}
