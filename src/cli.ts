#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { printDiagnostics } from './commands/print-diagnostics.js';
import { text } from './messages/catalogue.js';
import { resolveLang } from './messages/lang.js';
import type { Lang } from './messages/message.js';
import { ToolError } from './messages/tool-error.js';
import { TOOL_VERSION } from './load/tool-package.js';
import { OUTPUTS } from './write/outputs/registry.js';

/** Commander's name of a `--no-<name>` option's value: `open-data` → `openData`. */
const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Exit code 2: the tool could not run (usage, environment); the commands return 0 clean or 1 the report has errors. */
const EXIT_TOOL_FAILURE = 2;

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
  .version(TOOL_VERSION, '-V, --version', text(lang, 'cli.version'))
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
    const { checkCommand } = await import('./commands/check.js');
    process.exitCode = await checkCommand({ root, quiet: options.quiet ?? false, strict: options.strict ?? false, lang });
  });

const build = command('build', rootArgument[0])
  .description(text(lang, 'cli.build'))
  .argument(...rootArgument)
  .option(lang === 'sv' ? '-o, --out <mapp>' : '-o, --out <dir>', text(lang, 'cli.build.out'));
// Each output that can be left out has its `--no-<name>`.
for (const output of OUTPUTS) if (output.option) build.option(`--no-${output.name}`, text(lang, output.option));
build
  .addOption(new Option(lang === 'sv' ? '--pdf-timeout <sekunder>' : '--pdf-timeout <seconds>', text(lang, 'cli.build.pdf-timeout')).default(180).argParser(numberOption('--pdf-timeout', (n) => Number.isFinite(n) && n > 0, 'ett antal sekunder större än 0', 'a number of seconds above 0')))
  .addOption(new Option('--pdf-standard <auto|none>', text(lang, 'cli.build.pdf-standard')).choices(['auto', 'none']).default('auto'))
  .option('-q, --quiet', text(lang, 'cli.build.quiet'))
  .option('--strict', text(lang, 'cli.strict'))
  .action(async (root: string, options: { out?: string; pdfTimeout: number; pdfStandard: 'auto' | 'none'; quiet?: boolean; strict?: boolean } & Record<string, unknown>) => {
    const { buildCommand } = await import('./commands/build.js');
    const off = new Set(OUTPUTS.filter((o) => o.option && options[camelCase(o.name)] === false).map((o) => o.name));
    const quiet = options.quiet ?? false;
    process.exitCode = await buildCommand({ root, out: options.out ?? path.join(root, 'dist'), off, quiet, strict: options.strict ?? false, print: (d, q) => printDiagnostics(d, q, lang), pdfTimeoutMs: options.pdfTimeout * 1000, pdfStandard: options.pdfStandard, lang });
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
  .option(lang === 'sv' ? '--profil <mapp eller paket>' : '--profil <folder or package>', text(lang, 'init.cli-profil'))
  .option('-q, --quiet', text(lang, 'cli.build.quiet'))
  .action(async (dir: string, options: { quiet?: boolean; mall: 'generisk' | 'pilotprojekt'; profil?: string }) => {
    const { initCommand } = await import('./commands/init.js');
    process.exitCode = await initCommand(dir, options.mall, lang, (line) => {
      if (!options.quiet) process.stderr.write(`${line}\n`);
    }, options.profil);
  });

command('doktor', '')
  .description(text(lang, 'cli.doktor'))
  .action(async () => {
    const { doktorCommand } = await import('./commands/doktor.js');
    process.exitCode = doktorCommand(lang, (line) => process.stdout.write(`${line}\n`));
  });

command('import', lang === 'sv' ? '<utkast.docx> <mapp>' : '<draft.docx> <dir>')
  .description(text(lang, 'cli.import'))
  .argument(lang === 'sv' ? '<utkast.docx>' : '<draft.docx>', text(lang, 'cli.import.file'))
  .argument(lang === 'sv' ? '<mapp>' : '<dir>', text(lang, 'cli.import.dir'))
  .option('-q, --quiet', text(lang, 'cli.build.quiet'))
  .action(async (file: string, dir: string, options: { quiet?: boolean }) => {
    const { importCommand } = await import('./commands/import.js');
    process.exitCode = await importCommand(file, dir, lang, (line) => {
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

