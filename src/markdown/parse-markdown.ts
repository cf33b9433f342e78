import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { ExpandedChapter } from '../expand/expand-chapter.js';

/** A chapter's Markdown tree whose positions are in the author's file. */
export interface ParsedChapter {
  expanded: ExpandedChapter;
  tree: Root;
}

/** An appendix of the register with its text: number, title and (optionally) a parsed body or a PDF. */
export interface AppendixText {
  number: number;
  key: string;
  title: string;
  body: ParsedChapter | undefined;
  pdf: string | undefined;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses an expanded chapter (CommonMark + GFM tables and footnotes) and
 * rewrites every node's position from the expanded text to the author's file.
 */
export function parseMarkdown(expanded: ExpandedChapter): ParsedChapter {
  const tree = parser.runSync(parser.parse(expanded.markdown)) as Root;
  visit(tree as Node, (node) => {
    const position = node.position;
    if (!position) return;
    // A text node keeps where it starts in the expanded text: the language checks map a word inside it back through that.
    if (node.type === 'text') node.data = { ...node.data, expandedStart: position.start.offset ?? 0 } as Node['data'];
    const start = expanded.toSource(position.start.offset ?? 0);
    const end = expanded.toSource(position.end.offset ?? 0);
    node.position = {
      start: { ...start, offset: expanded.index.offset(start.line, start.column) },
      end: { ...end, offset: expanded.index.offset(end.line, end.column) },
    };
  });
  return { expanded, tree };
}
