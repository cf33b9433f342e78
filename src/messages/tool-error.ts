import { textOf, type TextId, type TextParams } from './catalogue.js';
import type { Lang } from './message.js';

/**
 * A failure of the tool or its surroundings that the author must know
 * about (the browser is missing, the PDF timed out, another build holds the
 * output): a text of the catalogue, rendered where it is printed, in the
 * author's language.
 */
export class ToolError<K extends TextId = TextId> extends Error {
  readonly params: TextParams<K>;

  constructor(
    readonly id: K,
    ...params: keyof TextParams<K> extends never ? [] : [TextParams<K>]
  ) {
    super(id);
    this.params = (params[0] ?? {}) as TextParams<K>;
  }

  /** The message in a language. */
  text(lang: Lang): string {
    return textOf(lang, this.id, this.params as object);
  }
}
