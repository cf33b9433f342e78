import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

/** The report's font, embedded in the document, and named with a fallback in its font table. */
export const FONT = 'Source Sans 3';
/** The font Word takes where the embedded one cannot be used (`w:altName`). */
export const FALLBACK_FONT = 'Arial';
/** The document's language, on every run (Word's spelling and hyphenation follow it). */
export const LANGUAGE = { value: 'sv-SE' } as const;
/** The agency's blue of the letterhead, as in the PDF. */
export const AGENCY_BLUE = '0B4F8A';

/**
 * Line spacing as Word's multiples of the font's own line (240 = single):
 * Source Sans 3's own line is 1.42 of its size, so single spacing is the
 * PDF's `line-height: 1.4`; its tables and footnotes have 1.3, its title 1.2.
 */
const LINE = { text: 240, small: 220, title: 205 } as const;

/** Points to Word's half-points. */
const pt = (points: number): number => Math.round(points * 2);
/** Millimetres to twips (a twentieth of a point). */
export const mm = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);

/** A4 and the PDF's margins (`@page { margin: 24mm 22mm 22mm 25mm }`). */
export const PAGE = { width: mm(210), height: mm(297), top: mm(24), right: mm(22), bottom: mm(22), left: mm(25) };
/** The text column's width in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** The style ids the writer uses, by what they are for: Word's built-in styles where Word has one. */
export const STYLE = {
  title: 'Title',
  heading: (level: number) => `Heading${Math.min(6, Math.max(1, level))}`,
  caption: 'Caption',
  listBullet: (level: number) => (level === 0 ? 'ListBullet' : `ListBullet${Math.min(5, level + 1)}`),
  listNumber: (level: number) => (level === 0 ? 'ListNumber' : `ListNumber${Math.min(5, level + 1)}`),
  listContinue: (level: number) => (level === 0 ? 'ListContinue' : `ListContinue${Math.min(5, level + 1)}`),
  quote: 'Quote',
  code: 'HTMLPreformatted',
  table: 'Rapporttabell',
  tableText: 'Tabelltext',
  letterhead: 'Brevhuvud',
  toc: 'TOCHeading',
} as const;

const LIST_INDENT = mm(7);
const HANGING = mm(5);
const LIST_LEVELS = 5;

/** Word's built-in heading styles at the PDF's sizes (h2 13.5 pt, h3 11.5 pt), bold, kept with the next paragraph. */
function headingStyles(): IStylesOptions['paragraphStyles'] {
  const sizes = [13.5, 11.5, 11, 11, 11, 11];
  const before = [8, 5, 4, 4, 4, 4];
  const after = [2.5, 2, 1.5, 1.5, 1.5, 1.5];
  return sizes.map((size, i) => ({
    id: STYLE.heading(i + 1),
    name: `heading ${i + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: pt(size), bold: true, color: '000000', italics: i >= 3 ? i === 3 : false },
    paragraph: { spacing: { before: mm(before[i] ?? 4), after: mm(after[i] ?? 1.5), line: 240, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true, outlineLevel: i },
  }));
}

/** List Bullet, List Number and List Continue, at five levels, each with its numbering. */
function listStyles(): IParagraphStyleOptions[] {
  const styles: IParagraphStyleOptions[] = [];
  for (let level = 0; level < LIST_LEVELS; level++) {
    const suffix = level === 0 ? '' : ` ${level + 1}`;
    const indent = { left: LIST_INDENT * (level + 1), hanging: HANGING };
    const spacing = { after: mm(1) };
    styles.push(
      { id: STYLE.listBullet(level), name: `List Bullet${suffix}`, basedOn: 'Normal', quickFormat: level === 0, paragraph: { indent, spacing } },
      { id: STYLE.listNumber(level), name: `List Number${suffix}`, basedOn: 'Normal', quickFormat: level === 0, paragraph: { indent, spacing } },
      { id: STYLE.listContinue(level), name: `List Continue${suffix}`, basedOn: 'Normal', paragraph: { indent: { left: LIST_INDENT * (level + 1) }, spacing } },
    );
  }
  return styles;
}

/**
 * The report's table style, as `styles.xml` takes it (the docx library
 * writes paragraph and character styles only): rules between the rows as in
 * the PDF, a heavier one under the header row. Word's style gallery shows it
 * by name; each cell also carries its rules itself, for word processors that
 * read table styles only in part.
 */
export function tableStyleXml(): string {
  const border = (name: string, size: number, color: string): string => `<w:${name} w:val="single" w:sz="${size}" w:space="0" w:color="${color}"/>`;
  return (
    `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="${STYLE.table}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="${pt(9.5)}"/><w:szCs w:val="${pt(9.5)}"/></w:rPr>` +
    `<w:tblPr><w:tblBorders>${border('bottom', 4, '999999')}${border('insideH', 4, '999999')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="${mm(1.2)}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="${mm(1.2)}" w:type="dxa"/><w:right w:w="${mm(2)}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>${border('bottom', 8, '000000')}</w:tcBorders></w:tcPr></w:tblStylePr></w:style>`
  );
}

/**
 * The document's styles: Normal in the report's font at 11 pt with the
 * PDF's spacing, Title, Heading 1–6, Caption, the list styles, Quote, the
 * footnote styles, the letterhead's and the tables' text, and the table style.
 */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: pt(11), language: LANGUAGE }, paragraph: { spacing: { after: mm(3), line: LINE.text, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: FONT, size: pt(17), bold: true, color: '000000' }, paragraph: { spacing: { after: mm(8), line: LINE.title, lineRule: LineRuleType.AUTO }, keepNext: true } },
      footnoteText: { run: { font: FONT, size: pt(8.5) }, paragraph: { spacing: { after: 0, line: LINE.small, lineRule: LineRuleType.AUTO } } },
      caption: { run: { font: FONT, size: pt(10), bold: true, italics: false, color: '000000' }, paragraph: { spacing: { before: mm(2), after: mm(2) } } },
      hyperlink: { run: { color: AGENCY_BLUE, underline: {} } },
    },
    paragraphStyles: [
      ...(headingStyles() ?? []),
      ...listStyles(),
      { id: STYLE.quote, name: 'Quote', basedOn: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: mm(7) } } },
      { id: STYLE.code, name: 'HTML Preformatted', basedOn: 'Normal', run: { font: 'Courier New', size: pt(9.5) }, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.tableText, name: 'Tabelltext', basedOn: 'Normal', run: { size: pt(9.5) }, paragraph: { spacing: { before: 0, after: 0, line: LINE.small, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.letterhead, name: 'Brevhuvud', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      ...[1, 2, 3].map((level) => ({ id: `TOC${level}`, name: `toc ${level}`, basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: mm(1) }, indent: { left: mm(5) * (level - 1) } } })),
      { id: STYLE.toc, name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: pt(13.5), bold: true }, paragraph: { spacing: { before: mm(4), after: mm(2.5) }, keepNext: true } },
    ],
  };
}

/** The numbering of the list styles: bullets, and numbers that each list restarts (`instance`). */
export function documentNumbering(): INumberingOptions {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string, style: (level: number) => string) =>
    Array.from({ length: LIST_LEVELS }, (_, level) => ({
      level,
      format,
      text: text(level),
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: HANGING } }, style: style(level) },
    }));
  return {
    config: [
      { reference: 'punkter', levels: levels(LevelFormat.BULLET, (level) => ['•', '–', '•', '–', '•'][level] ?? '•', STYLE.listBullet) },
      { reference: 'nummer', levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`, STYLE.listNumber) },
    ],
  };
}
