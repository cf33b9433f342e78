import type { Element, ElementContent, Root as HastRoot, RootContent, Text } from 'hast';
import { h } from 'hastscript';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { PLACE_MARK } from '../expand/expand-env.js';
import type { ParsedChapter } from '../markdown/parse-markdown.js';
import { linkAppendixReferences } from './link-references.js';
import { slug } from './slug.js';

/** Protocols a link in the report may use; everything else is removed. */
const SAFE_SCHEMA = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/** Swedish labels for GFM footnotes (remark-rehype defaults to English). */
const FOOTNOTE_OPTIONS = {
  clobberPrefix: '',
  footnoteLabel: 'Fotnoter',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['footnotes-heading'] },
  footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
    `Tillbaka till hänvisning ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
  footnoteBackContent: '↩',
};

/**
 * Author Markdown to HTML: Swedish footnote labels, then sanitised (no raw
 * HTML, links only to http(s), mailto and in-page anchors). Used for the
 * chapters and the appendix bodies alike.
 */
export const toSafeHast = unified().use(remarkRehype, FOOTNOTE_OPTIONS).use(rehypeSanitize, SAFE_SCHEMA);

/** A chapter heading in the table of contents. */
export interface TocEntry {
  id: string;
  text: string;
}

/** The report body as HTML trees: chapter sections, the footnote list and the contents. */
export interface ReportBody {
  chapters: Element[];
  footnotes: Element | undefined;
  toc: TocEntry[];
}

/**
 * Turns the chapters into one HTML tree: headings shifted one level down
 * (a chapter's `#` becomes `h2` under the report's `h1`), footnotes numbered
 * 1…N across the whole report in order of first reference, author content
 * sanitised, then the trusted data tables and figures put in place with
 * numbered captions, and the images pointed at their checked files.
 */
export function renderBody(chapters: readonly ParsedChapter[], draw: Drawer, appendixCount: number): ReportBody {
  const merged: MdastRoot = { type: 'root', children: [] };
  for (const chapter of chapters) {
    for (const node of chapter.tree.children) merged.children.push(structuredClone(node) as MdastContent);
  }
  visit(merged, 'heading', (node) => {
    node.depth = Math.min(6, node.depth + 1) as typeof node.depth;
  });

  const hast = toSafeHast.runSync(merged) as HastRoot;
  draw.images(hast);

  let footnotes: Element | undefined;
  const sections: Element[] = [];
  const toc: TocEntry[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  for (const node of hast.children) {
    if (node.type === 'element' && node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined) {
      footnotes = node;
      continue;
    }
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const text = textOf(node);
      node.properties['id'] = uniqueId(slug(text));
      if (node.tagName === 'h2') {
        toc.push({ id: String(node.properties['id']), text });
        sections.push(h('section', { className: ['chapter'], ariaLabelledBy: String(node.properties['id']) }, [node]));
        continue;
      }
    }
    const placed = placedAt(node, draw);
    if (placed) {
      appendTo(sections, placed);
      continue;
    }
    if (node.type === 'text' && node.value.trim() === '') continue;
    appendTo(sections, node);
  }
  if (footnotes) {
    visit(footnotes, 'element', (el) => {
      if (el.tagName === 'h2') el.properties['id'] = 'fotnoter';
      // A link that shows its own address: printed once, not again after itself.
      if (el.tagName === 'a' && typeof el.properties['href'] === 'string' && sameAddress(el.properties['href'], textOf(el))) el.properties['className'] = ['address'];
    });
  }
  // Footnote references point at the heading id remark-rehype gave the list.
  visit(hast, 'element', (el) => {
    if (el.properties['ariaDescribedBy'] !== undefined) el.properties['ariaDescribedBy'] = ['fotnoter'];
  });
  linkAppendixReferences(sections, appendixCount);
  return { chapters: sections, footnotes, toc };
}

/**
 * Draws what the author's text places: a declared table or figure by key,
 * numbered and captioned (undefined for a key that draws nothing), and the
 * images of a tree.
 */
export interface Drawer {
  placed(key: string): Element | undefined;
  images(tree: HastRoot | Element): void;
}

/** Whether a link's text is its address (give or take the scheme and a closing slash). */
function sameAddress(href: string, text: string): boolean {
  const bare = (address: string) => address.trim().replace(/^(https?:\/\/|mailto:)/, '').replace(/\/$/, '');
  return bare(href) === bare(text);
}

/** The table or figure whose marker paragraph this node is, drawn; else undefined. */
export function placedAt(node: RootContent | ElementContent, draw: Drawer): Element | undefined {
  if (node.type !== 'element' || node.tagName !== 'p') return undefined;
  const key = PLACE_MARK.exec(textOf(node))?.[1];
  return key === undefined ? undefined : draw.placed(key);
}

/** A table with its numbered caption, in a container that scrolls on narrow screens (a group named by the caption, which keyboard users can focus to scroll; a section would want a heading of its own). */
export function tableFigure(table: Element, number: number, caption: string): Element {
  const captionId = `tabell-${number}`;
  table.children.unshift(h('caption', { id: captionId }, [h('span', { className: ['label'] }, `Tabell ${number}`), ` ${caption}`]));
  return h('div', { className: ['table-scroll'], role: 'group', ariaLabelledBy: captionId, tabIndex: 0 }, [table]);
}

function appendTo(sections: Element[], node: RootContent): void {
  const last = sections[sections.length - 1];
  if (last) last.children.push(node as ElementContent);
}

/** The text content of an element. */
export function textOf(node: Element | RootContent): string {
  if (node.type === 'text') return (node as Text).value;
  if (node.type === 'element') return node.children.map((c) => textOf(c as RootContent)).join('');
  return '';
}
