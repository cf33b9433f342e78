import type { HelperOptions } from '../../format/helpers/helper-error.js';
import { FORMAT_HELPER_OPTIONS, FORMAT_HELPERS, requireKnownOptions, type Helper } from '../../format/helpers/registry.js';
import { bilagaHelper, figurHelper, tabellHelper, uppslagHelper, type ReferenceDeps } from './references.js';

/** Every helper a chapter may call, by name: the formatting helpers and the references. */
export function chapterHelpers(deps: ReferenceDeps): Record<string, Helper> {
  return {
    ...FORMAT_HELPERS,
    ...Object.fromEntries(
      Object.entries({ bilaga: bilagaHelper(deps), tabell: tabellHelper(deps), figur: figurHelper(deps), uppslag: uppslagHelper() }).map(([name, helper]) => [
        name,
        (...args: unknown[]) => {
          requireKnownOptions(name, HELPER_OPTIONS[name] ?? [], args[args.length - 1] as HelperOptions | undefined);
          return (helper as Helper)(...args);
        },
      ]),
    ),
  };
}

/** The options each chapter helper knows (`{{uppslag regioner id visa="namn"}}`). */
export const HELPER_OPTIONS: Record<string, readonly string[]> = { ...FORMAT_HELPER_OPTIONS, bilaga: [], tabell: [], figur: [], uppslag: ['nyckel', 'visa'] };
