import { AlignmentType, BorderStyle, Bookmark, Paragraph, SimpleField, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import type { Element } from 'hast';
import { cellFormat } from '../../model/cell-formats.js';
import { formatOf, type RowModel, type TableModel } from '../../model/tables.js';
import { textOf } from '../../render/markdown-to-hast.js';
import { cellText } from '../../render/tables.js';
import { bookmarkName, textRun } from './inline.js';
import { mm, STYLE, TEXT_WIDTH } from './styles.js';

/** Past this many characters a text column wraps rather than widening further. */
const WRAP_AT = 48;
/** A character's width at the tables' 9.5 pt, in twips, generous enough for a wider fallback font. */
const CHAR = 0.64 * 9.5 * 20;

/**
 * Column widths (twips) that share the text column as the PDF's automatic
 * table layout does: a number column as wide as its longest value (or the
 * longest word of its header) and its padding, so numbers never wrap; the
 * text columns share the rest in proportion to their longest text (a long
 * text wraps), never narrower than their longest word.
 */
export function columnWidths(rows: readonly (readonly string[])[], numeric: readonly boolean[]): number[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  if (count === 0) return [];
  const longest = (c: number): number => Math.max(1, ...rows.slice(1).map((r) => (r[c] ?? '').length));
  const longestWord = (c: number): number => Math.max(1, ...rows.flatMap((r) => (r[c] ?? '').split(/[\s-]+/).map((w) => w.length)));
  const fixed = Array.from({ length: count }, (_, c) => (numeric[c] ? Math.ceil(Math.max(longest(c), longestWord(c)) * CHAR + mm(6)) : Math.ceil(longestWord(c) * CHAR + mm(2))));
  const weights = Array.from({ length: count }, (_, c) => (numeric[c] ? 0 : Math.min(Math.max(longest(c), (rows[0]?.[c] ?? '').length), WRAP_AT)));
  const total = weights.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0));
  const widths = fixed.map((w, c) => w + (total ? Math.floor((spare * (weights[c] ?? 0)) / total) : Math.floor(spare / count)));
  // Rounding (or columns that need more than the page has) is settled on the widest column.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;
const HEAVY = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/** A numbered caption, `Tabell 3 Caption` or `Figur 2. Caption`, its number a SEQ field (so Word's list of tables finds it) and a bookmark for the text's links. */
export function captionParagraph(label: 'Tabell' | 'Figur', number: number, caption: string, options: { keepNext: boolean }): Paragraph {
  const anchor = bookmarkName(`${label.toLowerCase()}-${number}`);
  return new Paragraph({
    style: STYLE.caption,
    keepNext: options.keepNext,
    children: [new Bookmark({ id: anchor, children: [textRun(`${label} `), new SimpleField(`SEQ ${label} \\* ARABIC`, String(number))] }), textRun(`${label === 'Figur' ? '.' : ''} ${caption}`)],
  });
}

/** A cell of a table to write: its text, alignment and weight, and the rule over it. */
interface CellSpec {
  text: string;
  numeric: boolean;
  bold: boolean;
  top: boolean;
}

/** The rows of a table as Word's: the header rows repeated on each page, rows kept whole, number cells right-aligned. */
function wordTable(header: CellSpec[][], body: CellSpec[][]): Table {
  const widths = columnWidths([...header, ...body].map((r) => r.map((c) => c.text)), (body[0] ?? header[0] ?? []).map((c) => c.numeric));
  const cell = (spec: CellSpec, c: number, isHeader: boolean): TableCell =>
    new TableCell({
      width: { size: widths[c] ?? 0, type: WidthType.DXA },
      borders: { top: spec.top ? HEAVY : NONE, left: NONE, right: NONE, bottom: isHeader ? HEAVY : RULE },
      margins: { top: mm(1.2), bottom: mm(1.2), left: spec.numeric ? mm(4) : 0, right: mm(2) },
      children: [new Paragraph({ style: STYLE.tableText, alignment: spec.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: spec.text ? [textRun(spec.text, { bold: spec.bold })] : [] })],
    });
  const rows = [...header.map((r) => new TableRow({ tableHeader: true, cantSplit: true, children: r.map((spec, c) => cell(spec, c, true)) })), ...body.map((r) => new TableRow({ cantSplit: true, children: r.map((spec, c) => cell(spec, c, false)) }))];
  return new Table({ style: STYLE.table, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows });
}

/**
 * A table the report's own partial (`mall`) draws, from the HTML it
 * renders (its `thead` rows are the header, its `num` cells numbers, its
 * `tfoot` rows of class `sum` bold).
 */
export function drawnTable(table: Element, number: number, caption: string): FileChild[] {
  const rows: { cells: CellSpec[]; header: boolean }[] = [];
  const walk = (node: Element, group: string): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') {
        const sum = String(child.properties['className'] ?? '').split(' ').includes('sum') || (Array.isArray(child.properties['className']) && child.properties['className'].includes('sum'));
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        rows.push({ header: group === 'thead', cells: cells.map((c) => ({ text: textOf(c).trim(), numeric: ([] as unknown[]).concat(c.properties['className'] ?? []).includes('num'), bold: group === 'thead' || sum, top: sum })) });
      } else if (child.tagName !== 'caption') walk(child, ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.tagName : group);
    }
  };
  walk(table, 'tbody');
  const header = rows.filter((r) => r.header).map((r) => r.cells);
  const body = rows.filter((r) => !r.header).map((r) => r.cells);
  return [captionParagraph('Tabell', number, caption, { keepNext: true }), ...(rows.length ? [wordTable(header, body)] : []), new Paragraph({ spacing: { before: 0, after: mm(2) }, children: [] })];
}

/**
 * A declared table: its caption `Tabell N` above it, the header row repeated
 * on every page the table runs onto, number columns right-aligned in the
 * page's formats (`13 605 000`, `23,3 %`; a row's own where the column takes
 * it from the row), extra rows before the data, and
 * the foot's sum rows bold under a rule. Rows do not break across pages.
 */
export function declaredTable(table: TableModel, number: number): FileChild[] {
  const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.shown);
  const row = (r: RowModel, foot: boolean): CellSpec[] =>
    shown.map(({ c, i }) => {
      const format = formatOf(r, i, c);
      return { text: cellText(r.cells[i], c, format) ?? '', numeric: c.numeric || cellFormat(format).numeric, bold: r.sum, top: foot && r.sum };
    });
  const header = [shown.map(({ c }) => ({ text: c.header ?? '', numeric: c.numeric, bold: true, top: false }))];
  const body = [...[...table.first, ...table.rows].map((r) => row(r, false)), ...table.last.map((r) => row(r, true))];
  return [
    captionParagraph('Tabell', number, table.caption, { keepNext: true }),
    wordTable(header, body),
    // Space after the table, as the PDF's margin under it.
    new Paragraph({ spacing: { before: 0, after: mm(2) }, children: [] }),
  ];
}
