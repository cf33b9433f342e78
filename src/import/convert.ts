import type { Element, ElementContent, Root as HastRoot, RootContent, Text as HastText } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Html, Root as MdastRoot, RootContent as MdastContent, Text } from 'mdast';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { DocxFile } from './docx-file.js';
import { readDecision, type Decision } from './decision.js';
import { readLetterhead, type Letterhead } from './letterhead.js';
import { dataKey, slug } from './slug.js';
import { readTable, type ImportedTable } from './tables.js';

/**
 * How Word's paragraph styles map to HTML, beyond mammoth's own (headings,
 * lists, footnotes): the title, quotes and captions, in English and Swedish
 * Word and as pandoc and LibreOffice name them.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.dokumenttitel:fresh",
  "p[style-name='Rubrik'] => h1.dokumenttitel:fresh",
  "p[style-name='Subtitle'] => p.underrubrik:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Citat'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Image Caption'] => p.bildtext:fresh",
  "p[style-name='Caption'] => p.bildtext:fresh",
  "p[style-name='Beskrivning'] => p.bildtext:fresh",
  "p[style-name='Table Caption'] => p.tabelltext:fresh",
  // The table of contents is a field Word fills in: the report makes its own.
  "p[style-name='TOC Heading'] => !",
  ...Array.from({ length: 9 }, (_, i) => `p[style-name='toc ${i + 1}'] => !`),
  ...Array.from({ length: 9 }, (_, i) => `p[style-name='TOC ${i + 1}'] => !`),
];

/** Paragraph styles that are plain text however they are named: not worth a word in the summary. */
const PLAIN_STYLES = new Set(['Normal', 'Body Text', 'First Paragraph', 'Compact', 'Text Body', 'Default', 'Standard', 'Brödtext', 'Default Paragraph Font', 'Table Contents', 'Author', 'Date', 'Captioned Figure', 'Figure', 'Table Heading', 'Abstract']);

/** An image taken out of the Word file. */
export interface ImportedImage {
  path: string;
  bytes: Buffer;
  alt: string;
}

/** A chapter or an appendix body, as Markdown. */
export interface ImportedText {
  title: string;
  file: string;
  markdown: string;
}

/** An appendix found as a heading "Bilaga N …". */
export interface ImportedAppendix {
  number: number;
  key: string;
  title: string;
  body: ImportedText | undefined;
}

/** What a Word draft becomes: the parts of a report root, and what did not carry over. */
export interface ImportedReport {
  letterhead: Letterhead;
  decision: Decision | undefined;
  chapters: ImportedText[];
  appendices: ImportedAppendix[];
  tables: ImportedTable[];
  images: ImportedImage[];
  footnotes: number;
  /** Styles mammoth did not know, by name. */
  unmappedStyles: Set<string>;
  /** Text before the first chapter that is not part of the letterhead. */
  unplaced: string[];
  /** Tables whose caption ("Tabell N …") was not found beside them. */
  uncaptioned: number;
}

const IMAGE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };

/**
 * Converts a Word draft: mammoth turns the .docx into semantic HTML, the
 * unified chain (rehype-parse → rehype-remark → remark-gfm → remark-stringify)
 * turns it into Markdown, split into chapters at each Heading 1, with
 * footnotes as GFM footnotes, tables as data, images as files.
 */
export async function convertDocx(docx: DocxFile): Promise<ImportedReport> {
  const images: ImportedImage[] = [];
  const skippedImages: string[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: docx.bytes },
    {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async (image) => {
        const ext = IMAGE_TYPES[image.contentType];
        if (ext === undefined) {
          skippedImages.push(image.contentType);
          return { src: '' };
        }
        const bytes = await image.readAsBuffer();
        const file = `bilder/bild-${images.length + 1}.${ext}`;
        // mammoth reads Word's description of the picture (its alt text) but does not declare it.
        const alt = ((image as { altText?: string }).altText ?? '').trim();
        images.push({ path: file, bytes, alt });
        return { src: file, alt };
      }),
    },
  );
  const unmappedStyles = new Set<string>();
  for (const m of result.messages) {
    const style = /^Unrecognised (?:paragraph|run) style: '([^']*)'/.exec(m.message)?.[1];
    if (style !== undefined && !PLAIN_STYLES.has(style)) unmappedStyles.add(style);
  }
  const tree = unified().use(rehypeParse, { fragment: true }).parse(result.value) as HastRoot;
  const notes = takeNotes(tree);
  unwrapAnchors(tree);
  const blocks = tree.children.filter(isContent).filter((n) => !(isElement(n, 'a') && n.children.length === 0));
  return splitReport(docx, blocks, notes, images, unmappedStyles);
}

/** Word's bookmarks come as `<a id="_Toc…">` with no address: their text stays, the anchor goes. */
function unwrapAnchors(node: HastRoot | Element): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === 'element') unwrapAnchors(child);
    if (child.type === 'element' && child.tagName === 'a' && child.properties['href'] === undefined) children.push(...child.children);
    else children.push(child);
  }
  node.children = children as typeof node.children;
}

/** The footnotes and endnotes mammoth lists at the end, by their id, without their back links. */
function takeNotes(tree: HastRoot): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  tree.children = tree.children.filter((node) => {
    if (!isElement(node, 'ol')) return true;
    const items = node.children.filter((c): c is Element => isElement(c, 'li'));
    const isNotes = items.length > 0 && items.every((li) => /^(footnote|endnote)-/.test(String(li.properties['id'] ?? '')));
    if (!isNotes) return true;
    for (const li of items) notes.set(String(li.properties['id']), withoutBackLinks(li.children));
    return false;
  });
  return notes;
}

function withoutBackLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((n) => !(isElement(n, 'a') && /^#(footnote|endnote)-ref-/.test(String(n.properties['href'] ?? ''))))
    .map((n) => (n.type === 'element' ? { ...n, children: withoutBackLinks(n.children) } : n));
}

interface Section {
  heading: Element;
  nodes: RootContent[];
}

async function splitReport(docx: DocxFile, blocks: RootContent[], notes: Map<string, ElementContent[]>, images: ImportedImage[], unmappedStyles: Set<string>): Promise<ImportedReport> {
  const front: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of blocks) {
    if (isElement(node, 'h1') && !hasClass(node, 'dokumenttitel')) sections.push({ heading: node, nodes: [] });
    else if (sections.length === 0) front.push(node);
    else (sections[sections.length - 1] as Section).nodes.push(node);
  }
  const letterhead = await readLetterhead(docx, front);
  if (sections.length === 0) sections.push({ heading: { type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: letterhead.title ?? 'Rapporten' }] }, nodes: front.filter((n) => !letterhead.used.has(n)) });

  // The closing decision is written by the tool from rapport.yaml: take it out of the text.
  let decision: Decision | undefined;
  for (const section of [...sections].reverse()) {
    const found = readDecision(section.nodes);
    if (found) {
      decision = found.decision;
      section.nodes = section.nodes.filter((n) => !found.used.has(n));
      break;
    }
  }

  const tables: ImportedTable[] = [];
  const takenKeys = new Set<string>();
  let uncaptioned = 0;
  const numbering = new Map<string, number>();
  const chapters: ImportedText[] = [];
  const appendices: ImportedAppendix[] = [];
  const appendixKeys = new Set<string>();
  for (const section of sections) {
    const title = textOf(section.heading).trim();
    // Tables become data; their captions become the declaration's rubrik.
    const nodes: RootContent[] = [];
    for (let i = 0; i < section.nodes.length; i++) {
      const node = section.nodes[i] as RootContent;
      if (!isElement(node, 'table')) {
        nodes.push(node);
        continue;
      }
      const before = nodes[nodes.length - 1];
      const after = section.nodes[i + 1];
      const captionOf = (n: RootContent | undefined): string | undefined => {
        if (!n || !isElement(n, 'p')) return undefined;
        return /^Tabell\s+\d+\s*[.:–-]?\s*(.+)$/i.exec(textOf(n).trim())?.[1]?.trim();
      };
      let caption = captionOf(before);
      if (caption !== undefined) nodes.pop();
      else {
        caption = captionOf(after);
        if (caption !== undefined) i += 1;
      }
      if (caption === undefined) uncaptioned += 1;
      const key = dataKey(caption ?? title, takenKeys, `tabell${tables.length + 1}`);
      tables.push(readTable(key, caption, tableCells(node)));
      nodes.push({ type: 'element', tagName: 'tabellplats', properties: { dataKey: key }, children: [] });
    }
    // An image's caption paragraph that repeats its description is the description.
    const cleaned = nodes.filter((n, i) => !(isElement(n, 'p') && hasClass(n, 'bildtext') && imageAlt(nodes[i - 1]) === textOf(n).trim()));
    const appendix = /^Bilaga\s+(\d+)\s*[.:–-]?\s*(.*)$/i.exec(title);
    if (appendix) {
      const number = Number(appendix[1]);
      const appendixTitle = (appendix[2] ?? '').trim() || title;
      const key = dataKey(appendixTitle, appendixKeys, `bilaga${number}`);
      const markdown = cleaned.some((n) => n.type !== 'text' || n.value.trim() !== '') ? toMarkdown(cleaned, notes, numbering) : '';
      appendices.push({ number, key, title: appendixTitle, body: markdown ? { title: appendixTitle, file: `content/bilagor/${key}.md`, markdown } : undefined });
      continue;
    }
    if (cleaned.length === 0 && decision && section === sections[sections.length - 1]) continue;
    const markdown = toMarkdown([section.heading, ...cleaned], notes, numbering);
    chapters.push({ title, file: `content/${String(chapters.length + 1).padStart(2, '0')}-${slug(title, 'kapitel')}.md`, markdown });
  }
  appendices.sort((a, b) => a.number - b.number);
  return { letterhead, decision, chapters, appendices, tables, images, footnotes: numbering.size, unmappedStyles, unplaced: letterhead.unplaced, uncaptioned };
}

/** A table's cells as text, row by row, header first. */
function tableCells(table: Element): string[][] {
  const rows: Element[] = [];
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows.map((tr) => tr.children.filter((c): c is Element => isElement(c, 'td') || isElement(c, 'th')).map((cell) => textOf(cell).trim()));
}

/**
 * One chapter's blocks as Markdown: footnote references numbered 1…N across
 * the report in order of first reference, their definitions at the chapter's
 * end, and `{{> key}}` where a table stood.
 */
function toMarkdown(nodes: RootContent[], notes: Map<string, ElementContent[]>, numbering: Map<string, number>): string {
  const used: string[] = [];
  const processor = unified()
    .use(rehypeRemark, {
      handlers: {
        sup(state, node: Element) {
          const link = node.children.find((c): c is Element => isElement(c, 'a') && /^#(footnote|endnote)-/.test(String(c.properties['href'] ?? '')));
          if (!link) return state.all(node);
          const id = String(link.properties['href']).slice(1);
          if (!numbering.has(id)) numbering.set(id, numbering.size + 1);
          if (!used.includes(id)) used.push(id);
          const label = String(numbering.get(id));
          const reference: FootnoteReference = { type: 'footnoteReference', identifier: label, label };
          return reference;
        },
        tabellplats(_state, node: Element) {
          const placed: Html = { type: 'html', value: `{{> ${String(node.properties['dataKey'])}}}` };
          return placed;
        },
      },
      nodeHandlers: {
        text(_state, node: HastText) {
          // Text that looks like a Handlebars expression stays text (escaped after stringifying).
          const value: Text = { type: 'text', value: node.value.replace(/\{\{/g, '\uE000') };
          return value;
        },
      },
    })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-' });
  const mdast = processor.runSync({ type: 'root', children: nodes } as HastRoot) as MdastRoot;
  tighten(mdast);
  const definitions: FootnoteDefinition[] = [];
  for (let i = 0; i < used.length; i++) {
    const id = used[i] as string;
    const body = processor.runSync({ type: 'root', children: [{ type: 'element', tagName: 'div', properties: {}, children: notes.get(id) ?? [] }] } as HastRoot) as MdastRoot;
    const label = String(numbering.get(id));
    definitions.push({ type: 'footnoteDefinition', identifier: label, label, children: trimParagraphs(body.children) as FootnoteDefinition['children'] });
  }
  mdast.children.push(...definitions);
  return processor.stringify(mdast).replace(/\uE000/g, '\\{{');
}

/** Word's lists have no blank lines between their items: neither do the Markdown lists made of them. */
function tighten(node: MdastRoot | MdastContent): void {
  if (node.type === 'list' || node.type === 'listItem') node.spread = false;
  if ('children' in node) for (const child of node.children) tighten(child as MdastContent);
}

/** Footnote text as mammoth gives it starts with a space: trim the paragraphs' ends. */
function trimParagraphs(children: MdastContent[]): MdastContent[] {
  for (const c of children) {
    if (c.type !== 'paragraph') continue;
    const first = c.children[0];
    const last = c.children[c.children.length - 1];
    if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  }
  return children;
}

function imageAlt(node: RootContent | undefined): string | undefined {
  if (!isElement(node)) return undefined;
  const img: Element | undefined = node.tagName === 'img' ? node : node.children.find((c): c is Element => isElement(c, 'img'));
  return img ? String(img.properties['alt'] ?? '').trim() : undefined;
}

function isContent(node: RootContent): boolean {
  return node.type === 'element' || (node.type === 'text' && node.value.trim() !== '');
}

/** An element, optionally of one tag name. */
export function isElement(node: RootContent | ElementContent | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}

/** The text of a node, as a reader sees it. */
export function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
