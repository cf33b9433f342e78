/**
 * A token of a PDF content stream (ISO 32000-1, 7.8.2): an operand or an
 * operator, with where it stands in the stream's text (one character per
 * byte, as `latin1`).
 */
export interface ContentToken {
  kind: 'operator' | 'number' | 'name' | 'string' | 'hex' | 'array' | 'dict' | 'other';
  start: number;
  end: number;
  text: string;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/**
 * Splits a content stream into tokens. Arrays and dictionaries are one
 * token each (their text kept whole); an inline image (`BI … ID … EI`) is
 * one `BI` operator token spanning its data.
 */
export function tokenizeContent(s: string): ContentToken[] {
  const tokens: ContentToken[] = [];
  let i = 0;
  const n = s.length;
  const skipString = (from: number): number => {
    // A literal string, balanced parentheses, backslash escapes.
    let depth = 0;
    for (let j = from; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return j + 1;
    }
    return n;
  };
  const skipNested = (from: number, open: string, close: string): number => {
    let depth = 0;
    for (let j = from; j < n; j++) {
      const c = s[j];
      if (c === '(') {
        j = skipString(j) - 1;
      } else if (s.startsWith(open, j)) {
        depth++;
        j += open.length - 1;
      } else if (s.startsWith(close, j)) {
        depth--;
        j += close.length - 1;
        if (depth === 0) return j + 1;
      }
    }
    return n;
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === 0x25) {
      // A comment, to the end of the line.
      while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    let kind: ContentToken['kind'];
    if (c === 0x28) {
      i = skipString(i);
      kind = 'string';
    } else if (s.startsWith('<<', i)) {
      i = skipNested(i, '<<', '>>');
      kind = 'dict';
    } else if (c === 0x3c) {
      i = s.indexOf('>', i) + 1 || n;
      kind = 'hex';
    } else if (c === 0x5b) {
      i = skipNested(i, '[', ']');
      kind = 'array';
    } else if (c === 0x2f) {
      i++;
      while (i < n && !WHITE.has(s.charCodeAt(i)) && !DELIMITER.has(s.charCodeAt(i))) i++;
      kind = 'name';
    } else if (DELIMITER.has(c)) {
      i++;
      kind = 'other';
    } else {
      while (i < n && !WHITE.has(s.charCodeAt(i)) && !DELIMITER.has(s.charCodeAt(i))) i++;
      const word = s.slice(start, i);
      kind = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ? 'number' : 'operator';
      if (word === 'BI') {
        // Inline image data may hold any bytes: run to the EI that ends it.
        const id = s.indexOf('ID', i);
        const ei = id < 0 ? -1 : s.slice(id).search(/\sEI(\s|$)/);
        i = ei < 0 ? n : id + ei + 3;
      }
    }
    tokens.push({ kind, start, end: i, text: s.slice(start, i) });
  }
  return tokens;
}
