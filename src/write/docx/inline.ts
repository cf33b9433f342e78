import { ExternalHyperlink, FootnoteReferenceRun, ImageRun, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { FootnoteDefinition, PhrasingContent } from 'mdast';
import { LANGUAGE } from './styles.js';

/** An image ready for Word: PNG (or JPEG) bytes, an SVG's own bytes beside its PNG, and its size on the page in pixels. */
export interface WordImage {
  type: 'png' | 'jpg';
  data: Uint8Array;
  svg: Uint8Array | undefined;
  width: number;
  height: number;
}

/** What the inline and block writers share while they walk the report. */
export interface WriteContext {
  /** The footnote definitions by label (labels are unique across the report). */
  definitions: Map<string, FootnoteDefinition>;
  /** The Word footnote of each label referred to so far, numbered 1…N in order of first reference. */
  footnotes: Map<string, number>;
  /** Each footnote's paragraphs, written when it is first referred to. */
  footnoteBodies: Record<string, { children: import('docx').Paragraph[] }>;
  /** Writes a footnote's body (set by the block writer). */
  writeFootnote: (definition: FootnoteDefinition) => import('docx').Paragraph[];
  /** The images of the text, by the path the author wrote. */
  images: Map<string, WordImage>;
  /** The bookmarks in the document (`bilaga_2`, `tabell_1`): in-page links to them become Word links. */
  anchors: Set<string>;
  /** Ordered lists written so far (each restarts its numbering). */
  lists: number;
}

/** How a run is set. */
interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  link?: boolean;
  code?: boolean;
}

/** A bookmark's name in Word from an in-page anchor (`bilaga-2` → `bilaga_2`): Word's names have no hyphens. */
export function bookmarkName(anchor: string): string {
  return anchor.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z])/, 'b$1').slice(0, 40);
}

/** A text run in Swedish. */
export function textRun(text: string, format: RunFormat & { size?: number; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    language: LANGUAGE,
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.link ? { style: 'Hyperlink' } : {}),
    ...(format.code ? { font: 'Courier New' } : {}),
    ...(format.size ? { size: format.size } : {}),
    ...(format.color ? { color: format.color } : {}),
  });
}

/** An image run with its text alternative (Word's alt text, `wp:docPr/@descr`). */
export function imageRun(image: WordImage, description: string, title: string): ImageRun {
  const altText = { name: title.slice(0, 200), description, title };
  const transformation = { width: image.width, height: image.height };
  if (image.svg) return new ImageRun({ type: 'svg', data: image.svg, fallback: { type: 'png', data: image.data }, transformation, altText });
  return new ImageRun({ type: image.type, data: image.data, transformation, altText });
}

/** The Markdown's inline content as Word runs: emphasis, links, footnote references, code, breaks and images. */
export function inlineRuns(nodes: readonly PhrasingContent[], context: WriteContext, format: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(textRun(node.value.replace(/\s*\n\s*/g, ' '), format));
        break;
      case 'emphasis':
        out.push(...inlineRuns(node.children, context, { ...format, italics: true }));
        break;
      case 'strong':
        out.push(...inlineRuns(node.children, context, { ...format, bold: true }));
        break;
      case 'delete':
        out.push(...inlineRuns(node.children, context, { ...format, strike: true }));
        break;
      case 'inlineCode':
        out.push(textRun(node.value, { ...format, code: true }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link': {
        const url = node.url;
        if (url.startsWith('#') && context.anchors.has(bookmarkName(url.slice(1)))) {
          out.push(new InternalHyperlink({ anchor: bookmarkName(url.slice(1)), children: inlineRuns(node.children, context, { ...format, link: true }) as TextRun[] }));
        } else if (/^(https?:|mailto:)/i.test(url)) {
          out.push(new ExternalHyperlink({ link: url, children: inlineRuns(node.children, context, { ...format, link: true }) }));
        } else out.push(...inlineRuns(node.children, context, format));
        break;
      }
      case 'footnoteReference': {
        const known = context.footnotes.get(node.identifier);
        if (known !== undefined) {
          // Word gives every reference a note of its own: a second reference to the same note shows its number.
          out.push(new TextRun({ text: String(known), style: 'FootnoteReference', language: LANGUAGE }));
          break;
        }
        const definition = context.definitions.get(node.identifier);
        if (!definition) break;
        const id = context.footnotes.size + 1;
        context.footnotes.set(node.identifier, id);
        context.footnoteBodies[String(id)] = { children: context.writeFootnote(definition) };
        out.push(new FootnoteReferenceRun(id));
        break;
      }
      case 'image': {
        const image = context.images.get(node.url);
        if (image) out.push(imageRun(image, node.alt ?? '', node.title ?? node.alt ?? ''));
        break;
      }
      case 'linkReference':
      case 'imageReference':
        if ('children' in node) out.push(...inlineRuns(node.children, context, format));
        break;
      default:
        // Raw HTML never reaches the report (the page's sanitiser drops it too).
        break;
    }
  }
  return out;
}
