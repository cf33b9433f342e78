import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { keptTemplate } from '../../src/expand/kept-templates.js';
import { strictOptions } from '../../src/format/helpers/handlebars.js';
import { REPO } from '../helpers.js';

const CACHE = path.join(REPO, 'node_modules', '.cache', 'redovisning', 'templates');

describe('templates compiled once and kept between runs', () => {
  it('renders as Handlebars compiles it, strict, and keeps the compiled template for the next run', () => {
    const text = `<h1>{{titel}}</h1>{{#each rader}}<p>{{this}}</p>{{/each}} ${Date.now()}`;
    const listed = new Set(existsSync(CACHE) ? readdirSync(CACHE) : []);
    const kept = keptTemplate(Handlebars.create(), text, strictOptions());
    const added = readdirSync(CACHE).filter((f) => !listed.has(f));
    expect(added).toHaveLength(1);
    const context = { titel: 'Redovisning', rader: ['a', 'b'] };
    expect(kept(context)).toBe(Handlebars.create().compile(text, strictOptions())(context));
    // The second time it is read from what was kept, and renders the same.
    expect(keptTemplate(Handlebars.create(), text, strictOptions())(context)).toBe(kept(context));
    expect(readdirSync(CACHE).filter((f) => !listed.has(f))).toEqual(added);
    // Strict, as the layouts are compiled: a key the context lacks is an error.
    expect(() => kept({ rader: [] })).toThrow(/"titel" not defined/);
    for (const f of added) rmSync(path.join(CACHE, f));
  });

  it('throws a syntax error at once, with its line, as the layouts report it', () => {
    expect(() => keptTemplate(Handlebars.create(), '<p>\n{{#if x}}\n</p>', strictOptions())).toThrow(/line 2|Parse error/);
  });
});
