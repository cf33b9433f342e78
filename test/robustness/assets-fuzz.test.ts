import { generate, ident, parse, walk } from 'css-tree';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics, messageText } from '../../src/diagnostics/diagnostic.js';
import { prepareAttachedPdfs } from '../../src/figures/attached-pdfs.js';
import { sanitiseSvg } from '../../src/figures/svg.js';
import type { Sources } from '../../src/load/source-file.js';
import type { ReportModel } from '../../src/model/report-model.js';
import { ACTIVE_PARTS, hostilePdf, plainPdf, type ActivePart } from './inputs.js';

/** How many inputs to try: bounded in `npm test`, long in `npm run fuzz`. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : 20200330;

const scratch = await mkdtemp(path.join(os.tmpdir(), 'redovisning-asset-fuzz-'));
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A CSS escape of every character of a word, or of some, in the forms CSS allows (`\69`, `\000069 `, `\i`). */
const escaped = (word: string): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom('plain', 'hex', 'hex6', 'char', 'upper'), { minLength: word.length, maxLength: word.length }).map((forms) =>
    [...word]
      .map((c, i) => {
        switch (forms[i]) {
          case 'hex':
            return `\\${c.charCodeAt(0).toString(16)} `;
          case 'hex6':
            return `\\${c.charCodeAt(0).toString(16).padStart(6, '0')}`;
          case 'char':
            return /[0-9a-f]/i.test(c) ? c : `\\${c}`;
          case 'upper':
            return c.toUpperCase();
          default:
            return c;
        }
      })
      .join(''),
  );

const ADDRESS = fc.constantFrom('http://example.org/a', 'https://example.org/b.png', '//example.org/c', 'x.png', 'data:image/svg+xml,<svg/>', 'javascript:alert(1)');
const quoted = (value: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.constantFrom('', "'", '"'), value).map(([q, v]) => `${q}${v}${q}`);
/** A CSS value that may reach out of the drawing, spelt every way CSS allows. */
const VALUE = fc.oneof(
  fc.tuple(escaped('url'), quoted(ADDRESS)).map(([f, a]) => `${f}(${a})`),
  fc.tuple(fc.constantFrom('', '-webkit-'), escaped('image-set'), quoted(ADDRESS)).map(([p, f, a]) => `${p}${f}(${a} 1x)`),
  fc.tuple(escaped('image'), quoted(ADDRESS)).map(([f, a]) => `${f}(${a})`),
  fc.tuple(escaped('cross-fade'), quoted(ADDRESS)).map(([f, a]) => `${f}(url(${a}), red)`),
  fc.tuple(escaped('expression')).map(([f]) => `${f}(alert(1))`),
  fc.constantFrom('red', 'url(#g)', '#fff', 'none', '2px', 'url(  "#x"  )'),
);
const PROPERTY = fc.constantFrom('fill', 'stroke', 'background', 'background-image', 'mask', 'filter', 'cursor', 'list-style', 'content', 'b\\65havior', '-moz-binding');
const DECLARATION = fc.tuple(PROPERTY, VALUE).map(([p, v]) => `${p}: ${v}`);
const RULE = fc.oneof(
  fc.tuple(fc.constantFrom('rect', '.a', '#b', '*'), fc.array(DECLARATION, { minLength: 1, maxLength: 3 })).map(([s, ds]) => `${s} { ${ds.join('; ')} }`),
  fc.tuple(escaped('import'), quoted(ADDRESS)).map(([a, u]) => `@${a} ${u};`),
  fc.tuple(escaped('import'), ADDRESS).map(([a, u]) => `@${a} url(${u});`),
  fc.tuple(escaped('font-face'), quoted(ADDRESS)).map(([a, u]) => `@${a} { font-family: x; src: url(${u}) }`),
  fc.tuple(fc.array(DECLARATION, { minLength: 1, maxLength: 2 })).map(([ds]) => `@media print { rect { ${ds.join('; ')} } }`),
  fc.constantFrom('}', '{', '/*', '<!--', ']]>', '\\'),
);

/** A fetching function or address in CSS, as a browser reads it (escapes decoded by css-tree). */
const FETCHING = new Set(['url', 'src', 'image', 'image-set', 'cross-fade', 'element', 'expression']);
function reachesOut(css: string, context: 'stylesheet' | 'declarationList'): string | undefined {
  let found: string | undefined;
  const tree = parse(css, { context, parseValue: true, onParseError: () => undefined });
  walk(tree, (node) => {
    if (node.type === 'Url' && !node.value.trim().startsWith('#')) found = generate(node);
    else if (node.type === 'Function' && FETCHING.has(ident.decode(node.name).toLowerCase().replace(/^-[a-z]+-/, ''))) found = generate(node);
    else if (node.type === 'Atrule' && !['media', 'supports', 'keyframes', 'layer', 'container'].includes(ident.decode(node.name).toLowerCase())) found = `@${node.name}`;
    else if (node.type === 'Declaration' && /behavior|binding/i.test(ident.decode(node.property))) found = node.property;
  });
  return found;
}

describe('random SVG styles', () => {
  it(`never leave a style in the drawing that fetches or runs, however it is spelt (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(RULE, { minLength: 1, maxLength: 4 }), fc.array(DECLARATION, { maxLength: 3 }), (rules, declarations) => {
        const style = declarations.join('; ').replace(/"/g, "'");
        const input = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>${rules.join('\n')}</style><rect width="1" height="1" style="${style}"/></svg>`;
        const result = sanitiseSvg(input);
        expect(result).toBeDefined();
        const svg = result?.svg ?? '';
        const styles = [...svg.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => (m[1] ?? '').replace(/&#x3C;/g, '<').replace(/&#x26;/g, '&').replace(/&gt;/g, '>'));
        const attributes = [...svg.matchAll(/style="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&#x26;/g, '&').replace(/&#x22;/g, '"'));
        for (const css of styles) expect(reachesOut(css, 'stylesheet'), css).toBeUndefined();
        for (const css of attributes) expect(reachesOut(css, 'declarationList'), css).toBeUndefined();
        expect(svg).not.toMatch(/example\.org|javascript:/i);
        // What was taken out is said: an input that reached out has a warning (unless the HTML parser
        // never saw it as CSS: in an SVG, <!-- inside <style> starts a comment of the document, to its end).
        const seen = !rules.some((r) => r.includes('<!--'));
        if (seen && (reachesOut(rules.join('\n'), 'stylesheet') || (style && reachesOut(style, 'declarationList')))) expect(result?.removed.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

/**
 * What a PDF holds that is active, found by walking every object (an oracle
 * independent of the cleaner): the keys that carry scripts, triggers, files
 * and forms, the action types (`/S`) that run or send, the annotation types
 * (`/Subtype`) that hold a field or a file.
 */
function activeIn(doc: PDFDocument): string[] {
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (value: PDFObject | undefined): void => {
    if (value === undefined || seen.has(value)) return;
    seen.add(value);
    if (value instanceof PDFArray) value.asArray().forEach(visit);
    else if (value instanceof PDFStream) visit(value.dict);
    else if (value instanceof PDFDict) {
      for (const [k, v] of value.entries()) {
        const key = k.decodeText();
        if (ACTIVE_KEYS.has(key)) found.add(`/${key}`);
        if (key === 'S' && v instanceof PDFName && ACTIVE_ACTIONS.has(v.decodeText())) found.add(`/S /${v.decodeText()}`);
        if (key === 'Subtype' && v instanceof PDFName && ['Widget', 'FileAttachment'].includes(v.decodeText())) found.add(`/Subtype /${v.decodeText()}`);
        visit(v);
      }
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
  return [...found];
}
const ACTIVE_KEYS = new Set(['JS', 'AA', 'OpenAction', 'EmbeddedFiles', 'EF', 'XFA', 'AcroForm', 'JavaScript']);
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'ResetForm', 'GoToR', 'GoToE', 'Rendition', 'Movie', 'Sound']);

/** One way to damage a PDF's bytes. */
type PdfDamage = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; byte: number } | { kind: 'insert'; at: number; text: string };
const PDF_DAMAGE: fc.Arbitrary<PdfDamage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('/JavaScript', 'obj', 'endobj', 'stream', '<<', '>>', 'trailer', '%%EOF', '/Encrypt 1 0 R', 'xref') }),
);
function damage(bytes: Uint8Array, d: PdfDamage): Uint8Array {
  const buffer = Buffer.from(bytes);
  const at = d.at % (buffer.length + 1);
  if (d.kind === 'truncate') return buffer.subarray(0, at);
  if (d.kind === 'flip') {
    if (at < buffer.length) buffer[at] = d.byte;
    return buffer;
  }
  return Buffer.concat([buffer.subarray(0, at), Buffer.from(d.text, 'latin1'), buffer.subarray(at)]);
}

describe('random attached PDFs', () => {
  const WHERE = { file: 'data/bilagor.yaml', point: { line: 6, column: 8 }, at: () => ({ line: 6, column: 8 }) };
  const model = { bilagor: [{ nyckel: 'program', titel: 'Program', pdf: 'bilagor/program.pdf' }], places: { locate: () => WHERE } } as unknown as ReportModel;
  const sources = { root: scratch } as Sources;
  const bases = new Map<string, Uint8Array>();
  const base = async (parts: readonly ActivePart[]): Promise<Uint8Array> => {
    const key = parts.join(',');
    if (!bases.has(key)) bases.set(key, parts.length ? await hostilePdf(parts) : await plainPdf());
    return bases.get(key) as Uint8Array;
  };

  it(`are refused at their line or published without active content, never a crash (${RUNS} runs, seed ${SEED})`, async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(scratch, 'bilagor'), { recursive: true }));
    let refused = 0;
    let cleaned = 0;
    await fc.assert(
      fc.asyncProperty(fc.subarray([...ACTIVE_PARTS]), fc.array(PDF_DAMAGE, { maxLength: 2 }), async (parts, damages) => {
        let bytes = await base(parts);
        for (const d of damages) bytes = damage(bytes, d);
        await writeFile(path.join(scratch, 'bilagor', 'program.pdf'), bytes);
        const diagnostics = new Diagnostics();
        const started = performance.now();
        const attached = await prepareAttachedPdfs(sources, model, diagnostics);
        expect(performance.now() - started).toBeLessThan(5000);
        for (const d of diagnostics.list) {
          expect(d.file).toBe('data/bilagor.yaml');
          expect(d.point).toEqual({ line: 6, column: 8 });
          expect(messageText(d, 'sv').length).toBeGreaterThan(10);
          expect(messageText(d, 'en').length).toBeGreaterThan(10);
        }
        const published = attached.get(1);
        if (!published) {
          expect(diagnostics.hasErrors).toBe(true);
          refused++;
          return;
        }
        expect(diagnostics.hasErrors).toBe(false);
        const reread = await PDFDocument.load(published.bytes, { updateMetadata: false, ignoreEncryption: true });
        expect(activeIn(reread)).toEqual([]);
        expect(reread.getPageCount()).toBe(published.pages);
        if (published.removed.length) cleaned++;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    process.stderr.write(`attached PDFs: ${RUNS} tried, ${refused} refused at their line, ${cleaned} published cleaned, ${RUNS - refused - cleaned} published as they were\n`);
  }, 600_000);
});
