import { message, type Formatters, type Lang } from '../message.js';

/** Why js-yaml could not read a file: the catalogue's code for its reason (`yaml.<code>`), and its own words (English). */
export interface YamlReason {
  code: YamlCode | undefined;
  /** js-yaml's own reason, shown when the catalogue has no words for it. */
  message: string;
}

/**
 * Why a YAML file could not be read, by the code the parse stage gives
 * js-yaml's reason (`yaml.<code>`). The reason goes into `yaml-syntax`,
 * which says where and what to do.
 */
export const YAML_REASONS = {
  'yaml.duplicated-key': message({ example: {}, sv: () => 'nyckeln finns redan i samma mappning', en: () => 'the key is already in the same mapping' }),
  'yaml.sequence-indentation': message({ example: {}, sv: () => 'fel indrag för en listpost', en: () => 'wrong indentation of a list item' }),
  'yaml.mapping-indentation': message({ example: {}, sv: () => 'fel indrag för en nyckel', en: () => 'wrong indentation of a key' }),
  'yaml.stray-text': message({ example: {}, sv: () => "oväntad text: raden hör inte till något (indrag eller ett saknat ':'?)", en: () => "unexpected text: the line belongs to nothing (indentation or a missing ':'?)" }),
  'yaml.unreadable-key': message({ example: {}, sv: () => "en nyckel går inte att läsa (saknas ':' eller citattecken?)", en: () => "a key cannot be read (a missing ':' or quotes?)" }),
  'yaml.unreadable-pair': message({ example: {}, sv: () => "en nyckel går inte att läsa (saknas ':'?)", en: () => "a key cannot be read (a missing ':'?)" }),
  'yaml.incomplete-pair': message({ example: {}, sv: () => 'ett nyckel–värde-par är ofullständigt', en: () => 'a key–value pair is incomplete' }),
  'yaml.unclosed-quote': message({ example: {}, sv: () => 'en text saknar sitt avslutande citattecken', en: () => 'a text lacks its closing quote' }),
  'yaml.missing-comma': message({ example: {}, sv: () => 'ett kommatecken saknas mellan posterna i [ ] eller { }', en: () => 'a comma is missing between the entries in [ ] or { }' }),
  'yaml.unclosed-collection': message({ example: {}, sv: () => 'en [ eller { saknar sin avslutande ] eller }', en: () => 'a [ or { lacks its closing ] or }' }),
  'yaml.alias': message({ example: {}, sv: () => 'alias (*namn) är inte tillåtna i rapportens data', en: () => "aliases (*name) are not allowed in the report's data" }),
  'yaml.too-deep': message({ example: {}, sv: () => 'datan är nästlad djupare än någon rapport behöver', en: () => 'the data is nested deeper than any report needs' }),
  'yaml.non-printable': message({ example: {}, sv: () => 'filen innehåller tecken som inte går att skriva ut', en: () => 'the file contains characters that cannot be printed' }),
  // Any other reason: js-yaml's own words.
  'yaml.other': message({ example: { reason: 'unexpected end of the stream' }, sv: (p) => `"${p.reason}"`, en: (p) => p.reason }),
};

/** A reason the catalogue words (`yaml.<code>`, every one but `other`). */
export type YamlCode = Exclude<keyof typeof YAML_REASONS, 'yaml.other'> extends `yaml.${infer C}` ? C : never;

/** A reason in a language: the catalogue's words for its code, else js-yaml's own. */
export function yamlReasonText(reason: YamlReason, lang: Lang, f: Formatters): string {
  if (reason.code) return YAML_REASONS[`yaml.${reason.code}`][lang]({}, f);
  return YAML_REASONS['yaml.other'][lang]({ reason: reason.message }, f);
}
