#!/usr/bin/env node
import { Command } from 'commander';
import path from 'node:path';
import { formatDiagnostic, formatSummary, type Diagnostics } from './diagnostics/diagnostic.js';

/** Exit codes: 0 clean, 1 the report has errors, 2 the tool could not run (usage, environment). */
const EXIT_REPORT_ERRORS = 1;
const EXIT_TOOL_FAILURE = 2;

function printDiagnostics(diagnostics: Diagnostics, quiet: boolean): void {
  const list = diagnostics.sorted();
  for (const d of list) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (list.length || !quiet) process.stderr.write(`${formatSummary(list)}\n`);
}

const program = new Command()
  .name('redovisning')
  .description('Builds a redovisning av regeringsuppdrag from YAML facts and Markdown chapters, refusing a report that contradicts itself.')
  .showHelpAfterError();

program
  .command('check')
  .description('run every check on a report and write nothing')
  .argument('[root]', 'report root (a folder with content/ and data/)', '.')
  .option('-q, --quiet', 'print nothing when the report is clean')
  .action(async (root: string, options: { quiet?: boolean }) => {
    const { checkReport, renderHtml } = await import('./pipeline.js');
    const checked = await checkReport(root);
    // Render the page too (in memory): layout templates are checked like the rest.
    if (!checked.diagnostics.hasErrors) renderHtml(checked, { pdfHref: undefined });
    printDiagnostics(checked.diagnostics, options.quiet ?? false);
    process.exitCode = checked.diagnostics.hasErrors ? EXIT_REPORT_ERRORS : 0;
  });

program
  .command('build')
  .description('check the report, then write the web page, open data and the PDF')
  .argument('[root]', 'report root (a folder with content/ and data/)', '.')
  .option('-o, --out <dir>', 'output folder (default: <root>/dist)')
  .option('--no-pdf', 'skip the PDF (quicker while writing)')
  .option('-q, --quiet', 'print nothing on success')
  .action(async (root: string, options: { out?: string; pdf: boolean; quiet?: boolean }) => {
    const { buildCommand } = await import('./commands/build.js');
    const out = options.out ?? path.join(root, 'dist');
    process.exitCode = await buildCommand({ root, out, pdf: options.pdf, quiet: options.quiet ?? false, print: printDiagnostics });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`redovisning: ${(error as Error).message}\n`);
  process.exitCode = EXIT_TOOL_FAILURE;
});
