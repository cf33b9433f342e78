import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The stages of `src/`, earliest first: a file may import from its own
 * stage and from earlier ones, never from a later one (type-only imports
 * included). `messages`, `diagnostics` and `format` sit under every stage;
 * `pipeline.ts`, `preview`, `commands` and `cli.ts` sit above them.
 * ARCHITECTURE.md describes what each owns.
 */
const STAGE_ORDER = ['messages', 'diagnostics', 'format', 'load', 'parse', 'model', 'expand', 'markdown', 'figures', 'check', 'language', 'render', 'write', 'pipeline', 'preview', 'import', 'commands', 'sandbox-process', 'cli'];

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** The stage a file of `src/` belongs to: its first folder, or its own name at the top. */
function stageOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length === 1 ? (parts[0] as string).replace(/\.ts$/, '') : (parts[0] as string);
}

/** Every relative module a file names: static imports and re-exports (type-only too) and dynamic imports. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec?.startsWith('.')) found.push(spec);
  }
  return found.sort();
}

describe('stage order', () => {
  const files = sourceFiles(SRC);

  it('names every folder and top-level file of src/', () => {
    const stages = new Set(files.map(stageOf));
    expect([...stages].filter((s) => !STAGE_ORDER.includes(s))).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });

  it('finds the imports it checks', () => {
    expect(importsOf("import type { A } from '../a.js';\nexport { b } from './b.js';\nconst c = await import('../c/d.js');\nimport {\n  e,\n} from '../e.js';")).toEqual(['../a.js', '../c/d.js', '../e.js', './b.js']);
  });

  it('has no import from a later stage', () => {
    const against: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const to = stageOf(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
        if (STAGE_ORDER.indexOf(to) > STAGE_ORDER.indexOf(from)) against.push(`${path.relative(SRC, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(against).toEqual([]);
  });
});
