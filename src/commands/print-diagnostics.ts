import { formatDiagnostic, formatSummary, SEVERITY_WORDS, type Diagnostics } from '../diagnostics/diagnostic.js';
import type { Lang } from '../messages/message.js';

/** Colour only on a terminal, and never when NO_COLOR is set. */
const colour = process.stderr.isTTY === true && !process.env['NO_COLOR'];
const paint = (line: string, code: number): string => (colour ? `\u001b[${code}m${line}\u001b[0m` : line);

/** Prints the diagnostics to stderr in the author's language, the severity in colour on a terminal, then the summary (unless quiet and clean). */
export function printDiagnostics(diagnostics: Diagnostics, quiet: boolean, lang: Lang): void {
  const list = diagnostics.sorted();
  for (const d of list) {
    const line = formatDiagnostic(d, lang);
    const word = SEVERITY_WORDS[lang][d.severity];
    process.stderr.write(`${colour ? line.replace(`: ${word}: `, `: ${paint(word, d.severity === 'error' ? 31 : 33)}: `) : line}\n`);
  }
  if (list.length || !quiet) process.stderr.write(`${formatSummary(list, lang)}\n`);
}
