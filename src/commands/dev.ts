import path from 'node:path';
import { formatDiagnostic, formatSummary } from '../diagnostics/diagnostic.js';
import { DEFAULT_WORD_LIST } from '../language/check-language.js';
import { text, textOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { checkReport, createCache } from '../pipeline.js';
import { PdfOnDemand } from '../preview/pdf-on-demand.js';
import { startServer, type PreviewState } from '../preview/server.js';
import { watchReport } from '../preview/watch.js';
import { pageBody } from '../render/render-page.js';
import { outputFolder, type DrawnReport, type Output, type OutputFolder, type OutputOptions } from '../write/outputs/output.js';
import { PageError, pageOutput } from '../write/outputs/page.js';
import { OUTPUTS } from '../write/outputs/registry.js';
import type { OutputFile } from '../write/write-output.js';

/** Options of `redovisning dev`. */
export interface DevOptions {
  root: string;
  port: number;
  host: string;
  /** Further host names the preview answers to (`--allow-host`). */
  allowHosts: readonly string[];
  quiet: boolean;
  lang: Lang;
}

/**
 * `redovisning dev`: serves the report on 127.0.0.1, rebuilds on every save
 * under content/, data/, schemas/ and templates/, and reloads the open
 * page. A save with errors keeps the last good page, with an overlay listing
 * the diagnostics. The page is made at once; every other output (the PDF,
 * the open data) when one of its files is first asked for, once per
 * version. Stops on Ctrl-C.
 */
export async function devCommand(options: DevOptions): Promise<number> {
  const root = path.resolve(options.root);
  const state: PreviewState = { good: undefined, diagnostics: [], failed: false, version: 0, lix: undefined, crash: undefined };
  let named: string[] = [];
  let wordList = DEFAULT_WORD_LIST;
  const cache = createCache();
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const progress = (step: { id: Parameters<typeof textOf>[1] }): void => say(textOf(options.lang, step.id, step));
  const pdf = new PdfOnDemand(() => say(text(options.lang, 'pdf.on-demand')), progress);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      await build();
      state.crash = undefined;
    } catch (error) {
      // A fault of the tool never ends the preview nor leaves it silent: the last good page stays, under the overlay.
      state.diagnostics = [];
      state.failed = true;
      state.crash = ((error as Error)?.message ?? String(error)).split('\n')[0] ?? '';
      state.version += 1;
    }
    const ms = Math.round(performance.now() - started);
    for (const d of state.diagnostics) process.stderr.write(`${formatDiagnostic(d, options.lang)}\n`);
    if (state.crash !== undefined) process.stderr.write(`${text(options.lang, 'dev.crashed', { reason: state.crash })}\n`);
    say(text(options.lang, 'dev.rebuilt', { ok: !state.failed, ms, summary: formatSummary(state.diagnostics, options.lang), lix: state.lix }));
    server?.reload(state.version);
  };

  const build = async (): Promise<void> => {
    const checked = await checkReport(root, cache);
    const version = state.version + 1;
    const outputOptions: OutputOptions = { off: new Set(), print: (report) => pdf.get(version, report, report.body.body) };
    let page: OutputFolder | undefined;
    let report: DrawnReport | undefined;
    if (!checked.diagnostics.hasErrors && checked.context.model) {
      report = { ...checked, body: pageBody(checked.context, checked.diagnostics) };
      const folder = outputFolder(outputOptions);
      for (const output of OUTPUTS) if (output.wanted(outputOptions)) output.link?.(report, folder.links);
      // A page whose template failed has said why in the diagnostics: the last good page stays.
      page = await pageOutput.write(report, folder, progress).then(
        () => folder,
        (error: unknown) => {
          if (error instanceof PageError) return undefined;
          throw error;
        },
      );
    }
    state.diagnostics = checked.diagnostics.sorted();
    named = checked.context.figures.named;
    wordList = checked.context.model?.rapport.sprakkontroll?.ordlista ?? DEFAULT_WORD_LIST;
    state.lix = checked.language?.whole;
    state.failed = !page;
    if (page && report) state.good = { page, file: onDemand(report, outputOptions) };
    state.version = version;
  };

  /** The files of the other outputs of one version: each output made when one of its files is first asked for (a failure is tried again on the next request). */
  const onDemand = (report: DrawnReport, outputOptions: OutputOptions): ((file: string) => Promise<OutputFile | undefined>) => {
    const made = new Map<Output, Promise<OutputFolder>>();
    const others = OUTPUTS.filter((o) => o !== pageOutput && o.wanted(outputOptions));
    return async (file) => {
      const output = others.find((o) => o.paths(report).includes(file));
      if (!output) return undefined;
      let folder = made.get(output);
      if (!folder) {
        const into = outputFolder(outputOptions);
        folder = output.write(report, into, progress).then(() => into);
        made.set(output, folder);
        folder.catch(() => made.delete(output));
      }
      return (await folder).files.find((f) => f.path === file);
    };
  };

  // The port first: one in use ends the command at once (exit 2), before any build or watcher starts.
  server = await startServer({ port: options.port, host: options.host, allowHosts: options.allowHosts, lang: options.lang }, state);
  await rebuild();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watching = await watchReport(root, { named: () => named, wordList: () => wordList }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild, rebuild).then(watching.rescan, watching.rescan);
    }, 30);
  });

  // The address once the first build is there to see.
  server.announce();

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      watching.close();
      void server?.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await pdf.close();
  // Hunspell, kept between builds, stops with the preview.
  await cache.speller?.finish();
  say(text(options.lang, 'dev.stopped'));
  return 0;
}
