import { rmSync } from 'node:fs';
import type { CheckContext } from '../check/check-context.js';
import { formatDiagnostic, type Diagnostics } from '../diagnostics/diagnostic.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import type { PdfStandardChoice } from '../write/pdf-finish.js';
import type { Printer } from '../write/printer.js';
import { outputFolder, type DrawnReport, type OutputOptions } from '../write/outputs/output.js';
import { OUTPUTS } from '../write/outputs/registry.js';
import type { WriteGuard } from '../write/write-output.js';

/** Options of `redovisning build`. */
export interface BuildOptions {
  root: string;
  out: string;
  /** Outputs turned off (`--no-pdf`), by name. */
  off: ReadonlySet<string>;
  quiet: boolean;
  /** Language warnings are errors. */
  strict: boolean;
  print: (diagnostics: Diagnostics, quiet: boolean) => void;
  pdfTimeoutMs: number;
  /** `auto`: PDF/A-2u and PDF/UA-1 as far as the report allows; `none`: a plain PDF. */
  pdfStandard: PdfStandardChoice;
  lang: Lang;
}

/** Exit code 2: the tool could not run (no browser, an output folder that would overwrite the author's files). */
const EXIT_TOOL_FAILURE = 2;

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
 * Ctrl-C (or SIGTERM) stops the build and leaves the output folder as it
 * was; only the swap of the folder (milliseconds) is waited for. The
 * browser talks over a pipe and exits with us.
 */
function stopOnSignals(out: string, lang: Lang): WriteGuard {
  const guard: WriteGuard = { committing: false, temporary: undefined };
  const interrupt = (signal: NodeJS.Signals): void => {
    if (guard.committing) {
      setTimeout(() => interrupt(signal), 10);
      return;
    }
    if (guard.temporary) rmSync(guard.temporary, { recursive: true, force: true });
    process.stderr.write(`\n${text(lang, 'cli.stopped', { signal, out })}\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  return guard;
}

/**
 * `redovisning build`: checks the facts, starts the outputs that may start
 * early (the PDF prints meanwhile), reviews the language, makes the other
 * outputs (the page last), then writes `out` all or nothing. Returns the
 * exit code: 0 built, 1 the report has errors or an output could not be
 * made (nothing written), 2 the output folder cannot be used or no browser
 * starts.
 */
export async function buildCommand(options: BuildOptions): Promise<number> {
  const { lang } = options;
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const { checkOutputFolder, OutputFolderError } = await import('../write/output-folder.js');
  /** An output folder that would overwrite what the author wrote: its message (exit 2, nothing written). */
  const unusable = async (reads?: string[]): Promise<string | undefined> => {
    try {
      await checkOutputFolder(options.root, options.out, reads);
      return undefined;
    } catch (error) {
      if (!(error instanceof OutputFolderError)) throw error;
      return error.text(lang);
    }
  };
  const refusedOut = await unusable();
  if (refusedOut) {
    process.stderr.write(`${refusedOut}\n`);
    return EXIT_TOOL_FAILURE;
  }
  // Without the browser the build says so at once, in one line, instead of after the checks.
  const missing = options.off.has('pdf') ? undefined : (await import('./requirements.js')).missingBrowser();
  if (missing) {
    process.stderr.write(`pdf: ${missing.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
    return EXIT_TOOL_FAILURE;
  }
  // The printer starts its browser first, in a thread of its own, so that it
  // is ready when the checks and the page are done. A browser that cannot
  // start ends the build at once (exit 2): no PDF can be made, and nothing
  // has been written.
  const printer: Printer | undefined = options.off.has('pdf')
    ? undefined
    : (await import('../write/printer.js')).startPrinter((error) => {
        process.stderr.write(`pdf: ${error.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
        process.exit(EXIT_TOOL_FAILURE);
      });
  const guard = stopOnSignals(options.out, lang);
  const { checkFacts, reviewLanguage } = await import('../pipeline.js');
  const { buildPdf } = await import('../write/build-pdf.js');
  const { pageBody } = await import('../render/render-page.js');
  const outputOptions: OutputOptions = {
    off: options.off,
    print: printer ? (report, progress) => buildPdf(report, report.body.body, progress, { timeoutMs: options.pdfTimeoutMs, printer, standard: options.pdfStandard }) : undefined,
  };
  const outputs = OUTPUTS.filter((o) => o.wanted(outputOptions));
  const progress = (step: { id: Parameters<typeof textOf>[1] }): void => say(textOf(lang, step.id, step));
  if (printer) say(text(lang, 'pdf.starting'));

  // 1. The facts: load → parse → model → expand → markdown → figures → check.
  const facts = await checkFacts(options.root);
  // 2. The chapters drawn once; the outputs that may start early start (the PDF prints in its
  //    thread while this one reviews the language and makes the rest: two cores at work).
  const report: DrawnReport | undefined = facts.diagnostics.hasErrors || !facts.context.model ? undefined : { ...facts, body: pageBody(facts.context, facts.diagnostics) };
  const folder = outputFolder(outputOptions);
  if (report) for (const output of outputs) output.link?.(report, folder.links);
  const early = report ? outputs.filter((o) => o.early).map((o) => ({ output: o, made: o.write(report, folder, progress) })) : [];
  for (const e of early) e.made.catch(() => undefined);
  // 3. The language review.
  const checked = await reviewLanguage(facts, undefined, { strict: options.strict });
  const refuse = async (): Promise<number> => {
    await printer?.close();
    options.print(checked.diagnostics, options.quiet);
    process.stderr.write(`${text(lang, 'build.nothing-written', { out: options.out })}\n`);
    return 1;
  };
  if (checked.diagnostics.hasErrors || !report) return refuse();
  const refusedFolder = await unusable(filesRead(checked.context));
  if (refusedFolder) {
    await printer?.close();
    options.print(checked.diagnostics, options.quiet);
    process.stderr.write(`${refusedFolder}\n`);
    return EXIT_TOOL_FAILURE;
  }
  // 4. The other outputs, in the registry's order (the page last: it lists what they made).
  const { PageError } = await import('../write/outputs/page.js');
  const { BrowserMissingError } = await import('../write/browser.js');
  for (const output of outputs) {
    if (output.early) continue;
    try {
      await output.write(report, folder, progress);
    } catch (error) {
      if (error instanceof PageError) return refuse();
      // An output that needs the browser (the Word file draws its charts in it) and finds none: the tool could not run.
      if (error instanceof BrowserMissingError) {
        await printer?.close();
        options.print(checked.diagnostics, options.quiet);
        process.stderr.write(`${output.name}: ${error.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
        return EXIT_TOOL_FAILURE;
      }
      throw error;
    }
  }
  // Warnings now, before the slow PDF step ends, not after it.
  options.print(checked.diagnostics, options.quiet);
  const shown = checked.diagnostics.list.length;
  const { PdfError } = await import('../write/pdf.js');
  for (const { made } of early) {
    try {
      await made;
    } catch (error) {
      // The browser may still be starting (a timeout came first): close it, or it keeps the process alive.
      await printer?.close();
      if (error instanceof PdfError || error instanceof BrowserMissingError) {
        // The print template may have added diagnostics of its own.
        if (checked.diagnostics.list.length > shown) options.print(checked.diagnostics, options.quiet);
        process.stderr.write(`pdf: ${error.text(lang)}\n${text(lang, 'build.nothing-written', { out: options.out })}\n`);
        // No browser: the tool could not run (2); a PDF that failed is the report's (1).
        return error instanceof BrowserMissingError ? EXIT_TOOL_FAILURE : 1;
      }
      throw error;
    }
  }
  if (!options.quiet) for (const warning of folder.warnings) process.stderr.write(`${formatDiagnostic(warning, lang)}\n`);
  for (const note of folder.notes) say(textOf(lang, note.id, note.params));
  const { OutputBusyError, writeOutput } = await import('../write/write-output.js');
  try {
    await writeOutput(options.out, folder.files, folder.copies, guard);
  } catch (error) {
    if (error instanceof OutputBusyError) {
      process.stderr.write(`${error.text(lang)}\n`);
      return 1;
    }
    if (error instanceof OutputFolderError) {
      process.stderr.write(`${error.text(lang)}\n`);
      return EXIT_TOOL_FAILURE;
    }
    throw error;
  }
  say(text(lang, 'build.wrote', { out: options.out, pdf: folder.links.documents.has('pdf'), docx: folder.links.documents.has('docx') }));
  // Last, what the outputs say of themselves (which standards the PDF meets, and why not).
  for (const closing of folder.closing) for (const line of closing(lang)) say(line);
  return 0;
}
