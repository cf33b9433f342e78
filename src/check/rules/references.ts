import type { Diagnostics, Point } from '../../diagnostics/diagnostic.js';
import { placedOf, type PlacedKind } from '../../expand/placements.js';
import type { CheckContext, CheckRule } from '../check-context.js';

/** A literal or helper mention of a numbered thing (appendix, table or figure) in a chapter. */
interface Mention {
  number: number;
  file: string;
  point: Point;
}

/**
 * Numbers named after a word such as `bilaga`: `bilaga 3`, `bilagorna 2 och 3`,
 * `bilaga 1–6`, `Bilagor 1, 2 samt 4`, in any case; and the mentions the
 * helpers recorded (`{{bilaga "key"}}`, `{{tabell "key"}}`, `{{figur "key"}}`).
 */
function mentionsOf(context: CheckContext, word: RegExp, kind: 'bilaga' | 'tabell' | 'figur'): Mention[] {
  const mentions: Mention[] = [];
  const list = String.raw`(\d+)((?:\s*(?:[–-]|,|och|samt|eller)\s*\d+)*)`;
  const pattern = new RegExp(String.raw`(?<![\p{L}\d])(?:${word.source})\s+${list}(?![\p{L}\d])`, 'giu');
  for (const chapter of context.chapters) {
    const { literalText, index, file } = chapter.expanded;
    for (const match of literalText.matchAll(pattern)) {
      const point = index.point(match.index);
      const first = Number(match[1]);
      const numbers = [first];
      let previous = first;
      for (const part of (match[2] ?? '').matchAll(/\s*([–-]|,|och|samt|eller)\s*(\d+)/g)) {
        const n = Number(part[2]);
        if (part[1] === '–' || part[1] === '-') for (let k = previous + 1; k <= n && k - previous <= 1000; k++) numbers.push(k);
        else numbers.push(n);
        previous = n;
      }
      for (const number of numbers) mentions.push({ number, file: file.path, point });
    }
    for (const m of chapter.expanded.mentions) {
      if (m.kind === kind) mentions.push({ number: m.number, file: file.path, point: { line: m.line, column: m.column } });
    }
  }
  // In reading order: chapter by chapter, line by line.
  const order = new Map(context.chapters.map((c, i) => [c.expanded.file.path, i]));
  return mentions.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.point.line - b.point.line || a.point.column - b.point.column);
}

/**
 * Appendices: every `bilaga N` in the text resolves to the register, every
 * registered appendix is mentioned, and first mentions come in numeric
 * order (a warning).
 */
export const appendicesRule: CheckRule = {
  family: 'references',
  ids: ['appendix-unknown', 'appendix-unreferenced', 'appendix-order'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const count = model.bilagor.length;
    const mentions = mentionsOf(context, /bilag(?:a|an|or|orna)/, 'bilaga');
    for (const m of mentions) {
      if (m.number < 1 || m.number > count) diagnostics.error('appendix-unknown', m.file, m.point, { number: m.number, count });
    }
    const firstSeen: number[] = [];
    for (const m of mentions) {
      if (m.number < 1 || m.number > count || firstSeen.includes(m.number)) continue;
      const expected = firstSeen.length + 1;
      if (context.complete && m.number !== expected && !firstSeen.includes(expected)) {
        diagnostics.warn('appendix-order', m.file, m.point, { number: m.number, expected });
      }
      firstSeen.push(m.number);
    }
    model.bilagor.forEach((b, i) => {
      if (context.complete && !mentions.some((m) => m.number === i + 1)) {
        const where = model.places.locate(['bilagor', i]);
        diagnostics.error('appendix-unreferenced', where.file, where.point, { number: i + 1, title: b.titel, key: b.nyckel });
      }
    });
  },
};

/** The rule ids of one numbered kind, tables or figures. */
interface PlacedIds {
  unknown: 'table-unknown' | 'figure-unknown';
  unreferenced: 'table-unreferenced' | 'figure-unreferenced';
  before: 'table-reference-before' | 'figure-reference-before';
}

/**
 * Numbered tables or figures: every `tabell N` / `figur N` resolves to one
 * placed, every placed one is referred to, and it is not first mentioned in
 * a chapter before the one that shows it (a warning).
 */
function checkPlaced(context: CheckContext, diagnostics: Diagnostics, kind: PlacedKind, word: RegExp, ids: PlacedIds): void {
  const mentions = mentionsOf(context, word, kind);
  const placed = placedOf(context.placements, kind);
  const count = placed.length;
  for (const m of mentions) {
    // Numbered across chapters: with a chapter missing, the count is unknown.
    if (context.complete && (m.number < 1 || m.number > count)) diagnostics.error(ids.unknown, m.file, m.point, { number: m.number, count });
  }
  if (!context.complete) return;
  // Chapters in order, then the appendix bodies: a mention in an earlier file comes before the table or figure.
  const files = [...context.chapters.map((c) => c.expanded.file.path), ...context.appendices.flatMap((a) => (a.body ? [a.body.expanded.file.path] : []))];
  for (const [key, place] of placed) {
    const first = mentions.find((m) => m.number === place.number);
    if (!first) diagnostics.error(ids.unreferenced, place.file, place.point, { number: place.number, key });
    else if (files.indexOf(first.file) < files.indexOf(place.file)) diagnostics.warn(ids.before, first.file, first.point, { number: place.number, key });
  }
}

/**
 * Tables: references both ways (see checkPlaced), every declared table is
 * placed (a warning otherwise), and a table drawn by the report's own
 * partial has that partial (and declares rows and columns to publish, a
 * warning otherwise).
 */
export const tablesRule: CheckRule = {
  family: 'references',
  ids: ['table-unknown', 'table-unreferenced', 'table-unplaced', 'table-template-missing', 'table-template-data', 'table-reference-before'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    for (const table of model.tables) {
      if (table.template && !context.sources.templates.has(`partials/${table.template}.hbs`)) {
        diagnostics.error('table-template-missing', table.where.file, table.where.point, { table: table.key, template: table.template });
      } else if (table.template && table.columns.length === 0) {
        // Without declared rows and columns there is nothing to publish: say so rather than leave the open data out unseen.
        diagnostics.warn('table-template-data', table.where.file, table.where.point, { table: table.key, template: table.template });
      }
    }
    checkPlaced(context, diagnostics, 'tabell', /tabell(?:en|er|erna)?/, { unknown: 'table-unknown', unreferenced: 'table-unreferenced', before: 'table-reference-before' });
    if (!context.complete) return;
    for (const table of model.tables) {
      if (!context.placements.has(table.key)) diagnostics.warn('table-unplaced', table.where.file, table.where.point, { table: table.key });
    }
  },
};

/** Figures: references both ways like tables, and every declared figure is placed (a warning otherwise). */
export const figuresRule: CheckRule = {
  family: 'figures',
  ids: ['figure-unknown', 'figure-unreferenced', 'figure-unplaced', 'figure-reference-before'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    checkPlaced(context, diagnostics, 'figur', /figur(?:en|er|erna)?/, { unknown: 'figure-unknown', unreferenced: 'figure-unreferenced', before: 'figure-reference-before' });
    if (!context.complete) return;
    for (const figure of model.figures) {
      if (!context.placements.has(figure.key)) diagnostics.warn('figure-unplaced', figure.where.file, figure.where.point, { figure: figure.key });
    }
  },
};
