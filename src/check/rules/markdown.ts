import type { Definition, Heading, Html, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { allTexts, type CheckRule } from '../check-context.js';
import { isLocalImage } from '../../figures/image-asset.js';

/** Links a report may contain: web addresses, e-mail addresses and places in the report. */
const SAFE_LINK = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|#[^\s]*)$/i;

/**
 * Markdown structure: raw HTML is refused (it would be dropped from the page,
 * silently losing the author's content, so an error at its line is kinder;
 * HTML comments are allowed and dropped), links go only to http(s), mailto
 * and in-page anchors, images come only from files in the report (a remote
 * one would make the page fetch from elsewhere),
 * and every chapter opens with exactly one level-1 heading.
 */
export const markdownRule: CheckRule = {
  family: 'markdown',
  ids: ['markdown-raw-html', 'chapter-heading', 'markdown-link', 'markdown-image'],
  run(context, diagnostics) {
    for (const chapter of allTexts(context)) {
      const file = chapter.expanded.file.path;
      visit(chapter.tree, (node) => {
        // A local image is checked with the report's other images (figures/prepare); one from elsewhere is refused.
        if ((node.type === 'image' && !isLocalImage(node.url)) || node.type === 'imageReference') {
          const url = node.type === 'image' ? node.url : `![${node.alt ?? ''}][${node.label ?? node.identifier}]`;
          diagnostics.error('markdown-image', file, node.position?.start, { url: url.length > 60 ? `${url.slice(0, 60)}…` : url });
        } else if (node.type === 'link' || node.type === 'definition') {
          const url = (node as Link | Definition).url.trim();
          if (!SAFE_LINK.test(url)) {
            diagnostics.error('markdown-link', file, node.position?.start, { url: url.length > 60 ? `${url.slice(0, 60)}…` : url });
          }
        }
      });
      visit(chapter.tree, 'html', (node: Html) => {
        // An HTML comment is a note to co-authors: it never reaches the page. Text beside it in the
        // same HTML block would vanish with it: an error at the text.
        if (node.value.trimStart().startsWith('<!--')) {
          const outside = node.value.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
          const text = /\S/.exec(outside);
          if (text && outside.startsWith('<!--', text.index)) {
            // Never closed: Markdown drops everything after it, to the end of the chapter.
            const lines = node.value.slice(0, text.index).split('\n');
            const start = node.position?.start;
            diagnostics.error('markdown-raw-html.comment-unclosed', file, start && { line: start.line + lines.length - 1, column: lines.length === 1 ? start.column + text.index : (lines.at(-1)?.length ?? 0) + 1 }, {});
          } else if (text) {
            const before = node.value.slice(0, text.index);
            const lines = before.split('\n');
            const start = node.position?.start;
            const point = start && { line: start.line + lines.length - 1, column: lines.length === 1 ? start.column + before.length : (lines.at(-1)?.length ?? 0) + 1 };
            const rest = node.value.slice(text.index).replace(/<!--[\s\S]*$/, '').trim();
            diagnostics.error('markdown-raw-html.comment-text', file, point, { text: JSON.stringify(rest.length > 40 ? `${rest.slice(0, 40)}…` : rest) });
          }
          return;
        }
        // A closing tag belongs to an opening tag already reported.
        if (/^<\/[a-z][a-z0-9-]*\s*>$/i.test(node.value.trim())) return;
        const snippet = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
        diagnostics.error('markdown-raw-html', file, node.position?.start, { snippet: JSON.stringify(snippet) });
      });
    }
    for (const chapter of context.chapters) {
      const file = chapter.expanded.file.path;
      const first = chapter.tree.children[0];
      if (!first || first.type !== 'heading' || first.depth !== 1) {
        diagnostics.error('chapter-heading.first', file, first?.position?.start ?? { line: 1, column: 1 }, {});
      }
      let seen = 0;
      visit(chapter.tree, 'heading', (node: Heading) => {
        if (node.depth === 1 && seen++ > 0) {
          diagnostics.error('chapter-heading.second', file, node.position?.start, {});
        }
      });
    }
  },
};
