import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type FileChild } from 'docx';
import type { Rapport } from '../../model/report-model.js';
import { layoutFacts } from '../../expand/layout-templates.js';
import { imageRun, textRun, type WordImage } from './inline.js';
import { AGENCY_BLUE, LANGUAGE, mm, STYLE, TEXT_WIDTH } from './styles.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
/** The registry column's width: the PDF's right-hand column of the letterhead. */
const REGISTRY_WIDTH = mm(62);

/**
 * The letterhead of the first page, as in the PDF: the agency's logo (or its
 * name in its blue) on the left; Datum, Dnr and Ert dnr on the right, with
 * the addressee under them. A table without borders holds the two columns.
 */
export function letterhead(rapport: Rapport, logo: WordImage | undefined): FileChild[] {
  const registry = [
    ['Datum:', rapport.datum],
    ['Dnr:', rapport.dnr],
    ...(rapport.ertDnr ? [['Ert dnr:', rapport.ertDnr]] : []),
  ] as [string, string][];
  const right = [
    ...registry.map(([label, value]) => new Paragraph({ style: STYLE.letterhead, children: [textRun(label, { bold: true }), textRun(` ${value}`)] })),
    ...rapport.mottagare.map((line, i) => new Paragraph({ style: STYLE.letterhead, spacing: { before: i === 0 ? mm(8) : 0 }, children: [textRun(line, { size: 21 })] })),
  ];
  const agency = logo
    ? new Paragraph({ style: STYLE.letterhead, children: [imageRun(logo, rapport.myndighet, rapport.myndighet)] })
    : new Paragraph({ style: STYLE.letterhead, children: [new TextRun({ text: rapport.myndighet, bold: true, size: 40, color: AGENCY_BLUE, characterSpacing: 16, language: LANGUAGE })] });
  const cell = (children: Paragraph[], width: number): TableCell => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, margins: { top: 0, bottom: 0, left: 0, right: 0 }, verticalAlign: VerticalAlignTable.TOP, children });
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH - REGISTRY_WIDTH, REGISTRY_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [cell([agency], TEXT_WIDTH - REGISTRY_WIDTH), cell(right, REGISTRY_WIDTH)] })],
    }),
    new Paragraph({ spacing: { before: 0, after: mm(14) - mm(3) }, children: [] }),
  ];
}

/**
 * The closing decision, as in the PDF: who decided, who presented and who
 * took part, then the two names for the signatures, the second set off to
 * the right; kept on one page.
 */
export function decisionBlock(rapport: Rapport): FileChild[] {
  if (!rapport.beslut) return [];
  const facts = layoutFacts(rapport, undefined).beslut;
  const { beslutsfattare, foredragande } = rapport.beslut;
  const sentence = `Beslut i detta ärende har fattats av ${facts.beslutsfattareText}. Föredragande har varit ${facts.foredragandeText}.${facts.deltagareText ? ` I den slutliga handläggningen har även ${facts.deltagareText} deltagit.` : ''}`;
  return [
    new Paragraph({ spacing: { before: mm(10) }, keepNext: true, keepLines: true, children: [textRun(sentence)] }),
    new Paragraph({ spacing: { before: mm(14) - mm(3), after: 0 }, keepNext: true, children: [textRun(beslutsfattare.namn)] }),
    new Paragraph({ spacing: { before: mm(2) }, indent: { left: Math.round(TEXT_WIDTH * 0.45) }, children: [textRun(foredragande.namn)] }),
  ];
}
