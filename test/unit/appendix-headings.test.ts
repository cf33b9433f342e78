import type { Heading, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { appendixHeadingShift, shiftAppendixHeadings } from '../../src/markdown/appendix-headings.js';

const tree = (markdown: string): Root => unified().use(remarkParse).parse(markdown);
const depths = (root: Root): number[] => root.children.filter((n): n is Heading => n.type === 'heading').map((n) => n.depth);

describe('an appendix body\'s headings, moved below its title', () => {
  it('## goes one level under the title, ### two, as in a chapter', () => {
    expect(depths(shiftAppendixHeadings(tree('## A\n\n### B\n\n## C\n'), 3))).toEqual([4, 5, 4]);
    expect(depths(shiftAppendixHeadings(tree('## A\n\n### B\n'), 2))).toEqual([3, 4]);
    expect(appendixHeadingShift(tree('## A\n\n### B\n'), 1)).toBe(0);
  });

  it('a body that uses # has it under the title, and the rest below it', () => {
    expect(depths(shiftAppendixHeadings(tree('# A\n\n## B\n'), 3))).toEqual([4, 5]);
    expect(appendixHeadingShift(tree('# A\n'), 1)).toBe(1);
  });

  it('HTML has six levels: deeper headings stay at h6', () => {
    expect(depths(shiftAppendixHeadings(tree('## A\n\n### B\n\n#### C\n\n##### D\n'), 3))).toEqual([4, 5, 6, 6]);
  });
});
