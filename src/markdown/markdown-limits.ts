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
  /** Block quote markers at the start of a line. */
  quoteDepth: 10,
  /** Emphasis markers (`*`, `_`) in one paragraph. */
  emphasisMarkers: 2000,
  /** Square brackets in one paragraph. */
  brackets: 2000,
} as const;

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
      const quotes = /^(?:[ \t]*>)*/.exec(line)?.[0].split('>').length ?? 1;
      if (indent > MARKDOWN_LIMITS.indent || quotes - 1 > MARKDOWN_LIMITS.quoteDepth) {
        if (indent > MARKDOWN_LIMITS.indent) diagnostics.error('markdown-too-deep.indent', file.path, chapter.toSource(offset), { indent, limit: MARKDOWN_LIMITS.indent });
        else diagnostics.error('markdown-too-deep.quotes', file.path, chapter.toSource(offset), { depth: quotes - 1, limit: MARKDOWN_LIMITS.quoteDepth });
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
