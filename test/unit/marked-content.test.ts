import { describe, expect, it } from 'vitest';
import { rewriteMarkedContent, type FontText, type McidPlace } from '../../src/write/pdf-standards/marked-content.js';

// A font as Chromium writes them: two-byte codes, <0001> a space.
const unicode = new Map<number, string>([
  [1, ' '],
  [2, 'a'],
  [3, 'b'],
  [4, '-'],
  [5, '1'],
]);
const fonts = new Map<string, FontText>([['F1', { bytes: 2, unicode, space: '<0001>' }]]);
const paragraph = {};
const other = {};
const places = new Map<number, McidPlace>([
  [0, { block: paragraph, inLink: false }],
  [1, { block: paragraph, inLink: false }],
  [2, { block: other, inLink: false }],
  [3, { block: paragraph, inLink: true }],
]);
const line = (y: number, ...glyphs: string[]) => `BT\n/F1 12 Tf\n1 0 0 -1 10 ${y} Tm\n${glyphs.map((g) => `<${g}> Tj`).join('\n')}\nET`;

describe('page content rewritten for PDF/UA (UA 7.1-3)', () => {
  it('wraps painting outside marked content as an artifact, and leaves tagged content alone', () => {
    const content = `q\n${line(20, '0005')}\nQ\n/P <</MCID 0 >>BDC\n${line(40, '0002')}\nEMC\n0 0 10 10 re\nf`;
    const out = rewriteMarkedContent(content, fonts, places);
    expect(out.artifacts).toBe(2);
    expect(out.content).toBe(`q\n/Artifact BMC\n${line(20, '0005')}\nEMC\nQ\n/P <</MCID 0 >>BDC\n${line(40, '0002')}\nEMC\n/Artifact BMC\n0 0 10 10 re\nf\nEMC`);
  });

  it('never puts q or Q inside an artifact, and leaves a clipping path alone', () => {
    const out = rewriteMarkedContent(`0 0 5 5 re\nW n\n${line(20, '0002')}\nq\n${line(30, '0003')}\nQ`, fonts, places);
    expect(out.artifacts).toBe(2);
    expect(out.content).toBe(`0 0 5 5 re\nW n\n/Artifact BMC\n${line(20, '0002')}\nEMC\nq\n/Artifact BMC\n${line(30, '0003')}\nEMC\nQ`);
  });

  it('makes a number drawn right before a Lbl the label\'s own text', () => {
    const out = rewriteMarkedContent(`${line(20, '0005')}\n/Lbl <</MCID 0 >>BDC\n${line(20, '0001')}\nEMC`, fonts, places);
    expect(out.joinedLabels).toBe(1);
    expect(out.artifacts).toBe(0);
    expect(out.content).toBe(`/Lbl <</MCID 0 >>BDC\n${line(20, '0005')}\n\n${line(20, '0001')}\nEMC`);
  });
});

describe('spaces at soft line breaks in the tagged text (ISO 32000-1 14.8.2.5)', () => {
  it('ends a line with a space when the paragraph goes on on the next line', () => {
    const out = rewriteMarkedContent(`/P <</MCID 0 >>BDC\n${line(20, '0002', '0003')}\n${line(40, '0002')}\nEMC`, fonts, places);
    expect(out.spaces).toBe(1);
    expect(out.content).toContain('<0003> Tj <0001> Tj\nET');
  });

  it('also across marked content of the same paragraph, but not into another block, a link, or after a line that ends in a space', () => {
    const across = rewriteMarkedContent(`/P <</MCID 0 >>BDC\n${line(20, '0002')}\nEMC\n/P <</MCID 1 >>BDC\n${line(40, '0003')}\nEMC`, fonts, places);
    expect(across.spaces).toBe(1);
    for (const content of [
      `/P <</MCID 0 >>BDC\n${line(20, '0002')}\nEMC\n/P <</MCID 2 >>BDC\n${line(40, '0003')}\nEMC`,
      `/P <</MCID 0 >>BDC\n${line(20, '0002')}\nEMC\n/P <</MCID 3 >>BDC\n${line(40, '0003')}\nEMC`,
      `/P <</MCID 0 >>BDC\n${line(20, '0002', '0001')}\n${line(40, '0003')}\nEMC`,
      `/P <</MCID 0 >>BDC\n${line(20, '0002', '0003')}\n${line(20, '0002')}\nEMC`,
    ]) {
      expect(rewriteMarkedContent(content, fonts, places).spaces, content).toBe(0);
    }
  });

  it('after a hyphen only when the text has a space there ("forsknings- och", not "Vinnova-projektet")', () => {
    const content = `/P <</MCID 0 >>BDC\n${line(20, '0002', '0004')}\n${line(40, '0003')}\nEMC`;
    expect(rewriteMarkedContent(content, fonts, places).spaces).toBe(0);
    expect(rewriteMarkedContent(content, fonts, places, new Set(['a-'])).spaces).toBe(1);
  });

  it('reads a text object as Chromium writes it (one line of glyphs, ligatures in ActualText spans) in one step, with the same result as operator by operator', () => {
    const ligature = (y: number, ...glyphs: string[]) => `BT\n/F1 12 Tf\n1 0 0 -1 10 ${y} Tm\n<${glyphs[0]}> Tj\n/Span<</ActualText <FEFF00660066> >> BDC\n5.5 0 Td <0003> Tj\nEMC\n${glyphs.slice(1).map((g) => `-2 0 Td <${g}> Tj`).join('\n')}\nET`;
    const plain = `0 0 5 5 re\nf\n/P <</MCID 0 >>BDC\n${ligature(20, '0002', '0004')}\n${ligature(40, '0003', '0002')}\nEMC\n/P <</MCID 1 >>BDC\n${ligature(60, '0002')}\nEMC\n${line(80, '0005')}`;
    // A `0 Tc` is not in Chromium's plain shape: the same text, read operator by operator.
    const general = plain.replaceAll('Tf\n', 'Tf\n0 Tc\n');
    for (const hyphens of [new Set<string>(), new Set(['ab-'])]) {
      const fast = rewriteMarkedContent(plain, fonts, places, hyphens);
      const slow = rewriteMarkedContent(general, fonts, places, hyphens);
      expect(fast.spaces).toBe(hyphens.size ? 2 : 1);
      expect({ ...slow, content: slow.content.replaceAll('Tf\n0 Tc\n', 'Tf\n') }).toEqual(fast);
    }
  });
});

