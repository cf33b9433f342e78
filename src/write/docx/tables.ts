import { AlignmentType, BorderStyle, Bookmark, Paragraph, SimpleField, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import type { RowModel, TableModel } from '../../model/tables.js';
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

/**
 * A declared table: its caption `Tabell N` above it, the header row repeated
 * on every page the table runs onto, number columns right-aligned in the
 * page's formats (`13 605 000`, `23,3 %`), extra rows before the data, and
 * the foot's sum rows bold under a rule. Rows do not break across pages.
 */
export function declaredTable(table: TableModel, number: number): FileChild[] {
  const shown = table.columns.filter((c) => c.shown);
  const texts = (row: RowModel): string[] => table.columns.flatMap((c, i) => (c.shown ? [cellText(row.cells[i], c) ?? ''] : []));
  const all = [...table.first, ...table.rows, ...table.last];
  const widths = columnWidths([shown.map((c) => c.header ?? ''), ...all.map(texts)], shown.map((c) => c.numeric));
  const cell = (text: string, c: number, format: { bold: boolean; top?: boolean; header?: boolean }): TableCell => {
    const column = shown[c];
    const numeric = column?.numeric ?? false;
    return new TableCell({
      width: { size: widths[c] ?? 0, type: WidthType.DXA },
      borders: { top: format.top ? HEAVY : NONE, left: NONE, right: NONE, bottom: format.header ? HEAVY : RULE },
      margins: { top: mm(1.2), bottom: mm(1.2), left: numeric ? mm(4) : 0, right: mm(2) },
      children: [new Paragraph({ style: STYLE.tableText, alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: text ? [textRun(text, { bold: format.bold })] : [] })],
    });
  };
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: shown.map((c, i) => cell(c.header ?? '', i, { bold: true, header: true })) });
  const body = [...table.first, ...table.rows].map((row) => new TableRow({ cantSplit: true, children: texts(row).map((t, i) => cell(t, i, { bold: row.sum })) }));
  const foot = table.last.map((row) => new TableRow({ cantSplit: true, children: texts(row).map((t, i) => cell(t, i, { bold: row.sum, top: row.sum })) }));
  return [
    captionParagraph('Tabell', number, table.caption, { keepNext: true }),
    new Table({ style: STYLE.table, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...body, ...foot] }),
    // Space after the table, as the PDF's margin under it.
    new Paragraph({ spacing: { before: 0, after: mm(2) }, children: [] }),
  ];
}
