/** A path in a `{{…}}` with a part that is a number, as written and as Handlebars wants it. */
export interface NumberKey {
  /** Offset of the path in the template. */
  offset: number;
  written: string;
  /** The same path with each number part in brackets: `utfall.[2025]`. */
  fixed: string;
}

const MUSTACHE = /\{\{([^{}]*)\}\}/g;
/** A dotted path that ends in a part of digits only (Handlebars reads `.2025` there as a number; inside a path it reads it as a key). */
const PATH = /(?<![\w.\]\[])((?:[A-Za-zÅÄÖåäö_@][\wÅÄÖåäö-]*|\[[^\]]*\])(?:\.(?:[A-Za-zÅÄÖåäö_][\wÅÄÖåäö-]*|\[[^\]]*\]|\d+))*\.\d+)(?![\w.\[])/;

/**
 * The first path in a template's `{{…}}` (from offset `from`, the start of
 * the line Handlebars stopped at) that ends in a number (`utfall.2025`),
 * which Handlebars reads as a number and cannot parse: a key that is a
 * number is written in brackets (`utfall.[2025]`).
 */
export function numberKey(text: string, from = 0): NumberKey | undefined {
  for (const mustache of text.slice(from).matchAll(MUSTACHE)) {
    const inner = mustache[1] ?? '';
    const found = PATH.exec(inner);
    if (!found?.[1]) continue;
    const written = found[1];
    const fixed = written.replace(/\.(\d+)(?=\.|$)/g, '.[$1]');
    return { offset: from + (mustache.index ?? 0) + 2 + found.index, written, fixed };
  }
  return undefined;
}
