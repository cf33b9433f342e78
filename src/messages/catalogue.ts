import { DATA_MESSAGES } from './catalogue/data.js';
import { DOKTOR_TEXTS } from './catalogue/doktor.js';
import { FIGURE_MESSAGES } from './catalogue/figures.js';
import { FILE_MESSAGES } from './catalogue/files.js';
import { HANDLEBARS_PROBLEMS } from './catalogue/handlebars.js';
import { IMPORT_TEXTS } from './catalogue/import.js';
import { JSONATA_REASONS } from './catalogue/jsonata.js';
import { LANGUAGE_MESSAGES } from './catalogue/language.js';
import { MARKDOWN_MESSAGES } from './catalogue/markdown.js';
import { MODEL_MESSAGES } from './catalogue/model.js';
import { PROSE_MESSAGES } from './catalogue/prose.js';
import { OPEN_DATA_MESSAGES } from './catalogue/open-data.js';
import { PROSE_AMOUNT_MESSAGES } from './catalogue/prose-amounts.js';
import { REFERENCE_MESSAGES } from './catalogue/references.js';
import { TEMPLATE_MESSAGES } from './catalogue/templates.js';
import { BUILD_TEXTS, CLI_TEXTS, INIT_TEXTS, PREVIEW_TEXTS, TOOL_ERRORS } from './catalogue/texts.js';
import { YAML_REASONS } from './catalogue/yaml.js';
import { formattersFor, type Lang, type MessageDef } from './message.js';

/**
 * Every message the tool shows an author, by permanent id, with its text in
 * Swedish and English. A diagnostic's rule id is the part of its message id
 * before the first dot (`data-schema.type` → `data-schema`).
 */
export const MESSAGES = {
  ...FILE_MESSAGES,
  ...DATA_MESSAGES,
  ...MODEL_MESSAGES,
  ...TEMPLATE_MESSAGES,
  ...MARKDOWN_MESSAGES,
  ...REFERENCE_MESSAGES,
  ...PROSE_MESSAGES,
  ...PROSE_AMOUNT_MESSAGES,
  ...OPEN_DATA_MESSAGES,
  ...FIGURE_MESSAGES,
  ...LANGUAGE_MESSAGES,
};

/** The catalogue's families: each file of `catalogue/` by name. A rule declares the family its messages live in. */
export const FAMILIES = {
  files: FILE_MESSAGES,
  data: DATA_MESSAGES,
  model: MODEL_MESSAGES,
  templates: TEMPLATE_MESSAGES,
  markdown: MARKDOWN_MESSAGES,
  references: REFERENCE_MESSAGES,
  prose: PROSE_MESSAGES,
  'prose-amounts': PROSE_AMOUNT_MESSAGES,
  'open-data': OPEN_DATA_MESSAGES,
  figures: FIGURE_MESSAGES,
  language: LANGUAGE_MESSAGES,
};

/** A family of the catalogue (`src/messages/catalogue/<family>.ts`). */
export type Family = keyof typeof FAMILIES;

export type MessageId = keyof typeof MESSAGES;

/** The parameters a message takes. */
export type ParamsOf<K extends MessageId> = (typeof MESSAGES)[K] extends MessageDef<infer P> ? P : never;

/** The rule id of a message id. */
export function ruleOf(id: MessageId): string {
  return id.split('.')[0] ?? id;
}

/** A message's text in a language. */
export function render<K extends MessageId>(id: K, params: ParamsOf<K>, lang: Lang): string {
  const def = MESSAGES[id] as MessageDef<ParamsOf<K>>;
  return def[lang](params, formattersFor(lang));
}

/**
 * Everything else the tool says, by permanent id: help, progress, the
 * preview, `init`, and why a PDF or the output could not be made.
 */
export const TEXTS = {
  ...CLI_TEXTS,
  ...BUILD_TEXTS,
  ...TOOL_ERRORS,
  ...INIT_TEXTS,
  ...PREVIEW_TEXTS,
  ...IMPORT_TEXTS,
  ...DOKTOR_TEXTS,
  ...JSONATA_REASONS,
  ...YAML_REASONS,
  ...HANDLEBARS_PROBLEMS,
};

export type TextId = keyof typeof TEXTS;

/** The parameters a text takes. */
export type TextParams<K extends TextId> = (typeof TEXTS)[K] extends MessageDef<infer P> ? P : never;

/** A text in a language. */
export function text<K extends TextId>(lang: Lang, id: K, ...params: keyof TextParams<K> extends never ? [] : [TextParams<K>]): string {
  const def = TEXTS[id] as MessageDef<TextParams<K>>;
  return def[lang]((params[0] ?? {}) as TextParams<K>, formattersFor(lang));
}

/** A text whose id is only known at run time (a progress step, an error), with its parameters. */
export function textOf(lang: Lang, id: TextId, params: object): string {
  return (TEXTS[id] as MessageDef<object>)[lang](params, formattersFor(lang));
}
