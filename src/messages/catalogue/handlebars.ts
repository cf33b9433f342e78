import { message, type Formatters, type Lang } from '../message.js';

/** What stopped Handlebars reading a template, as data: worded late. */
export interface TemplateProblem {
  /** `mismatch`: a block closed by another name; `end`: the file ends inside an open block; `token`: something where it cannot stand. */
  what: 'mismatch' | 'end' | 'token';
  /** For `token`: Handlebars' name of it (`ID`, `CLOSE`, …), when it gave one. */
  token?: string | undefined;
  /** For `mismatch`: Handlebars' own first line (`nyckel doesn't match nyckel2`). */
  message?: string | undefined;
}

/** Handlebars' token names, as an author would call them. */
export const TEMPLATE_TOKENS: Readonly<Record<string, { sv: string; en: string }>> = {
  ID: { sv: 'namn', en: 'name' },
  STRING: { sv: 'text', en: 'text' },
  NUMBER: { sv: 'tal', en: 'number' },
  CLOSE: { sv: "'}}'", en: "'}}'" },
  OPEN: { sv: "'{{'", en: "'{{'" },
  INVALID: { sv: 'tecken', en: 'character' },
  EQUALS: { sv: "'='", en: "'='" },
  SEP: { sv: "'.'", en: "'.'" },
  OPEN_SEXPR: { sv: "'('", en: "'('" },
  CLOSE_SEXPR: { sv: "')'", en: "')'" },
};

/** A token in a language: its name for an author, else Handlebars' own name in small letters. */
function tokenName(token: string | undefined, lang: Lang): string {
  if (!token) return lang === 'sv' ? 'tecken' : 'text';
  return TEMPLATE_TOKENS[token]?.[lang] ?? (lang === 'sv' ? token.toLowerCase() : token.toLowerCase().replace(/_/g, ' '));
}

/**
 * Why a template did not parse, by what Handlebars stopped at
 * (`handlebars.<what>`). The problem goes into `template-syntax`, which says
 * where and what to do.
 */
export const HANDLEBARS_PROBLEMS = {
  'handlebars.mismatch': message({ example: { message: "nyckel doesn't match nyckel2" }, sv: (p) => `ett block avslutas med fel namn (${p.message})`, en: (p) => `a block is closed with the wrong name (${p.message})` }),
  'handlebars.end': message({ example: {}, sv: () => 'filen tar slut inuti ett öppet {{#block}}', en: () => 'the file ends inside an open {{#block}}' }),
  'handlebars.token': message({ example: { token: 'ID' as string | undefined }, sv: (p) => `oväntat ${tokenName(p.token, 'sv')} i ett uttryck`, en: (p) => `unexpected ${tokenName(p.token, 'en')} in an expression` }),
};

/** A template's problem in a language. */
export function templateProblemText(problem: TemplateProblem, lang: Lang, f: Formatters): string {
  if (problem.what === 'mismatch') return HANDLEBARS_PROBLEMS['handlebars.mismatch'][lang]({ message: problem.message ?? '' }, f);
  if (problem.what === 'end') return HANDLEBARS_PROBLEMS['handlebars.end'][lang]({}, f);
  return HANDLEBARS_PROBLEMS['handlebars.token'][lang]({ token: problem.token }, f);
}
