import Handlebars from 'handlebars';
import { FORMAT_HELPERS } from './registry.js';

/**
 * Handlebars' compile options for the report's templates: strict (a
 * missing key is an error, not an empty string) and only the named helpers
 * known. Prototype access stays off (the default).
 */
export function strictOptions(helpers: readonly string[] = []): { strict: true; knownHelpersOnly: true; knownHelpers: Record<string, true> } {
  return { strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(helpers.map((n) => [n, true])) };
}

/** A private Handlebars instance with the format helpers, and the options to compile with them. */
export function formatHandlebars(): { hb: typeof Handlebars; options: ReturnType<typeof strictOptions> } {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(FORMAT_HELPERS)) hb.registerHelper(name, helper);
  return { hb, options: strictOptions(Object.keys(FORMAT_HELPERS)) };
}
