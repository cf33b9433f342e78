import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild, type ParagraphChild } from 'docx';
import type { BlockContent, DefinitionContent, FootnoteDefinition, List, RootContent, Table as MdTable } from 'mdast';
import { PLACE_MARK } from '../../expand/expand-env.js';
import { inlineRuns, textRun, type WriteContext } from './inline.js';
import { STYLE, TEXT_WIDTH } from './styles.js';
import { columnWidths } from './tables.js';

/** What a block is written in: its heading levels shifted, list depth, and a style for its plain paragraphs. */
interface BlockOptions {
  /** Added to a Markdown heading's depth (a chapter's `#` is Heading 1; an appendix body's `##` is Heading 2, under the appendix's title). */
  headingShift: number;
  /** The style of plain paragraphs (Normal when undefined). */
  paragraphStyle?: string;
}

/** Draws what a chapter places (`{{> key}}`): the table or figure with its caption. */
export type PlaceDrawer = (key: string) => FileChild[] | undefined;

/** The plain text of inline content (for marker paragraphs). */
function plainText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

/**
 * Writes Markdown blocks as Word paragraphs and tables: headings in Word's
 * heading styles, paragraphs, lists in List Bullet / List Number, quotes,
 * code, rules, GFM tables, and the declared tables and figures where the
 * text places them.
 */
export function writeBlocks(nodes: readonly RootContent[], context: WriteContext, place: PlaceDrawer, options: BlockOptions): FileChild[] {
  const out: FileChild[] = [];
  for (const node of nodes) out.push(...writeBlock(node, context, place, options));
  return out;
}

function writeBlock(node: RootContent, context: WriteContext, place: PlaceDrawer, options: BlockOptions): FileChild[] {
  switch (node.type) {
    case 'heading':
      return [new Paragraph({ style: STYLE.heading(node.depth + options.headingShift), children: inlineRuns(node.children, context) })];
    case 'paragraph': {
      const key = PLACE_MARK.exec(plainText(node))?.[1];
      if (key !== undefined) return place(key) ?? [];
      return [new Paragraph({ ...(options.paragraphStyle ? { style: options.paragraphStyle } : {}), children: inlineRuns(node.children, context) })];
    }
    case 'list':
      return writeList(node, context, place, options, 0);
    case 'blockquote':
      return writeBlocks(node.children, context, place, { ...options, paragraphStyle: STYLE.quote });
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ style: STYLE.code, children: [textRun(line)] }));
    case 'thematicBreak':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
    case 'table':
      return [markdownTable(node, context)];
    default:
      // Footnote definitions are written where they are referred to; definitions and raw HTML are not shown.
      return [];
  }
}

/** A Markdown list: each item's first paragraph numbered or bulleted at its depth, further paragraphs continuing it. */
function writeList(list: List, context: WriteContext, place: PlaceDrawer, options: BlockOptions, level: number): FileChild[] {
  const out: FileChild[] = [];
  const ordered = list.ordered === true;
  const instance = ordered ? ++context.lists : 0;
  const numbering = { reference: ordered ? 'nummer' : 'punkter', level: Math.min(level, 4), ...(ordered ? { instance } : {}) };
  const style = ordered ? STYLE.listNumber(level) : STYLE.listBullet(level);
  for (const item of list.children) {
    let first = true;
    for (const child of item.children as (BlockContent | DefinitionContent)[]) {
      if (child.type === 'list') {
        out.push(...writeList(child, context, place, options, level + 1));
        continue;
      }
      if (child.type === 'paragraph') {
        const children: ParagraphChild[] = inlineRuns(child.children, context);
        out.push(first ? new Paragraph({ style, numbering, children }) : new Paragraph({ style: STYLE.listContinue(level), children }));
        first = false;
        continue;
      }
      out.push(...writeBlock(child, context, place, { ...options, paragraphStyle: STYLE.listContinue(level) }));
      first = false;
    }
  }
  return out;
}

/** A footnote's body: its paragraphs in Word's footnote text style. */
export function footnoteParagraphs(definition: FootnoteDefinition, context: WriteContext): Paragraph[] {
  const [first, ...rest] = definition.children;
  // A space between the note's number and its text, as in the PDF.
  const lead = first?.type === 'paragraph' ? [{ ...first, children: [{ type: 'text' as const, value: ' ' }, ...first.children] }] : first ? [first] : [];
  return writeBlocks([...lead, ...rest], context, () => undefined, { headingShift: 0, paragraphStyle: 'FootnoteText' }).filter((c): c is Paragraph => c instanceof Paragraph);
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;
const HEAVY = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/** A table written in the Markdown (GFM): its first row the header, repeated on each page, each column aligned as written. */
function markdownTable(table: MdTable, context: WriteContext): Table {
  const texts = table.children.map((row) => row.children.map((cell) => plainText(cell as RootContent)));
  const widths = columnWidths(texts, table.align?.map((a) => a === 'right') ?? []);
  const rows = table.children.map((row, r) => {
    const header = r === 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: row.children.map((cell, c) => {
        const align = table.align?.[c];
        return new TableCell({
          width: { size: widths[c] ?? 0, type: WidthType.DXA },
          borders: { top: NONE, left: NONE, right: NONE, bottom: header ? HEAVY : RULE },
          children: [new Paragraph({ style: STYLE.tableText, alignment: align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, children: inlineRuns(cell.children, context, header ? { bold: true } : {}) })],
        });
      }),
    });
  });
  return new Table({ style: STYLE.table, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows });
}
