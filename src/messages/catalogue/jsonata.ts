import { message, type Formatters, type Lang, type ValueDesc } from '../message.js';

/** Why JSONata (or one of the report's functions) stopped an expression: its error as data, worded late. */
export interface ExpressionReason {
  code?: string | undefined;
  token?: string | undefined;
  value?: unknown;
  index?: number | undefined;
  /** JSONata's own message (English), shown when the catalogue has no words for the code. */
  message: string;
}

/** A token or a value of a JSONata error, as text. */
const t = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/**
 * Why an expression did not parse or could not be computed, by the code of
 * the error (`jsonata.<code>`): JSONata's own codes and those of the
 * report's date functions. The reason goes into `expression-syntax` and
 * `expression-failed`, which say where and what to do.
 */
export const JSONATA_REASONS = {
  'jsonata.S0101': message({ example: {}, sv: () => 'en text saknar sitt avslutande citattecken', en: () => 'a text lacks its closing quote' }),
  'jsonata.S0105': message({ example: {}, sv: () => 'ett namn inom ` saknar sitt avslutande `', en: () => 'a name in ` lacks its closing `' }),
  'jsonata.S0201': message({ example: { token: '@' }, sv: (p) => `syntaxfel vid '${t(p.token)}'`, en: (p) => `syntax error at '${t(p.token)}'` }),
  'jsonata.S0202': message({ example: { token: ']', value: ')' }, sv: (p) => `'${t(p.value)}' väntades, men där står '${t(p.token)}'`, en: (p) => `'${t(p.value)}' was expected, but there is '${t(p.token)}'` }),
  'jsonata.S0203': message({ example: { value: ')' }, sv: (p) => `'${t(p.value)}' saknas före uttryckets slut`, en: (p) => `'${t(p.value)}' is missing before the end of the expression` }),
  'jsonata.S0204': message({ example: { token: '=>' }, sv: (p) => `okänd operator '${t(p.token)}'`, en: (p) => `unknown operator '${t(p.token)}'` }),
  'jsonata.S0205': message({ example: { token: ')' }, sv: (p) => `'${t(p.token)}' står där det inte kan stå`, en: (p) => `'${t(p.token)}' stands where it cannot` }),
  'jsonata.S0207': message({ example: {}, sv: () => 'uttrycket tar slut för tidigt', en: () => 'the expression ends too early' }),
  'jsonata.S0211': message({ example: { token: '@' }, sv: (p) => `'${t(p.token)}' kan inte stå först i ett uttryck`, en: (p) => `'${t(p.token)}' cannot begin an expression` }),
  'jsonata.S0212': message({ example: {}, sv: () => "vänstersidan av ':=' ska vara en variabel ($namn)", en: () => "the left side of ':=' must be a variable ($name)" }),
  'jsonata.S0213': message({
    example: { value: 2025 },
    sv: (p) => `ett tal efter en punkt läses som ett tal, inte som en nyckel: skriv en nyckel som är ett tal (ett år) inom bakåtfnuttar, \`${t(p.value)}\``,
    en: (p) => `a number after a dot is read as a number, not a key: write a key that is a number (a year) in backquotes, \`${t(p.value)}\``,
  }),
  'jsonata.T0410': message({ example: { token: 'sum', index: 1 }, sv: (p) => `argument ${p.index} till $${t(p.token)}() har fel sorts värde`, en: (p) => `argument ${p.index} of $${t(p.token)}() is the wrong kind of value` }),
  'jsonata.T0411': message({ example: { token: 'substring', index: 2 }, sv: (p) => `värdet passar inte som argument ${p.index} till $${t(p.token)}()`, en: (p) => `the value does not fit as argument ${p.index} of $${t(p.token)}()` }),
  'jsonata.T0412': message({ example: { token: 'sum', index: 1 }, sv: (p) => `argument ${p.index} till $${t(p.token)}() ska vara en lista`, en: (p) => `argument ${p.index} of $${t(p.token)}() must be a list` }),
  'jsonata.T1005': message({ example: { token: 'sum' }, sv: (p) => `'${t(p.token)}' är ingen funktion; menar du $${t(p.token)}?`, en: (p) => `'${t(p.token)}' is not a function; did you mean $${t(p.token)}?` }),
  'jsonata.T1006': message({ example: {}, sv: () => 'det som anropas är ingen funktion (finns funktionen?)', en: () => 'what is called is not a function (does the function exist?)' }),
  'jsonata.T2001': message({ example: { token: '-' }, sv: (p) => `vänster sida av '${t(p.token)}' ska vara ett tal`, en: (p) => `the left side of '${t(p.token)}' must be a number` }),
  'jsonata.T2002': message({ example: { token: '-' }, sv: (p) => `höger sida av '${t(p.token)}' ska vara ett tal`, en: (p) => `the right side of '${t(p.token)}' must be a number` }),
  'jsonata.T2009': message({ example: { token: '<' }, sv: (p) => `värdena på båda sidor om '${t(p.token)}' ska vara av samma sort (tal eller text)`, en: (p) => `the values on both sides of '${t(p.token)}' must be of the same kind (numbers or texts)` }),
  'jsonata.T2010': message({ example: { token: '<' }, sv: (p) => `värdena på båda sidor om '${t(p.token)}' ska vara tal eller text`, en: (p) => `the values on both sides of '${t(p.token)}' must be numbers or texts` }),
  'jsonata.D1001': message({ example: {}, sv: () => 'ett tal blev för stort', en: () => 'a number became too large' }),
  'jsonata.D2014': message({ example: {}, sv: () => 'en talföljd (..) blev för lång', en: () => 'a range (..) became too long' }),
  'jsonata.D2015': message({ example: {}, sv: () => 'en lista blev längre än någon rapport behöver', en: () => 'a list became longer than any report needs' }),
  'jsonata.D3030': message({ example: { value: 'tre' }, sv: (p) => `värdet ${JSON.stringify(p.value)} går inte att göra om till ett tal`, en: (p) => `the value ${JSON.stringify(p.value)} cannot be turned into a number` }),
  // $error() and $assert(): the author's own words.
  'jsonata.D3137': message({ example: { message: 'Summan stämmer inte' }, sv: (p) => `$error() säger "${p.message}"`, en: (p) => `$error() says "${p.message}"` }),
  'jsonata.D3141': message({ example: { message: 'Summan stämmer inte' }, sv: (p) => `$assert() säger "${p.message}"`, en: (p) => `$assert() says "${p.message}"` }),
  'jsonata.date': message({
    example: { token: 'dagarMellan', index: 2, value: { kind: 'text', text: '2024-02-30' } as ValueDesc },
    sv: (p, f) => `argument ${p.index} till $${p.token}() ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD${p.token === 'ar' || p.token === 'manad' ? ' eller ÅÅÅÅ-MM' : ''}, men är ${f.value(p.value)}`,
    en: (p, f) => `argument ${p.index} of $${p.token}() must be a date that exists, written YYYY-MM-DD${p.token === 'ar' || p.token === 'manad' ? ' or YYYY-MM' : ''}, but is ${f.value(p.value)}`,
  }),
  'jsonata.days': message({
    example: { token: 'plusDagar', index: 2, value: { kind: 'number', text: '1.5' } as ValueDesc },
    sv: (p, f) => `argument ${p.index} till $${p.token}() ska vara ett helt antal dagar som ger ett datum före år 10000, men är ${f.value(p.value)}`,
    en: (p, f) => `argument ${p.index} of $${p.token}() must be a whole number of days giving a date before the year 10000, but is ${f.value(p.value)}`,
  }),
  'jsonata.not-allowed': message({ example: { token: 'now' }, sv: (p) => `$${t(p.token)}() får inte användas i rapportens uttryck`, en: (p) => `$${t(p.token)}() may not be used in the report's expressions` }),
  // Any other code: JSONata's own message.
  'jsonata.other': message({ example: { reason: 'Expected ")" before end of expression' }, sv: (p) => `JSONata säger "${p.reason}"`, en: (p) => `JSONata says "${p.reason}"` }),
};

type ReasonId = keyof typeof JSONATA_REASONS;

/** A reason in a language: the catalogue's words for its code, else JSONata's own message. */
export function reasonText(reason: ExpressionReason, lang: Lang, f: Formatters): string {
  const id = `jsonata.${reason.code ?? ''}`;
  if (id !== 'jsonata.other' && Object.hasOwn(JSONATA_REASONS, id)) {
    const def = JSONATA_REASONS[id as ReasonId] as { sv(p: object, f: Formatters): string; en(p: object, f: Formatters): string };
    return def[lang](reason, f);
  }
  return JSONATA_REASONS['jsonata.other'][lang]({ reason: reason.message }, f);
}
