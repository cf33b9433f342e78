import type { Heading, Html } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CheckRule } from '../check-context.js';

/**
 * Markdown structure: raw HTML is refused (it would be dropped from the page,
 * silently losing the author's content, so an error at its line is kinder;
 * HTML comments are allowed and dropped),
 * and every chapter opens with exactly one level-1 heading.
 */
export const markdownRule: CheckRule = {
  ids: ['markdown-raw-html', 'chapter-heading'],
  run(context, diagnostics) {
    for (const chapter of [...context.chapters, ...context.appendices.flatMap((a) => (a.body ? [a.body] : []))]) {
      const file = chapter.expanded.file.path;
      visit(chapter.tree, 'html', (node: Html) => {
        // An HTML comment is a note to co-authors: it never reaches the page.
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
        // A closing tag belongs to an opening tag already reported.
        if (/^<\/[a-z][a-z0-9-]*\s*>$/i.test(node.value.trim())) return;
        const snippet = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
        diagnostics.error('markdown-raw-html', file, node.position?.start, `raw HTML is not allowed in the report (${JSON.stringify(snippet)}): write it in Markdown, or use a data table partial`);
      });
    }
    for (const chapter of context.chapters) {
      const file = chapter.expanded.file.path;
      const first = chapter.tree.children[0];
      if (!first || first.type !== 'heading' || first.depth !== 1) {
        diagnostics.error('chapter-heading', file, first?.position?.start ?? { line: 1, column: 1 }, `a chapter starts with its title as a level-1 heading: add '# Title' as the first line`);
      }
      let seen = 0;
      visit(chapter.tree, 'heading', (node: Heading) => {
        if (node.depth === 1 && seen++ > 0) {
          diagnostics.error('chapter-heading', file, node.position?.start, `a chapter has one level-1 heading: start a new file in content/ for a new chapter, or use '##' for a section`);
        }
      });
    }
  },
};
