import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ExpandedChapter } from '../expand/expand-chapter.js';

/**
 * Bounds that keep Markdown parsing fast. micromark is quadratic on some
 * inputs (long runs of emphasis markers, lists and block quotes nested
 * deeply); a report never needs such text, so it is refused before parsing
 * with an error at its line, instead of a parse that hangs or overflows.
 */
export const MARKDOWN_LIMITS = {
  /** Characters of one chapter after its helpers are expanded. */
  chapterChars: 256 * 1024,
  /** Leading spaces of a line (list nesting): 40 is 20 levels at two spaces. */
  indent: 40,
  /** List markers opening lists inside each other on one line (`- - - x`): 20 levels, as by indentation. */
  listDepth: 20,
  /** Block quote markers at the start of a line (also between list markers). */
  quoteDepth: 10,
  /** Emphasis markers (`*`, `_`) in one paragraph. */
  emphasisMarkers: 2000,
  /** Square brackets in one paragraph. */
  brackets: 2000,
} as const;

/** The run of container markers at the start of a line: `>` and list markers (`-`, `+`, `*`, `1.`, `1)`) with the space after them. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/;
const LIST_MARKER = /[-+*]|\d{1,9}[.)]/g;

/**
 * Checks an expanded chapter against MARKDOWN_LIMITS; returns false (with a
 * located error) when it must not be parsed.
 */
export function withinMarkdownLimits(chapter: ExpandedChapter, diagnostics: Diagnostics): boolean {
  const { markdown, file } = chapter;
  if (markdown.length > MARKDOWN_LIMITS.chapterChars) {
    diagnostics.error('markdown-too-large', file.path, { line: 1, column: 1 }, { size: markdown.length, limit: MARKDOWN_LIMITS.chapterChars });
    return false;
  }
  let ok = true;
  let offset = 0;
  let paragraphStart = 0;
  let emphasis = 0;
  let brackets = 0;
  const flush = (): void => {
    if (emphasis > MARKDOWN_LIMITS.emphasisMarkers || brackets > MARKDOWN_LIMITS.brackets) {
      const tooMany = emphasis > MARKDOWN_LIMITS.emphasisMarkers;
      diagnostics.error('markdown-pathological', file.path, chapter.toSource(paragraphStart), { count: tooMany ? emphasis : brackets, brackets: !tooMany });
      ok = false;
    }
    emphasis = 0;
    brackets = 0;
  };
  for (const line of markdown.split('\n')) {
    // A blank line, a list item or a heading starts a new inline run.
    if (line.trim() === '' || /^\s*(?:[-+*]|\d+[.)])\s|^\s*#/.test(line)) {
      flush();
      paragraphStart = line.trim() === '' ? offset + line.length + 1 : offset;
    }
    if (line.trim() !== '') {
      const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
      // The containers a line opens before its text: block quotes and list markers, in any order.
      const prefix = CONTAINERS.exec(line)?.[0] ?? '';
      const quotes = prefix.split('>').length - 1;
      const lists = prefix.match(LIST_MARKER)?.length ?? 0;
      if (indent > MARKDOWN_LIMITS.indent || quotes > MARKDOWN_LIMITS.quoteDepth || lists > MARKDOWN_LIMITS.listDepth) {
        if (indent > MARKDOWN_LIMITS.indent) diagnostics.error('markdown-too-deep.indent', file.path, chapter.toSource(offset), { indent, limit: MARKDOWN_LIMITS.indent });
        else if (quotes > MARKDOWN_LIMITS.quoteDepth) diagnostics.error('markdown-too-deep.quotes', file.path, chapter.toSource(offset), { depth: quotes, limit: MARKDOWN_LIMITS.quoteDepth });
        else diagnostics.error('markdown-too-deep.lists', file.path, chapter.toSource(offset), { depth: lists, limit: MARKDOWN_LIMITS.listDepth });
        return false;
      }
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 42 || c === 95) emphasis++;
        else if (c === 91 || c === 93) brackets++;
      }
    }
    offset += line.length + 1;
  }
  flush();
  return ok;
}
