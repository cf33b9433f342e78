import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { visit } from 'unist-util-visit';
import { allTexts, type CheckRule } from '../check-context.js';

/**
 * Footnotes: every reference has a definition in its chapter, every
 * definition is referenced, and no label is defined twice in the report.
 * Numbering 1…N across chapters in order of first reference is done by the
 * renderer, which treats the chapters as one document.
 */
export const footnotesRule: CheckRule = {
  family: 'markdown',
  ids: ['footnote-undefined', 'footnote-unused', 'footnote-duplicate'],
  run(context, diagnostics) {
    const firstDefinition = new Map<string, string>();
    for (const chapter of allTexts(context)) {
      const file = chapter.expanded.file.path;
      const definitions = new Map<string, FootnoteDefinition>();
      const referenced = new Set<string>();
      visit(chapter.tree, (node) => {
        if (node.type === 'footnoteDefinition') {
          const def = node as FootnoteDefinition;
          const where = `${file}:${def.position?.start.line}`;
          const earlier = firstDefinition.get(def.identifier);
          if (earlier || definitions.has(def.identifier)) {
            diagnostics.error('footnote-duplicate', file, def.position?.start, { label: def.label ?? def.identifier, first: earlier ?? where });
          } else {
            firstDefinition.set(def.identifier, where);
          }
          if (!definitions.has(def.identifier)) definitions.set(def.identifier, def);
        } else if (node.type === 'footnoteReference') {
          referenced.add((node as FootnoteReference).identifier);
        }
      });
      // Micromark leaves a reference without a definition as literal text.
      for (const match of chapter.expanded.literalText.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
        const id = (match[1] ?? '').toLowerCase();
        if (!definitions.has(id)) {
          const known = [...definitions.values()].map((d) => d.label ?? d.identifier);
          diagnostics.error('footnote-undefined', file, chapter.expanded.index.point(match.index), { label: match[1] ?? '', known });
        }
      }
      for (const [id, def] of definitions) {
        if (!referenced.has(id)) diagnostics.error('footnote-unused', file, def.position?.start, { label: def.label ?? id });
      }
    }
  },
};
