import { text } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { installCommand } from '../load/executables.js';
import { examine } from './requirements.js';

/**
 * `redovisning doktor`: checks each thing the tool uses from the machine,
 * one line each, and ends with the one command that installs what is
 * missing. Returns the exit code: 0 when everything needed is there (what
 * is optional may be missing), 2 when something needed is missing.
 */
export function doktorCommand(lang: Lang, say: (line: string) => void): number {
  const results = examine();
  for (const { requirement, found, looked } of results) {
    const what = text(lang, `doktor.${requirement.id}`);
    if (found) say(text(lang, 'doktor.found', { what, path: found }));
    else say(text(lang, requirement.needed ? 'doktor.missing' : 'doktor.optional-missing', { what, looked, debian: requirement.debian }));
  }
  const missing = results.filter((r) => !r.found);
  const needed = missing.filter((r) => r.requirement.needed).map((r) => r.requirement.debian);
  const optional = missing.filter((r) => !r.requirement.needed).map((r) => r.requirement.debian);
  if (needed.length) say(text(lang, 'doktor.install', { command: installCommand(needed) }));
  else say(text(lang, 'doktor.ready'));
  if (optional.length) say(text(lang, 'doktor.install-optional', { command: installCommand(optional) }));
  return needed.length ? 2 : 0;
}
