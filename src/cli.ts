#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, formatSummary, SEVERITY_WORDS, type Diagnostics } from './diagnostics/diagnostic.js';
import { text } from './messages/catalogue.js';
import { resolveLang } from './messages/lang.js';
import type { Lang } from './messages/message.js';
import { ToolError } from './messages/tool-error.js';

/** Exit codes: 0 clean, 1 the report has errors, 2 the tool could not run (usage, environment). */
const EXIT_REPORT_ERRORS = 1;
const EXIT_TOOL_FAILURE = 2;

/** Colour only on a terminal, and never when NO_COLOR is set. */
const colour = process.stderr.isTTY === true && !process.env['NO_COLOR'];
const paint = (line: string, code: number): string => (colour ? `\u001b[${code}m${line}\u001b[0m` : line);

/**
 * The language, chosen before the commands are described (their help is in
 * it): `--lang` on the command line, then REDOVISNING_LANG, then the locale.
 */
const langArgument = ((): string | undefined => {
  const argv = process.argv.slice(2);
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return undefined;
  const arg = argv[at] as string;
  return arg.includes('=') ? arg.slice('--lang='.length) : argv[at + 1];
})();
const lang: Lang = resolveLang(langArgument === 'sv' || langArgument === 'en' ? langArgument : undefined);

function printDiagnostics(diagnostics: Diagnostics, quiet: boolean): void {
  const list = diagnostics.sorted();
  for (const d of list) {
    const line = formatDiagnostic(d, lang);
    const word = SEVERITY_WORDS[lang][d.severity];
    process.stderr.write(`${colour ? line.replace(`: ${word}: `, `: ${paint(word, d.severity === 'error' ? 31 : 33)}: `) : line}\n`);
  }
  if (list.length || !quiet) process.stderr.write(`${formatSummary(list, lang)}\n`);
}

/** Commander's own words in the help, in Swedish. */
const TITLES_SV: Record<string, string> = { 'Usage:': 'Användning:', 'Options:': 'Alternativ:', 'Commands:': 'Kommandon:', 'Arguments:': 'Argument:', 'Global Options:': 'Gemensamma alternativ:' };

/** Commander's usage errors, in Swedish: what went wrong, with the same exit code. */
function commanderError(message: string): string {
  if (lang === 'en') return message;
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown command '([^']*)'/, (m) => text(lang, 'cli.unknown-command', { name: m[1] ?? '' })],
    [/^error: unknown option '([^']*)'/, (m) => text(lang, 'cli.unknown-option', { name: m[1] ?? '' })],
    [/^error: missing required argument '([^']*)'/, (m) => text(lang, 'cli.missing-argument', { name: m[1] ?? '' })],
    [/^error: option '(\S+)[^']*' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, (m) => text(lang, 'cli.bad-choice', { option: m[1] ?? '', value: m[2] ?? '', choices: m[3] ?? '' })],
  ];
  for (const [pattern, render] of rules) {
    const m = pattern.exec(message);
    if (m) return `fel: ${render(m)}${/\(Did you mean (.*)\?\)/.test(message) ? ` (menar du ${/\(Did you mean (.*)\?\)/.exec(message)?.[1]}?)` : ''}\n`;
  }
  return message.replace(/^error: /, 'fel: ');
}

/** A number option's parser: a usage error (exit 2) in the author's language when it is not one. */
function numberOption(option: string, valid: (n: number) => boolean, sv: string, en: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!valid(n)) throw new ToolError('cli.bad-number', { option, value, range: { sv, en } });
    return n;
  };
}

const program = new Command()
  .name('redovisning')
  .description(text(lang, 'cli.program'))
  .addHelpText('after', `\n${text(lang, 'cli.exit-codes')}`)
  .usage(lang === 'sv' ? '[alternativ] [kommando]' : '[options] [command]')
  .addOption(new Option(lang === 'sv' ? '--lang <språk>' : '--lang <language>', text(lang, 'cli.lang')).choices(['sv', 'en']))
  .helpOption('-h, --help', text(lang, 'cli.help'))
  .helpCommand('help [command]', text(lang, 'cli.help-command'))
  .configureHelp({
    styleTitle: (title) => (lang === 'sv' ? (TITLES_SV[title] ?? title) : title),
    optionDescription: (option) => {
      const shown = option.defaultValue !== undefined && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0) && (option.required || option.optional);
      const extra = [
        ...(option.argChoices ? [`${lang === 'sv' ? 'val' : 'choices'}: ${option.argChoices.join(', ')}`] : []),
        ...(shown ? [`${lang === 'sv' ? 'standard' : 'default'}: ${String(option.defaultValue)}`] : []),
      ];
      return extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
    },
    // The arguments' descriptions say their defaults themselves.
    argumentDescription: (argument) => argument.description,
  })
  .configureOutput({ outputError: (message, write) => write(commanderError(message)) })
  .showHelpAfterError()
  // Usage errors exit 2, not commander's 1 (which means "the report has errors").
  .exitOverride();

/** Every command takes the same help option, in the same language. */
const command = (name: string, args: string): Command =>
  program
    .command(name)
    .usage(`${lang === 'sv' ? '[alternativ]' : '[options]'} ${args}`)
    .helpOption('-h, --help', text(lang, 'cli.help'))
    .configureHelp(program.configureHelp())
    .configureOutput(program.configureOutput());

const rootArgument = [lang === 'sv' ? '[rapportmapp]' : '[root]', text(lang, 'cli.root'), '.'] as const;

command('check', rootArgument[0])
  .description(text(lang, 'cli.check'))
  .argument(...rootArgument)
  .option('-q, --quiet', text(lang, 'cli.check.quiet'))
  .option('--strict', text(lang, 'cli.strict'))
  .action(async (root: string, options: { quiet?: boolean; strict?: boolean }) => {
    const { checkReport, renderHtml } = await import('./pipeline.js');
    const checked = await checkReport(root, undefined, { strict: options.strict ?? false });
    // Render the page too (in memory): layout templates are checked like the rest.
    if (!checked.diagnostics.hasErrors) renderHtml(checked, { pdfHref: undefined });
    const quiet = options.quiet ?? false;
    if (!quiet || checked.diagnostics.list.length) printDiagnostics(checked.diagnostics, quiet);
    const readability = checked.language;
    if (!quiet && readability?.whole !== undefined) {
      const { lixBand } = await import('./language/text.js');
      process.stderr.write(`${text(lang, 'check.lix', { chapters: readability.chapters.map((c) => `${c.title} ${c.lix}`).join(' · '), whole: readability.whole, band: lixBand(readability.whole) })}\n`);
    }
    process.exitCode = checked.diagnostics.hasErrors ? EXIT_REPORT_ERRORS : 0;
  });

command('build', rootArgument[0])
  .description(text(lang, 'cli.build'))
  .argument(...rootArgument)
  .option(lang === 'sv' ? '-o, --out <mapp>' : '-o, --out <dir>', text(lang, 'cli.build.out'))
  .option('--no-pdf', text(lang, 'cli.build.no-pdf'))
  .option('--no-docx', text(lang, 'cli.build.no-docx'))
  .addOption(new Option(lang === 'sv' ? '--pdf-timeout <sekunder>' : '--pdf-timeout <seconds>', text(lang, 'cli.build.pdf-timeout')).default(180).argParser(numberOption('--pdf-timeout', (n) => Number.isFinite(n) && n > 0, 'ett antal sekunder större än 0', 'a number of seconds above 0')))
  .option('-q, --quiet', text(lang, 'cli.build.quiet'))
  .option('--strict', text(lang, 'cli.strict'))
  .action(async (root: string, options: { out?: string; pdf: boolean; docx: boolean; pdfTimeout: number; quiet?: boolean; strict?: boolean }) => {
    // The printer starts its browser first, in a thread of its own, so that
    // it is ready when the checks and the page are done.
    const printer = options.pdf ? (await import('./write/printer.js')).startPrinter() : undefined;
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
      process.stderr.write(`\n${text(lang, 'cli.stopped', { signal, out })}\n`);
      process.exit(130);
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    process.exitCode = await buildCommand({ root, out, pdf: options.pdf, docx: options.docx, quiet: options.quiet ?? false, strict: options.strict ?? false, print: printDiagnostics, guard, pdfTimeoutMs: options.pdfTimeout * 1000, printer, lang });
  });

command('dev', rootArgument[0])
  .description(text(lang, 'cli.dev'))
  .argument(...rootArgument)
  .addOption(new Option('-p, --port <n>', text(lang, 'cli.dev.port')).default(4321).argParser(numberOption('--port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'ett heltal 0–65535', 'a whole number from 0 to 65535')))
  .option(lang === 'sv' ? '--host <adress>' : '--host <address>', text(lang, 'cli.dev.host'), '127.0.0.1')
  .option(lang === 'sv' ? '--allow-host <namn>' : '--allow-host <name>', text(lang, 'cli.dev.allow-host'), (value: string, previous: string[]) => [...previous, value], [] as string[])
  .option('-q, --quiet', text(lang, 'cli.dev.quiet'))
  .action(async (root: string, options: { port: number; host: string; allowHost: string[]; quiet?: boolean }) => {
    const { devCommand } = await import('./commands/dev.js');
    process.exitCode = await devCommand({ root, port: options.port, host: options.host, allowHosts: options.allowHost, quiet: options.quiet ?? false, lang });
  });

command('init', lang === 'sv' ? '<mapp>' : '<dir>')
  .description(text(lang, 'cli.init'))
  .argument(lang === 'sv' ? '<mapp>' : '<dir>', text(lang, 'cli.init.dir'))
  .addOption(new Option(lang === 'sv' ? '--mall <startrapport>' : '--mall <starter>', text(lang, 'cli.init.mall')).choices(['generisk', 'pilotprojekt']).default('generisk'))
  .option('-q, --quiet', text(lang, 'cli.build.quiet'))
  .action(async (dir: string, options: { quiet?: boolean; mall: 'generisk' | 'pilotprojekt' }) => {
    const { initCommand } = await import('./commands/init.js');
    process.exitCode = await initCommand(dir, options.mall, lang, (line) => {
      if (!options.quiet) process.stderr.write(`${line}\n`);
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Commander has printed the usage problem (or the help, exit code 0).
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_TOOL_FAILURE;
    return;
  }
  const reason = error instanceof ToolError ? error.text(lang) : (error as Error).message;
  process.stderr.write(`${error instanceof ToolError && error.id === 'cli.bad-number' ? reason : text(lang, 'cli.failed', { reason })}\n`);
  process.exitCode = EXIT_TOOL_FAILURE;
});

