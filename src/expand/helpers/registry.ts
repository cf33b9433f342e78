import { FORMAT_HELPERS, type Helper } from '../../format/helpers/registry.js';
import { bilagaHelper, figurHelper, tabellHelper, uppslagHelper, type ReferenceDeps } from './references.js';

/** Every helper a chapter may call, by name: the formatting helpers and the references. */
export function chapterHelpers(deps: ReferenceDeps): Record<string, Helper> {
  return {
    ...FORMAT_HELPERS,
    bilaga: bilagaHelper(deps),
    tabell: tabellHelper(deps),
    figur: figurHelper(deps),
    uppslag: uppslagHelper(),
  };
}
