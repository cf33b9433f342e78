import Handlebars from 'handlebars';
import type { TemplateProblem } from '../../messages/catalogue/handlebars.js';
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

/** What a Handlebars parse error says, as data (`messages/catalogue/handlebars.ts` words it). */
export function syntaxProblem(error: Error): { problem: TemplateProblem } {
  const message = error.message;
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  if (/doesn't match/.test(message)) return { problem: { what: 'mismatch', message: (message.split('\n')[0] ?? message).replace(/ - \d+:\d+$/, '') } };
  return { problem: got === 'EOF' ? { what: 'end' } : { what: 'token', token: got } };
}
