import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { checkReport, renderHtml } from '../pipeline.js';
import { writeOutput } from '../write/write-output.js';

/** Options of `redovisning build`. */
export interface BuildOptions {
  root: string;
  out: string;
  pdf: boolean;
  quiet: boolean;
  print: (diagnostics: Diagnostics, quiet: boolean) => void;
}

/**
 * `redovisning build`: check, render, then write `out` all or nothing.
 * Returns the exit code: 0 built, 1 the report has errors (nothing written).
 */
export async function buildCommand(options: BuildOptions): Promise<number> {
  const checked = await checkReport(options.root);
  if (checked.diagnostics.hasErrors) {
    options.print(checked.diagnostics, options.quiet);
    process.stderr.write(`nothing written: ${options.out} is left as it was\n`);
    return 1;
  }
  const html = renderHtml(checked, { pdfHref: options.pdf ? 'redovisning.pdf' : undefined });
  if (!html) {
    options.print(checked.diagnostics, options.quiet);
    return 1;
  }
  await writeOutput(options.out, html.files, html.copies);
  options.print(checked.diagnostics, options.quiet);
  if (!options.quiet) process.stderr.write(`wrote ${options.out}/index.html\n`);
  return 0;
}
