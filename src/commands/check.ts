import { text } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { printDiagnostics } from './print-diagnostics.js';

/** Options of `redovisning check`. */
export interface CheckOptions {
  root: string;
  quiet: boolean;
  /** Language warnings are errors. */
  strict: boolean;
  lang: Lang;
}

/**
 * `redovisning check`: every stage up to the language review, nothing
 * rendered or written; the diagnostics, then the report's LIX. Returns the
 * exit code: 0 clean, 1 the report has errors.
 */
export async function checkCommand(options: CheckOptions): Promise<number> {
  const { lang, quiet } = options;
  const { checkReport } = await import('../pipeline.js');
  const checked = await checkReport(options.root, undefined, { strict: options.strict });
  if (!quiet || checked.diagnostics.list.length) printDiagnostics(checked.diagnostics, quiet, lang);
  const readability = checked.language;
  if (!quiet && readability?.whole !== undefined) {
    const { lixBand } = await import('../language/text.js');
    process.stderr.write(`${text(lang, 'check.lix', { chapters: readability.chapters.map((c) => `${c.title} ${c.lix}`).join(' · '), whole: readability.whole, band: lixBand(readability.whole) })}\n`);
  }
  return checked.diagnostics.hasErrors ? 1 : 0;
}
