import type { Point } from '../../diagnostics/diagnostic.js';
import type { CheckContext, CheckRule } from '../check-context.js';

/** A literal or helper mention of a numbered thing (appendix or table) in a chapter. */
interface Mention {
  number: number;
  file: string;
  point: Point;
  order: number;
}

/**
 * Numbers named after a word such as `bilaga`: `bilaga 3`, `bilagorna 2 och 3`,
 * `bilaga 1–6`, `Bilagor 1, 2 samt 4`, in any case.
 */
function numberedMentions(context: CheckContext, word: RegExp): Mention[] {
  const mentions: Mention[] = [];
  let order = 0;
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
      for (const number of numbers) mentions.push({ number, file: file.path, point, order: order++ });
    }
  }
  return mentions;
}

/**
 * Appendices: every `bilaga N` in the text resolves to the register, every
 * registered appendix is mentioned, first mentions come in numeric order
 * (warning), and appendix bodies and PDFs named in the register exist.
 */
export const appendicesRule: CheckRule = {
  ids: ['appendix-unknown', 'appendix-unreferenced', 'appendix-order'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const count = model.data.bilagor.length;
    const mentions = numberedMentions(context, /bilag(?:a|an|or|orna)/);
    let order = mentions.length;
    for (const chapter of context.chapters) {
      for (const m of chapter.expanded.mentions) {
        mentions.push({ number: m.number, file: chapter.expanded.file.path, point: { line: m.line, column: m.column }, order: order++ });
      }
    }
    for (const m of mentions) {
      if (m.number < 1 || m.number > count) {
        diagnostics.error('appendix-unknown', m.file, m.point, `bilaga ${m.number} does not exist: data/bilagor.yaml registers ${count === 0 ? 'no appendices' : `bilaga 1–${count}`}; add it to the register or correct the number`);
      }
    }
    // Order of first mention follows the chapters and positions in them.
    const chapterOrder = new Map(context.chapters.map((c, i) => [c.expanded.file.path, i]));
    const sorted = [...mentions].sort((a, b) => (chapterOrder.get(a.file) ?? 0) - (chapterOrder.get(b.file) ?? 0) || a.point.line - b.point.line || a.point.column - b.point.column);
    const firstSeen: number[] = [];
    for (const m of sorted) {
      if (m.number < 1 || m.number > count || firstSeen.includes(m.number)) continue;
      const expected = firstSeen.length + 1;
      if (context.complete && m.number !== expected && !firstSeen.includes(expected)) {
        diagnostics.warn('appendix-order', m.file, m.point, `bilaga ${m.number} is mentioned before bilaga ${expected}: appendices are numbered in order of first mention, so reorder data/bilagor.yaml`);
      }
      firstSeen.push(m.number);
    }
    model.data.bilagor.forEach((b, i) => {
      if (context.complete && !mentions.some((m) => m.number === i + 1)) {
        const [file, point] = [context.data.files.get('bilagor')?.file.path ?? 'data/bilagor.yaml', context.data.files.get('bilagor')?.places.get(`[${i}]`)?.value];
        diagnostics.error('appendix-unreferenced', file, point, `bilaga ${i + 1} (${b.titel}) is never referred to in the text: mention it as 'bilaga ${i + 1}' or {{bilaga "${b.nyckel}"}}, or remove it from the register`);
      }
    });
  },
};

/** Tables: every `tabell N` resolves to a numbered table, and every table is referred to. */
export const tablesRule: CheckRule = {
  ids: ['table-unknown', 'table-unreferenced', 'table-caption-missing'],
  run(context, diagnostics) {
    if (!context.model) return;
    const mentions = numberedMentions(context, /tabell(?:en|er|erna)?/);
    const count = context.tables.length;
    for (const m of mentions) {
      // Tables are numbered across chapters: with a chapter missing, the count is unknown.
      if (context.complete && (m.number < 1 || m.number > count)) {
        diagnostics.error('table-unknown', m.file, m.point, `tabell ${m.number} does not exist: the report has ${count === 0 ? 'no tables' : count === 1 ? 'one table (tabell 1)' : `tabell 1–${count}`}, numbered in the order their partials ({{> projekttabell}} …) appear`);
      }
    }
    for (const table of context.tables) {
      if (context.complete && !mentions.some((m) => m.number === table.number)) {
        const chapter = context.chapters.find((c) => c.expanded.markdown.includes(`\uE010${table.name}\uE011`));
        const at = chapter ? chapter.expanded.index.point(chapter.expanded.file.text.indexOf(`{{> ${table.name}`)) : undefined;
        diagnostics.error('table-unreferenced', chapter?.expanded.file.path ?? 'content/', at, `tabell ${table.number} (${table.name}) is never referred to in the text: mention it, e.g. 'se tabell ${table.number}'`);
      }
      if (!table.caption) {
        const rapport = context.data.files.get('rapport');
        diagnostics.error('table-caption-missing', rapport?.file.path ?? 'data/rapport.yaml', rapport?.places.get('tabeller')?.value, `tabell ${table.number} has no caption: add '${table.name}: <caption>' under tabeller in data/rapport.yaml`);
      }
    }
  },
};
