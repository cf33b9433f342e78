import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from '../diagnostics/diagnostic.js';
import type { CheckContext } from '../check/check-context.js';
import { allTexts } from '../check/check-context.js';
import type { ParsedChapter } from '../markdown/parse-markdown.js';
import { locate } from '../model/located.js';
import type { ParsedYaml } from '../parse/yaml.js';

/**
 * A stretch of the report's text the language checks read: a paragraph, a
 * heading, a list item, a table cell, or a title or caption in the data.
 */
export interface Segment {
  file: string;
  text: string;
  /** The author's point for a stretch of the text (`length` helps find it where the text was escaped). */
  at(offset: number, length?: number): Point | undefined;
  /** prose: running text in sentences; label: a heading, caption or cell. */
  kind: 'prose' | 'label';
  /** In a list item (an item need not end with a full stop). */
  listItem: boolean;
  /** In a footnote (a reference, not running text: no LIX, no full stop needed). */
  note: boolean;
  /** The chapter it belongs to, for LIX (chapters only, not appendices or data). */
  chapter: string | undefined;
}

/** One piece of a segment's text and where it came from in the source. */
interface Piece {
  start: number;
  text: string;
  /** Offset in the source of the node's text; exact when the source has it as it is. */
  source: number;
  /** Offset in the source where the node ends. */
  end: number;
  exact: boolean;
  /** Where the node starts in the expanded text (before helpers were replaced by their output's place). */
  expanded: number | undefined;
}

/** The plain text of a block of Markdown, with the pieces that map it back to the source. */
function inlineText(node: Nodes, source: string, pieces: Piece[], parts: string[]): void {
  const length = (): number => parts.reduce((n, p) => n + p.length, 0);
  if (node.type === 'text') {
    const from = node.position?.start.offset ?? 0;
    const to = node.position?.end.offset ?? from;
    // A table's or figure's place (`{{> key}}`) is no text: its key is blanked out.
    const value = node.value.replace(/\uE010[^\uE011]*\uE011/g, (m) => ' '.repeat(m.length));
    const expanded = (node.data as { expandedStart?: number } | undefined)?.expandedStart;
    pieces.push({ start: length(), text: value, source: from, end: to, exact: source.slice(from, to) === node.value, expanded });
    parts.push(value);
    return;
  }
  if (node.type === 'inlineCode' || node.type === 'break') {
    parts.push(' ');
    return;
  }
  if (node.type === 'footnoteReference' || node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return;
  if ('children' in node) for (const child of node.children as Nodes[]) inlineText(child, source, pieces, parts);
}

/** A segment from a block of a chapter or appendix body. */
function blockSegment(block: Nodes, chapter: ParsedChapter, kind: Segment['kind'], listItem: boolean, title: string | undefined, note = false): Segment | undefined {
  const { file, index } = chapter.expanded;
  const pieces: Piece[] = [];
  const parts: string[] = [];
  inlineText(block, file.text, pieces, parts);
  const text = parts.join('');
  if (!text.trim()) return undefined;
  const fallback = block.position?.start;
  return {
    file: file.path,
    text,
    kind,
    listItem,
    note,
    chapter: title,
    at(offset, length) {
      let piece: Piece | undefined;
      for (const p of pieces) if (p.start <= offset) piece = p;
      if (!piece) return fallback;
      if (piece.exact) return index.point(piece.source + (offset - piece.start));
      // Text with a helper's output in it: back through the expansion (a word of the output is at its helper).
      if (piece.expanded !== undefined && chapter.expanded.markdown.slice(piece.expanded, piece.expanded + piece.text.length) === piece.text) return chapter.expanded.toSource(piece.expanded + (offset - piece.start));
      // Escaped text: find the word itself in the source near the node.
      const word = length ? text.slice(offset, offset + length) : '';
      const found = word ? file.text.indexOf(word, piece.source) : -1;
      return index.point(found >= 0 && found <= Math.max(piece.end, piece.source + 2000) ? found : piece.source);
    },
  };
}

/** Every paragraph, heading, list item and table cell of a Markdown text. */
function markdownSegments(chapter: ParsedChapter, isChapter: boolean): Segment[] {
  const segments: Segment[] = [];
  const root = chapter.tree as Root;
  const heading = root.children.find((c) => c.type === 'heading' && c.depth === 1);
  const title = isChapter && heading ? blockSegment(heading, chapter, 'label', false, undefined)?.text.trim() : undefined;
  const walk = (nodes: readonly RootContent[], listItem: boolean, note: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph') {
        const s = blockSegment(node, chapter, 'prose', listItem, title, note);
        if (s) segments.push(s);
      } else if (node.type === 'heading') {
        const s = blockSegment(node, chapter, 'label', false, title);
        if (s) segments.push(s);
      } else if (node.type === 'table') {
        for (const row of node.children) for (const cell of row.children) {
          const s = blockSegment(cell, chapter, 'label', false, title);
          if (s) segments.push(s);
        }
      } else if (node.type === 'list') {
        for (const item of node.children) walk(item.children, true, note);
      } else if (node.type === 'blockquote' || node.type === 'footnoteDefinition') {
        walk(node.children, listItem, note || node.type === 'footnoteDefinition');
      }
    }
  };
  walk(root.children, false, false);
  return segments;
}

/** A string of a data file as a segment, located at its value. */
function dataSegment(parsed: ParsedYaml, path: PropertyKey[], text: string, kind: Segment['kind']): Segment {
  const where = locate(parsed, path, text);
  return { file: where.file, text, kind, listItem: false, note: false, chapter: undefined, at: (offset) => where.at(offset) };
}

/** The paths of the data whose text the report shows as written: titles, captions, column headers, row labels. */
export function checkedDataTexts(files: ReadonlyMap<string, ParsedYaml>): { parsed: ParsedYaml; path: PropertyKey[]; text: string; kind: Segment['kind'] }[] {
  const out: { parsed: ParsedYaml; path: PropertyKey[]; text: string; kind: Segment['kind'] }[] = [];
  const add = (parsed: ParsedYaml | undefined, path: PropertyKey[], value: unknown, kind: Segment['kind']): void => {
    if (parsed && typeof value === 'string' && value.trim()) out.push({ parsed, path, text: value, kind });
  };
  const rapport = files.get('rapport');
  const r = rapport?.value as Record<string, unknown> | undefined;
  add(rapport, ['titel'], r?.['titel'], 'label');
  add(rapport, ['kortTitel'], r?.['kortTitel'], 'label');
  add(rapport, ['beskrivning'], r?.['beskrivning'], 'prose');
  const bilagor = files.get('bilagor');
  if (Array.isArray(bilagor?.value)) (bilagor.value as Record<string, unknown>[]).forEach((b, i) => add(bilagor, [i, 'titel'], b?.['titel'], 'label'));
  const tabeller = files.get('tabeller');
  for (const [key, t] of Object.entries((tabeller?.value ?? {}) as Record<string, Record<string, unknown>>)) {
    add(tabeller, [key, 'rubrik'], t?.['rubrik'], 'label');
    add(tabeller, [key, 'beskrivning'], t?.['beskrivning'], 'prose');
    for (const [column, c] of Object.entries((t?.['kolumner'] ?? {}) as Record<string, Record<string, unknown>>)) add(tabeller, [key, 'kolumner', column, 'rubrik'], c?.['rubrik'], 'label');
    for (const part of ['forst', 'sist'] as const) {
      const rows = t?.[part];
      if (Array.isArray(rows)) rows.forEach((row: Record<string, unknown>, i) => add(tabeller, [key, part, i, 'rubrik'], row?.['rubrik'], 'label'));
    }
  }
  const figurer = files.get('figurer');
  for (const [key, f] of Object.entries((figurer?.value ?? {}) as Record<string, Record<string, unknown>>)) {
    add(figurer, [key, 'rubrik'], f?.['rubrik'], 'label');
    // The description's {{…}} become figures from the data: blanked, so only the author's words are read.
    const description = f?.['beskrivning'];
    if (typeof description === 'string') add(figurer, [key, 'beskrivning'], description.replace(/\{\{[^}]*\}\}/g, (m) => ' '.repeat(m.length)), 'prose');
  }
  return out;
}

/** Everything the language checks read: the chapters, the appendix bodies, and the data's titles and captions. */
export function segmentsOf(context: CheckContext): Segment[] {
  const chapters = new Set(context.chapters);
  const segments = allTexts(context).flatMap((text) => markdownSegments(text, chapters.has(text)));
  for (const { parsed, path, text, kind } of checkedDataTexts(context.data.files)) segments.push(dataSegment(parsed, path, text, kind));
  return segments;
}
