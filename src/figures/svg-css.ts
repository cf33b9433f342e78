import { generate, ident, parse, walk, type CssNode, type List } from 'css-tree';

/** At-rules a static drawing may keep: they fetch nothing. `@import`, `@font-face` and the rest are dropped. */
const KEPT_AT_RULES = new Set(['media', 'supports', 'keyframes', 'layer', 'container']);

/** CSS functions that fetch an image or a file (after a vendor prefix is taken off). `url()` is `Url` in the tree. */
const FETCHING_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', 'cross-fade', 'element', 'expression']);

/** Properties that run code in some browser. */
const RUNNING_PROPERTIES = new Set(['behavior', 'binding']);

/** A name as CSS reads it: escapes decoded, lower case, without a vendor prefix (`-webkit-image-set` is `image-set`). */
const plain = (name: string): string => ident.decode(name).toLowerCase().replace(/^-[a-z]+-/, '');

/** Text for the author: a piece of CSS, shortened. */
const excerpt = (css: string): string => (css.length > 60 ? `${css.slice(0, 60)}…` : css);

/**
 * Why a declaration's value reaches out of the drawing, or undefined when it
 * does not: a `url()` to anything but a place in the drawing, a function that
 * fetches (`image-set()`, `image()`, …) or runs (`expression()`), or a value
 * the parser could not read (a browser may read it as any of those:
 * `u\72l(…)` is `url(…)` to a browser).
 */
function reachesOut(node: CssNode): boolean {
  let out = false;
  walk(node, (inner) => {
    if (inner.type === 'Url' && !inner.value.trim().startsWith('#')) out = true;
    else if (inner.type === 'Function' && FETCHING_FUNCTIONS.has(plain(inner.name))) out = true;
    else if (inner.type === 'Raw' && /[\\(:]/.test(inner.value)) out = true;
    else if (inner.type === 'String' && /^\s*(?:javascript|vbscript|data|https?|file):/i.test(inner.value)) out = true;
  });
  return out;
}

/**
 * Removes from a list of a block (or the style sheet) the declarations that
 * reach out and what the parser could not read (a browser may read it as a
 * rule that fetches); names each one in `removed`.
 */
function dropDeclarations(list: List<CssNode>, removed: string[]): void {
  list.forEach((node, item) => {
    if (node.type === 'Raw') {
      if (node.value.trim()) removed.push(excerpt(node.value.trim()));
      list.remove(item);
      return;
    }
    if (node.type !== 'Declaration') return;
    if (RUNNING_PROPERTIES.has(plain(node.property)) || reachesOut(node.value)) {
      removed.push(excerpt(generate(node)));
      list.remove(item);
    }
  });
}

/** What cleaning a piece of CSS made of it: the CSS that fetches and runs nothing, and what was taken out. */
export interface CleanedCss {
  css: string;
  removed: string[];
}

/**
 * Cleans the CSS of an SVG `<style>` element: parsed with css-tree (escapes
 * decoded, as a browser reads them), every at-rule but `@media`,
 * `@supports`, `@keyframes`, `@layer` and `@container` dropped (`@import`
 * and `@font-face` fetch), and every declaration that reaches out dropped.
 */
export function cleanStylesheet(css: string): CleanedCss {
  const removed: string[] = [];
  const tree = parse(css, { parseValue: true, parseAtrulePrelude: false, onParseError: () => undefined });
  walk(tree, {
    visit: 'Atrule',
    enter(node, item, list) {
      if (!KEPT_AT_RULES.has(plain(node.name)) && list) {
        removed.push(excerpt(`@${plain(node.name)}${node.prelude ? ` ${generate(node.prelude)}` : ''}`));
        list.remove(item);
      }
    },
  });
  // A rule whose selector cannot be read is one a browser drops: drop it too (its text could hide anything).
  walk(tree, {
    visit: 'Rule',
    enter(node, item, list) {
      if (node.prelude.type === 'Raw' && list) {
        removed.push(excerpt(node.prelude.value.trim()));
        list.remove(item);
      }
    },
  });
  walk(tree, {
    visit: 'Block',
    enter(node) {
      dropDeclarations(node.children, removed);
    },
  });
  // What the parser could not read at the top level (a stray brace, a broken rule) is dropped too.
  if (tree.type === 'StyleSheet') dropDeclarations(tree.children, removed);
  return { css: generate(tree), removed };
}

/** Cleans a `style` attribute (a list of declarations), as cleanStylesheet does. */
export function cleanStyleAttribute(css: string): CleanedCss {
  const removed: string[] = [];
  const tree = parse(css, { context: 'declarationList', parseValue: true, onParseError: () => undefined });
  if (tree.type === 'DeclarationList') dropDeclarations(tree.children, removed);
  return { css: generate(tree), removed };
}

/** True when a presentation attribute's value (`fill="…"`), read as a CSS value, reaches out of the drawing. */
export function valueReachesOut(value: string): boolean {
  try {
    return reachesOut(parse(value, { context: 'value', onParseError: () => undefined }));
  } catch {
    // Not CSS at all (an id, a path's data, a list of numbers): it can only reach out with a function.
    return /[\\(]/.test(value);
  }
}
