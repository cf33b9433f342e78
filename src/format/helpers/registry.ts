import { antalHelper, arHelper, datumHelper, listaHelper } from './counts-and-dates.js';
import { HelperError, type HelperOptions } from './helper-error.js';
import { ungefarHelper } from './hedged.js';
import { kronorHelper, miljonerHelper, mkrHelper, mnkrHelper, procentHelper, talHelper, tkrHelper } from './money.js';

// Handlebars' own helper type is `(...args: any[]) => any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Helper = (...args: any[]) => unknown;

/**
 * The helpers that format a value the Swedish way and need nothing but the
 * value: used in chapters and in the messages of the report's own checks.
 */
export const FORMAT_HELPERS: Record<string, Helper> = withValue({
  kronor: kronorHelper,
  tal: talHelper,
  mnkr: mnkrHelper,
  mkr: mkrHelper,
  tkr: tkrHelper,
  miljoner: miljonerHelper,
  procent: procentHelper,
  antal: antalHelper,
  datum: datumHelper,
  ar: arHelper,
  lista: listaHelper,
  ungefar: ungefarHelper,
});

/**
 * The options (`name=value`) each helper knows; any other is an error at
 * its place, never silently ignored. The reference helpers add theirs in
 * the chapter registry.
 */
export const FORMAT_HELPER_OPTIONS: Record<string, readonly string[]> = {
  kronor: [],
  tal: ['decimaler'],
  mnkr: ['decimaler'],
  mkr: ['decimaler'],
  tkr: ['decimaler'],
  miljoner: ['avrunda', 'decimaler', 'kronor'],
  procent: ['avrunda', 'decimaler', 'tecken'],
  antal: ['genus', 'versal'],
  datum: [],
  ar: [],
  lista: [],
  ungefar: ['decimaler'],
};

/** Throws a located error for an option the helper does not know. */
export function requireKnownOptions(name: string, known: readonly string[], options: HelperOptions | undefined): void {
  for (const option of Object.keys(options?.hash ?? {})) {
    if (!known.includes(option)) throw new HelperError('template-helper.unknown-option', { helper: name, option, known: [...known] }, options?.loc);
  }
}

/**
 * A helper written without a value (`{{datum}}`) gets only Handlebars'
 * options: most often the author meant a field of the same name, so say how
 * to write that (`{{this.datum}}`) instead of failing on a missing value.
 */
export function withValue(helpers: Record<string, Helper>): Record<string, Helper> {
  return Object.fromEntries(
    Object.entries(helpers).map(([name, helper]) => [
      name,
      (...args: unknown[]) => {
        const options = args[args.length - 1] as HelperOptions | undefined;
        if (args.length < 2) throw new HelperError('template-helper.no-value', { helper: name }, options?.loc);
        requireKnownOptions(name, FORMAT_HELPER_OPTIONS[name] ?? [], options);
        return helper(...args);
      },
    ]),
  );
}

/** Handlebars' built-in helpers that templates may use. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'];
