import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { keptProgram, keptTemplate, removeOldest } from '../../src/expand/kept-templates.js';
import { strictOptions } from '../../src/format/helpers/handlebars.js';
import { REPO } from '../helpers.js';

const CACHE = path.join(REPO, 'node_modules', '.cache', 'redovisning', 'templates');

/** The kept files that hold a text (other test files keep and remove theirs in the same folder meanwhile). */
const keptWith = (token: string): string[] => (existsSync(CACHE) ? readdirSync(CACHE) : []).filter((f) => !f.endsWith('.tmp') && textOf(path.join(CACHE, f)).includes(token));

function textOf(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // Removed since the folder was read.
  }
}

describe('templates parsed and compiled once and kept between runs', () => {
  it('renders as Handlebars compiles it, strict, and keeps the compiled template for the next run', () => {
    const token = `kept-${process.pid}-${Date.now()}`;
    const text = `<h1>{{titel}}</h1>{{#each rader}}<p>{{this}}</p>{{/each}} ${token}`;
    const kept = keptTemplate(Handlebars.create(), text, strictOptions());
    const added = keptWith(token);
    expect(added).toHaveLength(1);
    const context = { titel: 'Redovisning', rader: ['a', 'b'] };
    expect(kept(context)).toBe(Handlebars.create().compile(text, strictOptions())(context));
    // The second time it is read from what was kept, and renders the same.
    expect(keptTemplate(Handlebars.create(), text, strictOptions())(context)).toBe(kept(context));
    expect(keptWith(token)).toEqual(added);
    // Strict, as the layouts are compiled: a key the context lacks is an error.
    expect(() => kept({ rader: [] })).toThrow(/"titel" not defined/);
    // A damaged kept file is compiled again, not trusted.
    writeFileSync(path.join(CACHE, added[0] as string), 'nonsense {');
    expect(keptTemplate(Handlebars.create(), text, strictOptions())(context)).toBe(kept(context));
    for (const f of keptWith(token)) rmSync(path.join(CACHE, f));
  });

  it('keeps a syntax tree as plain data that compiles to the same template as the parsed one', () => {
    const token = `tree-${process.pid}-${Date.now()}`;
    // Whitespace control, a block with its inverse, a helper with a hash and a comment: the parser's whole output.
    const text = `# Rubrik ${token}\n\n{{~#each rader as |rad i|}}\n- {{rad}} ({{i}}){{else}}inga{{/each~}}\n{{!-- en kommentar --}}{{#if ja}}{{{html}}}{{/if}}\n`;
    const first = keptProgram(text);
    expect(keptWith(token)).toHaveLength(1);
    const again = keptProgram(text);
    expect(again).toStrictEqual(first);
    expect(first).toStrictEqual(JSON.parse(JSON.stringify(Handlebars.parse(text))));
    const context = { rader: ['a', 'b'], ja: true, html: '<b>x</b>' };
    const fromText = Handlebars.create().compile(text, strictOptions())(context);
    expect(keptTemplate(Handlebars.create(), again, strictOptions())(context)).toBe(fromText);
    expect(Handlebars.precompile(again, strictOptions())).toBe(Handlebars.precompile(Handlebars.parse(text), strictOptions()));
    // A syntax error is thrown, with its line, and nothing is kept.
    expect(() => keptProgram(`<p>\n{{#if x}}\n</p> ${token}-fel`)).toThrow(/line 2|Parse error/);
    expect(keptWith(`${token}-fel`)).toEqual([]);
    for (const f of keptWith(token)) rmSync(path.join(CACHE, f));
  });

  it('throws a syntax error at once, with its line, as the layouts report it', () => {
    expect(() => keptTemplate(Handlebars.create(), '<p>\n{{#if x}}\n</p>', strictOptions())).toThrow(/line 2|Parse error/);
  });

  it('keeps the folder within its size: the oldest files go first', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redovisning-kept-'));
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `${i}.js`);
      writeFileSync(file, String(i));
      utimesSync(file, 1_000_000 + i, 1_000_000 + i);
    }
    removeOldest(dir, 20);
    expect(readdirSync(dir)).toHaveLength(12);
    removeOldest(dir, 8);
    expect(readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b))).toEqual(['6.js', '7.js', '8.js', '9.js', '10.js', '11.js']);
    rmSync(dir, { recursive: true, force: true });
  });
});
