import { Kind, opCode, tokenizeContent, type TextBlock } from './content-tokens.js';

/** What the rewriting needs to know of a font of the page: how its codes read as text. */
export interface FontText {
  /** Bytes per character code (2 for Chromium's Identity-H fonts). */
  bytes: number;
  /** Unicode text of each code, from the font's ToUnicode map. */
  unicode: Map<number, string>;
  /** The code that shows a space, written as a hex string (`<0001>`), if the font has one. */
  space: string | undefined;
}

/** Where a marked-content id of the page stands in the structure tree. */
export interface McidPlace {
  /** The block-level element (paragraph, heading, cell, …) the text belongs to. */
  block: object;
  /** Inside a Link: a line break there may fall within a word (a URL). */
  inLink: boolean;
}

/** What rewriting did to one page's content. */
export interface MarkedContentResult {
  content: string;
  /** Runs of unmarked content now marked as artifacts. */
  artifacts: number;
  /** Unmarked labels (list and footnote numbers) joined to the Lbl they stand before. */
  joinedLabels: number;
  /** Spaces shown at soft line breaks, so the tagged text keeps its words apart. */
  spaces: number;
}

const PATH_BUILD = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're'].map(opCode));
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'].map(opCode));
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"'].map(opCode));
const OP = { BT: opCode('BT'), ET: opCode('ET'), BDC: opCode('BDC'), BMC: opCode('BMC'), EMC: opCode('EMC'), q: opCode('q'), Q: opCode('Q'), Tf: opCode('Tf'), Tm: opCode('Tm'), Td: opCode('Td'), TD: opCode('TD'), Tstar: opCode('T*'), n: opCode('n'), Do: opCode('Do'), sh: opCode('sh'), BI: opCode('BI') };
/** A line may break after these without a space (a hyphen, a dash, a slash). */
const BREAKS_WITHOUT_SPACE = /[\s\u00ad\-\u2010\u2011\u2012\u2013\u2014/]$/u;
const HYPHEN = /[-\u2010\u2011]$/u;

/** The character codes of a string operand, `s.slice(start, end)` (hex or literal). */
function codes(s: string, start: number, end: number, hex: boolean, bytes: number): number[] {
  const raw: number[] = [];
  if (hex) {
    let high = -1;
    for (let i = start + 1; i < end - 1; i++) {
      const c = s.charCodeAt(i) | 0x20;
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        raw.push(high * 16 + v);
        high = -1;
      }
    }
    if (high >= 0) raw.push(high * 16);
  } else {
    for (let i = start + 1; i < end - 1; i++) {
      let c = s.charCodeAt(i);
      if (c === 0x5c) {
        const next = s[++i] ?? '';
        const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
        if (oct) {
          c = parseInt(oct[0], 8);
          i += oct[0].length - 1;
        } else c = ({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0);
      }
      raw.push(c);
    }
  }
  if (bytes === 1) return raw;
  const out: number[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push((raw[i] ?? 0) * 256 + (raw[i + 1] ?? 0));
  return out;
}

/** A text-showing operator's operands, or a text block's glyphs: `s.slice(start, end)`, and the font. */
interface Show {
  start: number;
  end: number;
  font: FontText | undefined;
}

/** The text a show's operands show, by the font's ToUnicode map. */
function shownText(s: string, show: Show): string {
  const { font } = show;
  if (!font || show.end <= show.start) return '';
  let text = '';
  const add = (start: number, end: number, hex: boolean): void => {
    for (const code of codes(s, start, end, hex, font.bytes)) text += font.unicode.get(code) ?? '';
  };
  const t = tokenizeContent(s.slice(show.start, show.end));
  for (let k = 0; k < t.count; k++) {
    const kind = t.kinds[k];
    const start = show.start + (t.starts[k] ?? 0);
    const end = show.start + (t.ends[k] ?? 0);
    if (kind === Kind.Hex || kind === Kind.String) add(start, end, kind === Kind.Hex);
    else if (kind === Kind.Array) {
      const inner = tokenizeContent(s.slice(start + 1, end - 1));
      for (let j = 0; j < inner.count; j++) {
        const ik = inner.kinds[j];
        if (ik === Kind.Hex || ik === Kind.String) add(start + 1 + (inner.starts[j] ?? 0), start + 1 + (inner.ends[j] ?? 0), ik === Kind.Hex);
      }
    }
  }
  return text;
}

/** The last word of a line (the text after its last space), decoded from the end. */
function lastWord(s: string, line: readonly Show[]): string {
  let word = '';
  for (let i = line.length - 1; i >= 0; i--) {
    const text = shownText(s, line[i] as Show);
    const space = text.search(/\s\S*$/u);
    if (space >= 0) return text.slice(space + 1) + word;
    word = text + word;
  }
  return word;
}

/**
 * Rewrites a page's content so that everything on it is either tagged or an
 * artifact (PDF/UA-1 7.1, veraPDF rule 7.1-3): each run of painting outside
 * marked content (page numbers and running heads in the margin boxes, rules,
 * borders, backgrounds, footnote calls drawn by CSS) becomes
 * `/Artifact BMC … EMC`, except that text drawn right before a `Lbl` (a list
 * or footnote number CSS draws) joins that label. At a soft line break in
 * the same paragraph, where the browser shows no space, an invisible space is
 * shown at the end of the line, so that text read from the tags keeps its
 * words apart (ISO 32000-1, 14.8.2.5). The forms named in `taggedForms`
 * mark their own content: drawing one is neither tagged nor an artifact here.
 */
export function rewriteMarkedContent(
  content: string,
  fonts: Map<string, FontText>,
  places: Map<number, McidPlace>,
  spacedHyphens: ReadonlySet<string> = new Set(),
  taggedForms: ReadonlySet<string> = new Set(),
): MarkedContentResult {
  const t = tokenizeContent(content, true);
  const inserts: { at: number; text: string; order: number }[] = [];
  const deletes: { from: number; to: number }[] = [];
  const result = { artifacts: 0, joinedLabels: 0, spaces: 0 };
  let order = 0;
  const insert = (at: number, text: string): void => {
    inserts.push({ at, text, order: order++ });
  };
  const textOf = (k: number): string => content.slice(t.starts[k] ?? 0, t.ends[k] ?? 0);

  const stack: (number | string)[] = [];
  let operandStart = 0;
  let run: { start: number; end: number; textOnly: boolean } | undefined;
  let inText = false;
  let textAtTop = false;
  let textStart = 0;
  let textPainted = false;
  let textMarked = false;
  let pathStart: number | undefined;
  let font: FontText | undefined;
  let lineY: number | undefined;
  let last: { place: McidPlace; y: number; end: number; show: Show } | undefined;
  /** The text shows of the current line of the current block. */
  const line: Show[] = [];

  const flush = (): void => {
    if (!run) return;
    insert(run.start, '/Artifact BMC\n');
    insert(run.end, '\nEMC');
    result.artifacts++;
    run = undefined;
  };
  const segment = (start: number, end: number, text: boolean): void => {
    if (run) {
      run.end = end;
      run.textOnly &&= text;
    } else run = { start, end, textOnly: text };
  };
  const currentMcid = (): number | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const entry = stack[i];
      if (typeof entry === 'number') return entry;
    }
    return undefined;
  };

  /**
   * Text shown (`first`, the glyphs up to `end`, on one line, `last` the
   * last of them): where a line of the same block ends, the space the
   * browser left out is shown.
   */
  const shown = (first: Show, all: Show, lastShow: Show, end: number): void => {
    textPainted = true;
    const mcid = stack.length ? currentMcid() : undefined;
    const place = mcid === undefined ? undefined : places.get(mcid);
    if (!place || lineY === undefined) return;
    // Glyphs are decoded only where a line ends: the last of the line before, the first of the next.
    if (last && last.y !== lineY) {
      const before = last.show.font;
      if (last.place.block === place.block && !last.place.inLink && !place.inLink && before?.space) {
        const char = shownText(content, last.show).slice(-1);
        const next = shownText(content, first);
        // A word ending in a hyphen that the text follows with a space ("forsknings- och") breaks at that space.
        const spaced = char !== '' && (!BREAKS_WITHOUT_SPACE.test(char) || (HYPHEN.test(char) && spacedHyphens.has(lastWord(content, line))));
        if (spaced && next !== '' && !/^\s/u.test(next)) {
          insert(last.end, ` ${before.space} Tj`);
          result.spaces++;
        }
      }
      line.length = 0;
    } else if (last && last.place.block !== place.block) line.length = 0;
    line.push(all);
    last = { place, y: lineY, end, show: lastShow };
  };

  for (let k = 0; k < t.count; k++) {
    if (t.kinds[k] === Kind.TextBlock) {
      // A plain text object inside marked content, as one token: the same steps as its operators'.
      const block = t.blocks[t.ops[k] ?? 0] as TextBlock;
      inText = true;
      textAtTop = stack.length === 0;
      textPainted = false;
      textMarked = false;
      font = fonts.get(block.font);
      lineY = block.y;
      shown({ start: block.firstStart, end: block.firstEnd, font }, { start: block.firstStart, end: block.lastEnd, font }, { start: block.lastStart, end: block.lastEnd, font }, block.lastOpEnd);
      // The EMC of an ActualText span ends a pending run.
      if (block.spans) flush();
      inText = false;
      operandStart = k + 1;
      continue;
    }
    if (t.kinds[k] !== Kind.Operator) continue;
    const op = t.ops[k] ?? 0;
    const operands = k - operandStart;
    const start = operands > 0 ? (t.starts[operandStart] ?? 0) : (t.starts[k] ?? 0);
    const end = t.ends[k] ?? 0;
    const first = operandStart;
    operandStart = k + 1;
    if (op === OP.BT) {
      inText = true;
      textAtTop = stack.length === 0;
      textStart = start;
      textPainted = false;
      textMarked = false;
    } else if (op === OP.ET) {
      inText = false;
      if (textAtTop && textPainted && !textMarked) segment(textStart, end, true);
      else if (textAtTop && textMarked) flush();
    } else if (op === OP.BDC || op === OP.BMC) {
      const tag = operands > 0 ? textOf(first).slice(1) : '';
      const properties = op === OP.BDC && operands > 1 && t.kinds[first + 1] === Kind.Dict ? textOf(first + 1) : '';
      const mcid = /\/MCID\s+(\d+)/.exec(properties);
      if (inText && textAtTop) textMarked = true;
      else if (stack.length === 0 && run) {
        if (tag === 'Lbl' && run.textOnly) {
          // The number CSS draws for a list item or footnote is the label's own text.
          insert(run.start, `${content.slice(start, end)}\n`);
          deletes.push({ from: start, to: end });
          result.joinedLabels++;
          run = undefined;
        } else flush();
      }
      stack.push(mcid ? Number(mcid[1]) : tag);
    } else if (op === OP.EMC) {
      stack.pop();
      if (!(inText && textAtTop)) flush();
    } else if (op === OP.q || op === OP.Q) {
      flush();
    } else if (op === OP.Tf) {
      font = operands > 0 ? fonts.get(textOf(first).slice(1)) : undefined;
    } else if (op === OP.Tm) {
      lineY = operands >= 6 ? Number(textOf(first + 5)) : lineY;
    } else if (op === OP.Td || op === OP.TD) {
      const ty = operands >= 2 ? Number(textOf(first + 1)) : 0;
      if (ty !== 0) lineY = (lineY ?? 0) + ty;
    } else if (op === OP.Tstar) {
      lineY = (lineY ?? 0) + 1e6;
    } else if (op === OP.n) {
      pathStart = undefined;
    } else if (op === OP.Do && operands > 0 && taggedForms.has(textOf(first).slice(1))) {
      // A form with its own tagged content (an attached page that keeps its structure).
      flush();
    } else if (op === OP.Do || op === OP.sh || op === OP.BI) {
      if (stack.length === 0 && !inText) segment(start, end, false);
    } else if (PATH_BUILD.has(op)) {
      if (stack.length === 0 && !inText && pathStart === undefined) pathStart = start;
    } else if (PATH_PAINT.has(op)) {
      if (pathStart !== undefined) segment(pathStart, end, false);
      pathStart = undefined;
    } else if (TEXT_SHOW.has(op)) {
      const show = { start: operands > 0 ? (t.starts[first] ?? 0) : (t.starts[k] ?? 0), end: t.starts[k] ?? 0, font };
      shown(show, show, show, end);
    }
  }
  flush();
  inserts.sort((a, b) => a.at - b.at || a.order - b.order);
  deletes.sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  let d = 0;
  for (let i = 0; i <= inserts.length; i++) {
    const next = inserts[i]?.at ?? content.length;
    while (d < deletes.length && (deletes[d]?.from ?? 0) < next) {
      const cut = deletes[d] as { from: number; to: number };
      parts.push(content.slice(at, cut.from));
      at = cut.to;
      d++;
    }
    if (next > at) parts.push(content.slice(at, next));
    at = Math.max(at, next);
    const ins = inserts[i];
    if (ins) parts.push(ins.text);
  }
  return { content: parts.join(''), ...result };
}
