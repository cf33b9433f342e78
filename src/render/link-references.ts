import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';

const APPENDIX = /(?<![\p{L}\d])(bilag(?:a|an|or|orna))\s+(\d+)(?![\p{L}\d])/giu;

/**
 * Links the literal appendix references of the narrative (`bilaga 3`) to the
 * appendix, so a reader of the web page can follow them. Text inside links
 * and headings is left alone; numbers that do not exist are not linked (the
 * checks have already refused them).
 */
export function linkAppendixReferences(trees: readonly Element[], count: number): void {
  for (const tree of trees) {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' || /^h[1-6]$/.test(node.tagName)) return SKIP;
      const children: ElementContent[] = [];
      let changed = false;
      for (const child of node.children) {
        if (child.type !== 'text') {
          children.push(child);
          continue;
        }
        let last = 0;
        for (const match of (child as Text).value.matchAll(APPENDIX)) {
          const n = Number(match[2]);
          if (n < 1 || n > count) continue;
          changed = true;
          if (match.index > last) children.push({ type: 'text', value: child.value.slice(last, match.index) });
          children.push(h('a', { href: `#bilaga-${n}` }, match[0].replace(/\s+/, '\u00a0')));
          last = match.index + match[0].length;
        }
        if (last < child.value.length) children.push({ type: 'text', value: child.value.slice(last) });
      }
      if (changed) node.children = children;
      return undefined;
    });
  }
}
