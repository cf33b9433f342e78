/** Kinds of content stream tokens (ISO 32000-1, 7.8.2). */
export const Kind = { Operator: 1, Number: 2, Name: 3, String: 4, Hex: 5, Array: 6, Dict: 7, Other: 8, TextBlock: 9 } as const;

/**
 * The tokens of a content stream, held in typed arrays (a page of text is
 * some hundred thousand tokens: objects for each would be most of the time):
 * kind, start and end in the stream's text (one character per byte), and for
 * an operator a code of its characters (see opCode), for a text block
 * its index in `blocks`.
 */
export interface ContentTokens {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  ops: Int32Array;
  blocks: TextBlock[];
}

/** An operator's code: its (at most three) characters, one per byte. */
export function opCode(op: string): number {
  let code = 0;
  for (let i = 0; i < op.length && i < 3; i++) code |= op.charCodeAt(i) << (8 * i);
  return op.length > 3 ? -1 : code;
}

const BI = opCode('BI');
const BT = opCode('BT');
const BDC = opCode('BDC');
const BMC = opCode('BMC');
const EMC = opCode('EMC');

/** A copy of a typed array in a larger one. */
function grown<T extends Uint8Array | Int32Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array);
  return copy;
}

/** White space as PDF reads it (not JavaScript's \\s, which takes U+00A0 too). */
const W = '[\\0\\t\\n\\f\\r ]';
const NUMBER = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)';
const HEX = '<[0-9A-Fa-f]*>';
/** A glyph shown on the same line: `dx 0 Td <code> Tj`, or just `<code> Tj`. */
const SHOW = `(?:${NUMBER}${W}+0${W}+Td${W}+)?${HEX}${W}*Tj${W}+`;
/**
 * A text object as Chromium writes one: font, text matrix, then glyphs on
 * that line only, some in a `/Span <</ActualText …>>` (a ligature).
 */
const PLAIN_TEXT = new RegExp(
  `BT${W}+/([^\\0\\t\\n\\f\\r /<>\\[\\]()%{}]+)${W}+${NUMBER}${W}+Tf${W}+(?:${NUMBER}${W}+){5}(${NUMBER})${W}+Tm${W}+((?:${SHOW}|/Span${W}*<</ActualText${W}*${HEX}${W}*>>${W}*BDC${W}+(?:${SHOW})+EMC${W}+)*)ET(?=${W}|$)`,
  'dy',
);

/** A text object collapsed into one token (Kind.TextBlock): what the content pass needs of it. */
export interface TextBlock {
  /** The font resource name, without the slash. */
  font: string;
  /** The line's y (the text matrix's last operand). */
  y: number;
  /** The first glyph shown: its operand's start and the start of its Tj. */
  firstStart: number;
  firstEnd: number;
  /** The last glyph shown: its operand's start, the start and the end of its Tj. */
  lastStart: number;
  lastEnd: number;
  lastOpEnd: number;
  /** Whether it has ActualText spans (their EMC ends a pending artifact run). */
  spans: boolean;
  /** The end of its ET. */
  end: number;
}

// Character classes: 1 white space, 2 delimiter.
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

/** Where the text object at `start` (its `BT`) is plain (see PLAIN_TEXT), what it holds. */
function plainText(s: string, start: number): TextBlock | undefined {
  PLAIN_TEXT.lastIndex = start;
  const m = PLAIN_TEXT.exec(s);
  const shows = m?.indices?.[3];
  if (!m || !shows) return undefined;
  // The glyphs hold only hex strings, numbers and the operators above: each Tj is an operator, the `<` before it its operand.
  const [from, to] = shows;
  const firstEnd = s.indexOf('Tj', from);
  if (firstEnd < 0 || firstEnd >= to) return undefined;
  const lastEnd = s.lastIndexOf('Tj', to);
  const emc = s.indexOf('EMC', from);
  return {
    font: m[1] ?? '',
    y: Number(m[2]),
    firstStart: s.lastIndexOf('<', firstEnd),
    firstEnd,
    lastStart: s.lastIndexOf('<', lastEnd),
    lastEnd,
    lastOpEnd: lastEnd + 2,
    spans: emc >= 0 && emc < to,
    end: start + m[0].length,
  };
}

/**
 * Splits a content stream into tokens. Arrays and dictionaries are one
 * token each; an inline image (`BI … ID … EI`) is one `BI` operator token
 * spanning its data. With `collapseText`, a text object inside marked
 * content that has Chromium's plain shape (one font, one line, glyphs:
 * most of a page) is one Kind.TextBlock token, read without tokenizing it.
 */
export function tokenizeContent(s: string, collapseText = false): ContentTokens {
  const n = s.length;
  let capacity = Math.max(16, n >> 2);
  let kinds = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let ops = new Int32Array(capacity);
  let count = 0;
  const blocks: TextBlock[] = [];
  let depth = 0;
  const push = (kind: number, start: number, end: number, op: number): void => {
    if (count === capacity) {
      capacity *= 2;
      kinds = grown(kinds, capacity);
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
      ops = grown(ops, capacity);
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    ops[count] = op;
    count++;
  };
  const skipString = (from: number): number => {
    let depth = 0;
    for (let j = from; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return j + 1;
    }
    return n;
  };
  const skipNested = (from: number, open: number, close: number, double: boolean): number => {
    let depth = 0;
    for (let j = from; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x28) j = skipString(j) - 1;
      else if (c === open && (!double || s.charCodeAt(j + 1) === open)) {
        depth++;
        if (double) j++;
      } else if (c === close && (!double || s.charCodeAt(j + 1) === close)) {
        if (double) j++;
        if (--depth === 0) return j + 1;
      }
    }
    return n;
  };
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const cls = c < 256 ? (CLASS[c] ?? 0) : 0;
    if (cls === 1) {
      i++;
      continue;
    }
    const start = i;
    if (c === 0x25) {
      while (i < n && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === 0x28) {
      i = skipString(i);
      push(Kind.String, start, i, 0);
    } else if (c === 0x3c && s.charCodeAt(i + 1) === 0x3c) {
      i = skipNested(i, 0x3c, 0x3e, true);
      push(Kind.Dict, start, i, 0);
    } else if (c === 0x3c) {
      i = s.indexOf('>', i) + 1 || n;
      push(Kind.Hex, start, i, 0);
    } else if (c === 0x5b) {
      i = skipNested(i, 0x5b, 0x5d, false);
      push(Kind.Array, start, i, 0);
    } else if (c === 0x2f) {
      i++;
      while (i < n && (CLASS[s.charCodeAt(i) & 0xff] ?? 0) === 0) i++;
      push(Kind.Name, start, i, 0);
    } else if (cls === 2) {
      i++;
      push(Kind.Other, start, i, 0);
    } else {
      while (i < n && (CLASS[s.charCodeAt(i) & 0xff] ?? 0) === 0) i++;
      const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
      if (numeric) push(Kind.Number, start, i, 0);
      else {
        let code = 0;
        for (let j = start; j < i && j < start + 3; j++) code |= s.charCodeAt(j) << (8 * (j - start));
        if (i - start > 3) code = -1;
        if (collapseText && code === BT && depth > 0) {
          const block = plainText(s, start);
          if (block) {
            i = block.end;
            push(Kind.TextBlock, start, i, blocks.length);
            blocks.push(block);
            continue;
          }
        } else if (code === BDC || code === BMC) depth++;
        else if (code === EMC && depth > 0) depth--;
        if (code === BI) {
          // Inline image data may hold any bytes: run to the EI that ends it.
          const id = s.indexOf('ID', i);
          const ei = id < 0 ? -1 : s.slice(id).search(/\sEI(\s|$)/);
          i = ei < 0 ? n : id + ei + 3;
        }
        push(Kind.Operator, start, i, code);
      }
    }
  }
  return { count, kinds, starts, ends, ops, blocks };
}
