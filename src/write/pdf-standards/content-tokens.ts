/** Kinds of content stream tokens (ISO 32000-1, 7.8.2). */
export const Kind = { Operator: 1, Number: 2, Name: 3, String: 4, Hex: 5, Array: 6, Dict: 7, Other: 8 } as const;

/**
 * The tokens of a content stream, held in typed arrays (a page of text is
 * some hundred thousand tokens: objects for each would be most of the time):
 * kind, start and end in the stream's text (one character per byte), and for
 * an operator a code of its characters (see opCode).
 */
export interface ContentTokens {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  ops: Int32Array;
}

/** An operator's code: its (at most three) characters, one per byte. */
export function opCode(op: string): number {
  let code = 0;
  for (let i = 0; i < op.length && i < 3; i++) code |= op.charCodeAt(i) << (8 * i);
  return op.length > 3 ? -1 : code;
}

const BI = opCode('BI');

// Character classes: 1 white space, 2 delimiter.
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

/**
 * Splits a content stream into tokens. Arrays and dictionaries are one
 * token each; an inline image (`BI … ID … EI`) is one `BI` operator token
 * spanning its data.
 */
export function tokenizeContent(s: string): ContentTokens {
  const n = s.length;
  let capacity = Math.max(16, n >> 2);
  let kinds = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let ops = new Int32Array(capacity);
  let count = 0;
  const push = (kind: number, start: number, end: number, op: number): void => {
    if (count === capacity) {
      capacity *= 2;
      const k = new Uint8Array(capacity);
      k.set(kinds);
      kinds = k;
      const st = new Int32Array(capacity);
      st.set(starts);
      starts = st;
      const en = new Int32Array(capacity);
      en.set(ends);
      ends = en;
      const o = new Int32Array(capacity);
      o.set(ops);
      ops = o;
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
  return { count, kinds, starts, ends, ops };
}
