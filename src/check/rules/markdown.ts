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
        // An HTML comment is a note to co-authors: it never reaches the page.
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
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
