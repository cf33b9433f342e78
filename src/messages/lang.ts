import type { Lang } from './message.js';

/**
 * The language the tool speaks, in this order: the `--lang` option, then
 * `REDOVISNING_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`,
 * the first that is set): a locale of another language than Swedish gives
 * English. Without any of them (or with the `C`/`POSIX` locale, which names
 * no language) the tool speaks Swedish.
 */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = option ?? env['REDOVISNING_LANG'];
  if (chosen) return /^en/i.test(chosen) ? 'en' : 'sv';
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  if (!locale || /^(C|POSIX)([._@]|$)/i.test(locale)) return 'sv';
  return /^sv/i.test(locale) ? 'sv' : 'en';
}
