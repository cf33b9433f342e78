import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TOOL_ROOT } from '../load/load-report.js';
import { writeAtomically } from '../model/validators.js';

/** Where parsed and compiled templates are kept between runs, beside the compiled schemas. */
const CACHE_DIR = path.join(TOOL_ROOT, 'node_modules', '.cache', 'redovisning', 'templates');

/**
 * At most this many files are kept. The preview keeps two for every version
 * of a chapter it expands; beyond this, the oldest go (they are made again
 * when needed).
 */
const KEPT_FILES = 2000;

/**
 * A template's syntax tree as `Handlebars.parse(text)` gives it, kept between
 * runs by its text: Handlebars' parser, cold, takes some 15 ms for the real
 * report's chapters, reading them back 1. It is the same plain data whether
 * kept or just parsed. A syntax error is thrown, and nothing is kept.
 */
export function keptProgram(text: string): hbs.AST.Program {
  const file = keptFile(['ast', text], 'json');
  const kept = readKept(file);
  if (kept !== undefined) {
    try {
      return JSON.parse(kept) as hbs.AST.Program;
    } catch {
      // Damaged: parsed again below.
    }
  }
  const json = JSON.stringify(Handlebars.parse(text));
  keep(file, json);
  return JSON.parse(json) as hbs.AST.Program;
}

/**
 * A template compiled as `hb.compile(source, options)` would compile it, kept
 * between runs by what is compiled (a text or a syntax tree) and the options:
 * Handlebars' compiler, cold, takes some 50 ms for the layouts and as much
 * for the chapters, a kept one 5. Unlike `compile` it compiles at once, so a
 * syntax error or an unknown helper is thrown here, not at the first render.
 */
export function keptTemplate(hb: typeof Handlebars, source: string | hbs.AST.Program, options: CompileOptions): Handlebars.TemplateDelegate {
  const file = keptFile(['spec', JSON.stringify(options), typeof source === 'string' ? source : JSON.stringify(source)], 'js');
  const kept = readKept(file);
  if (kept !== undefined) {
    try {
      return hb.template(specOf(kept));
    } catch {
      // Damaged: compiled again below.
    }
  }
  const spec = Handlebars.precompile(source as string, options) as string;
  keep(file, spec);
  return hb.template(specOf(spec));
}

/** The options a template is compiled with. */
type CompileOptions = Parameters<typeof Handlebars.precompile>[1];

const specOf = (spec: string): Parameters<typeof Handlebars.template>[0] => new Function(`return ${spec}`)() as Parameters<typeof Handlebars.template>[0];

/** The kept file for these parts (Handlebars' version is always one). */
function keptFile(parts: readonly string[], extension: string): string {
  const hash = createHash('sha256').update(Handlebars.VERSION);
  for (const part of parts) hash.update('\0').update(part);
  return path.join(CACHE_DIR, `${hash.digest('hex').slice(0, 32)}.${extension}`);
}

function readKept(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // Not kept before (or unreadable).
  }
}

let written = 0;

/** Keeps a file; the first write of a process, and every hundredth after, sees that the folder stays within its size. */
function keep(file: string, text: string): void {
  writeAtomically(file, text);
  if (written++ % 100 === 0) removeOldest(CACHE_DIR, KEPT_FILES);
}

/** Removes the oldest files of a folder when it holds more than `most`, down to three quarters of it. */
export function removeOldest(dir: string, most: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  if (names.length <= most) return;
  const aged: [string, number][] = [];
  for (const name of names) {
    try {
      aged.push([name, statSync(path.join(dir, name)).mtimeMs]);
    } catch {
      // Removed meanwhile by another run.
    }
  }
  aged.sort((a, b) => a[1] - b[1]);
  for (const [name] of aged.slice(0, aged.length - Math.floor((most * 3) / 4))) {
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // Removed meanwhile, or a read-only installation.
    }
  }
}
