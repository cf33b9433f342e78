#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, formatSummary, SEVERITY_WORDS, type Diagnostics } from './diagnostics/diagnostic.js';
import { resolveLang } from './messages/lang.js';

/** Exit codes: 0 clean, 1 the report has errors, 2 the tool could not run (usage, environment). */
const EXIT_REPORT_ERRORS = 1;
const EXIT_TOOL_FAILURE = 2;

/** Colour only on a terminal, and never when NO_COLOR is set. */
const colour = process.stderr.isTTY === true && !process.env['NO_COLOR'];
const paint = (text: string, code: number): string => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);

const lang = resolveLang(undefined);

function printDiagnostics(diagnostics: Diagnostics, quiet: boolean): void {
  const list = diagnostics.sorted();
  for (const d of list) {
    const line = formatDiagnostic(d, lang);
    const word = SEVERITY_WORDS[lang][d.severity];
    process.stderr.write(`${colour ? line.replace(`: ${word}: `, `: ${paint(word, d.severity === 'error' ? 31 : 33)}: `) : line}\n`);
  }
  if (list.length || !quiet) process.stderr.write(`${formatSummary(list, lang)}\n`);
}

const program = new Command()
  .name('redovisning')
  .description('Builds a redovisning av regeringsuppdrag from YAML facts and Markdown chapters, refusing a report that contradicts itself.')
  .addHelpText('after', '\nExit codes: 0 clean, 1 the report has errors (nothing written), 2 the tool could not run.')
  .showHelpAfterError()
  // Usage errors exit 2, not commander's 1 (which means "the report has errors").
  .exitOverride();

const rootArgument = ['[root]', 'report root: a folder with content/ and data/ (default: the current folder)', '.'] as const;

program
  .command('check')
  .description('run every check on a report and write nothing (never starts a browser)')
  .argument(...rootArgument)
  .option('-q, --quiet', 'print nothing when the report is clean')
  .action(async (root: string, options: { quiet?: boolean }) => {
    const { checkReport, renderHtml } = await import('./pipeline.js');
    const checked = await checkReport(root);
    // Render the page too (in memory): layout templates are checked like the rest.
    if (!checked.diagnostics.hasErrors) renderHtml(checked, { pdfHref: undefined });
    const quiet = options.quiet ?? false;
    if (!quiet || checked.diagnostics.list.length) printDiagnostics(checked.diagnostics, quiet);
    process.exitCode = checked.diagnostics.hasErrors ? EXIT_REPORT_ERRORS : 0;
  });

program
  .command('build')
  .description('check the report, then write the web page, open data and the PDF to the output folder, all or nothing')
  .argument(...rootArgument)
  .option('-o, --out <dir>', 'output folder (default: <root>/dist)')
  .option('--no-pdf', 'skip the PDF (quicker while writing)')
  .addOption(new Option('--pdf-timeout <seconds>', 'give up printing the PDF after this long').default(180).argParser((v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--pdf-timeout must be a number of seconds, got ${v}`);
    return n;
  }))
  .option('-q, --quiet', 'print nothing on success')
  .action(async (root: string, options: { out?: string; pdf: boolean; pdfTimeout: number; quiet?: boolean }) => {
    // The browser takes a second or two to start: start it first, so it is
    // ready when the checks and the page are done.
    const browser = options.pdf ? (await import('./write/browser.js')).launchBrowser() : undefined;
    browser?.catch(() => undefined);
    const { buildCommand } = await import('./commands/build.js');
    const out = options.out ?? path.join(root, 'dist');
    // Ctrl-C (or SIGTERM) stops the build and leaves the output folder as it
    // was; only the swap of the folder (milliseconds) is waited for. The
    // browser talks over a pipe and exits with us.
    const guard = { committing: false, temporary: undefined as string | undefined };
    const interrupt = (signal: NodeJS.Signals): void => {
      if (guard.committing) {
        setTimeout(() => interrupt(signal), 10);
        return;
      }
      if (guard.temporary) rmSync(guard.temporary, { recursive: true, force: true });
      process.stderr.write(`\nstopped (${signal}): ${out} is left as it was\n`);
      process.exit(130);
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    process.exitCode = await buildCommand({ root, out, pdf: options.pdf, quiet: options.quiet ?? false, print: printDiagnostics, guard, pdfTimeoutMs: options.pdfTimeout * 1000, browser });
  });

program
  .command('dev')
  .description('live preview: serve the report, rebuild on save, reload the page; /redovisning.pdf prints on demand')
  .argument(...rootArgument)
  .addOption(new Option('-p, --port <n>', 'port to listen on').default(4321).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a number from 0 to 65535, got ${v}`);
    return n;
  }))
  .option('--host <address>', 'address to bind (only this machine by default)', '127.0.0.1')
  .option('-q, --quiet', 'print only diagnostics')
  .action(async (root: string, options: { port: number; host: string; quiet?: boolean }) => {
    const { devCommand } = await import('./commands/dev.js');
    process.exitCode = await devCommand({ root, port: options.port, host: options.host, quiet: options.quiet ?? false, lang });
  });

program
  .command('init')
  .description('create a new report root with example data, chapters and appendices that check and build clean')
  .argument('<dir>', 'folder to create (must be new or empty)')
  .addOption(new Option('--mall <starter>', 'which starter report to copy').choices(['generisk', 'pilotprojekt']).default('generisk'))
  .option('-q, --quiet', 'print nothing on success')
  .action(async (dir: string, options: { quiet?: boolean; mall: 'generisk' | 'pilotprojekt' }) => {
    const { initCommand } = await import('./commands/init.js');
    process.exitCode = await initCommand(dir, options.mall, (line) => {
      if (!options.quiet) process.stderr.write(`${line}\n`);
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Commander has printed the usage problem (or the help, exit code 0).
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_TOOL_FAILURE;
    return;
  }
  process.stderr.write(`redovisning: ${(error as Error).message}\n`);
  process.exitCode = EXIT_TOOL_FAILURE;
});
