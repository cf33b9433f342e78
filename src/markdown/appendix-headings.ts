import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * How many levels an appendix body's headings move so that they sit below
 * the appendix's own title, as a chapter's do below its `#`: the body's `##`
 * becomes the level under the title (`titleLevel + 1`), `###` the one under
 * that. A body that uses `#` (the title comes from `data/bilagor.yaml`, so
 * it needs none) has its `#` put under the title and the rest below it.
 */
export function appendixHeadingShift(tree: Root, titleLevel: number): number {
  let top = 2;
  visit(tree, 'heading', (node: Heading) => {
    top = Math.min(top, node.depth);
  });
  return titleLevel + 1 - top;
}

/** An appendix body's headings moved below a title at `titleLevel` (HTML keeps at most six levels); changes the tree it is given. */
export function shiftAppendixHeadings(tree: Root, titleLevel: number): Root {
  const shift = appendixHeadingShift(tree, titleLevel);
  visit(tree, 'heading', (node: Heading) => {
    node.depth = Math.min(6, node.depth + shift) as Heading['depth'];
  });
  return tree;
}
