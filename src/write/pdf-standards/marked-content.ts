import { tokenizeContent, type ContentToken } from './content-tokens.js';

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

const PATH_BUILD = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);
/** A line may break after these without a space (a hyphen, a dash, a slash). */
const BREAKS_WITHOUT_SPACE = /[\s\u00ad\-\u2010\u2011\u2012\u2013\u2014/]$/u;
const HYPHEN = /[-\u2010\u2011]$/u;

/** The character codes of a string operand (hex or literal). */
function codes(token: ContentToken, bytes: number): number[] {
  let raw: number[] = [];
  if (token.kind === 'hex') {
    const hex = token.text.slice(1, -1).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) raw.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else if (token.kind === 'string') {
    const body = token.text.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      let c = body.charCodeAt(i);
      if (c === 0x5c) {
        const next = body[++i] ?? '';
        const oct = /^[0-7]{1,3}/.exec(body.slice(i));
        if (oct) {
          c = parseInt(oct[0], 8);
          i += oct[0].length - 1;
        } else c = ({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0);
      }
      raw.push(c);
    }
  } else return [];
  if (bytes === 1) return raw;
  const out: number[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push((raw[i] ?? 0) * 256 + (raw[i + 1] ?? 0));
  raw = out;
  return raw;
}

/** The text a text-showing operator shows, by the font's ToUnicode map. */
function shownText(operands: ContentToken[], font: FontText | undefined): string {
  if (!font) return '';
  const strings: ContentToken[] = [];
  for (const op of operands) {
    if (op.kind === 'array') strings.push(...tokenizeContent(op.text.slice(1, -1)).filter((t) => t.kind === 'hex' || t.kind === 'string'));
    else if (op.kind === 'hex' || op.kind === 'string') strings.push(op);
  }
  return strings.map((t) => codes(t, font.bytes).map((c) => font.unicode.get(c) ?? '').join('')).join('');
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
 * words apart (ISO 32000-1, 14.8.2.5).
 */
export function rewriteMarkedContent(content: string, fonts: Map<string, FontText>, places: Map<number, McidPlace>, spacedHyphens: ReadonlySet<string> = new Set()): MarkedContentResult {
  const tokens = tokenizeContent(content);
  const inserts: { at: number; text: string; order: number }[] = [];
  const deletes: { from: number; to: number }[] = [];
  const result = { artifacts: 0, joinedLabels: 0, spaces: 0 };
  let order = 0;
  const insert = (at: number, text: string): void => {
    inserts.push({ at, text, order: order++ });
  };

  const stack: (number | string)[] = [];
  let operands: ContentToken[] = [];
  let run: { start: number; end: number; textOnly: boolean } | undefined;
  let inText = false;
  let textAtTop = false;
  let textStart = 0;
  let textPainted = false;
  let textMarked = false;
  let pathStart: number | undefined;
  let font: FontText | undefined;
  let lineY: number | undefined;
  let last: { place: McidPlace; y: number; end: number; char: string; word: string; font: FontText | undefined } | undefined;

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

  for (const token of tokens) {
    if (token.kind !== 'operator') {
      operands.push(token);
      continue;
    }
    const op = token.text;
    const start = operands[0]?.start ?? token.start;
    switch (op) {
      case 'BT':
        inText = true;
        textAtTop = stack.length === 0;
        textStart = start;
        textPainted = false;
        textMarked = false;
        break;
      case 'ET':
        inText = false;
        if (textAtTop && textPainted && !textMarked) segment(textStart, token.end, true);
        else if (textAtTop && textMarked) flush();
        break;
      case 'BDC':
      case 'BMC': {
        const tag = operands[0]?.text.slice(1) ?? '';
        const properties = operands[1]?.kind === 'dict' ? operands[1].text : '';
        const mcid = /\/MCID\s+(\d+)/.exec(properties);
        if (inText && textAtTop) textMarked = true;
        else if (stack.length === 0 && run) {
          if (tag === 'Lbl' && run.textOnly) {
            // The number CSS draws for a list item or footnote is the label's own text.
            insert(run.start, `${content.slice(start, token.end)}\n`);
            deletes.push({ from: start, to: token.end });
            result.joinedLabels++;
            run = undefined;
          } else flush();
        }
        stack.push(mcid ? Number(mcid[1]) : tag);
        break;
      }
      case 'EMC':
        stack.pop();
        if (!(inText && textAtTop)) flush();
        break;
      case 'q':
      case 'Q':
        flush();
        break;
      case 'Tf':
        font = fonts.get(operands[0]?.text.slice(1) ?? '');
        break;
      case 'Tm':
        lineY = Number(operands[5]?.text);
        break;
      case 'Td':
      case 'TD':
        if (Number(operands[1]?.text) !== 0) lineY = (lineY ?? 0) + Number(operands[1]?.text);
        break;
      case 'T*':
        lineY = (lineY ?? 0) + 1e6;
        break;
      case 'n':
        pathStart = undefined;
        break;
      case 'Do':
      case 'sh':
      case 'BI':
        if (stack.length === 0 && !inText) segment(start, token.end, false);
        break;
      default:
        if (PATH_BUILD.has(op)) {
          if (stack.length === 0 && !inText && pathStart === undefined) pathStart = start;
        } else if (PATH_PAINT.has(op)) {
          if (pathStart !== undefined) segment(pathStart, token.end, false);
          pathStart = undefined;
        } else if (TEXT_SHOW.has(op)) {
          textPainted = true;
          const mcid = currentMcid();
          const place = mcid === undefined ? undefined : places.get(mcid);
          if (place && lineY !== undefined) {
            const shown = shownText(operands, font);
            const newLine = last !== undefined && last.y !== lineY;
            // A word ending in a hyphen that the text follows with a space ("forsknings- och") breaks at that space.
            const spaced = !BREAKS_WITHOUT_SPACE.test(last?.char ?? ' ') || (HYPHEN.test(last?.char ?? '') && spacedHyphens.has(last?.word ?? ''));
            if (last && newLine && last.place.block === place.block && !last.place.inLink && !place.inLink && last.font?.space && spaced && !/^\s/u.test(shown)) {
              insert(last.end, ` ${last.font.space} Tj`);
              result.spaces++;
            }
            const sameLine = last !== undefined && !newLine && last.place.block === place.block;
            const word = `${sameLine ? (last?.word ?? '') : ''}${shown}`.split(/\s/u).pop() ?? '';
            if (shown) last = { place, y: lineY, end: token.end, char: shown.slice(-1), word, font };
            else if (last) last = { ...last, y: lineY };
          }
        }
    }
    operands = [];
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
