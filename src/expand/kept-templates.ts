import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TOOL_ROOT } from '../load/load-report.js';
import { writeAtomically } from '../model/validators.js';

/** Where compiled templates are kept between runs, beside the compiled schemas. */
const CACHE_DIR = path.join(TOOL_ROOT, 'node_modules', '.cache', 'redovisning', 'templates');

/**
 * A template compiled as `hb.compile(text, options)` would compile it, kept
 * between runs by its text and options: Handlebars' compiler, cold, takes
 * some 50 ms for the layouts, a kept one 5. Unlike `compile` it compiles at
 * once, so a syntax error is thrown here, not at the first render.
 */
export function keptTemplate(hb: typeof Handlebars, text: string, options: CompileOptions): Handlebars.TemplateDelegate {
  const key = createHash('sha256').update(`${Handlebars.VERSION}\0${JSON.stringify(options)}\0${text}`).digest('hex').slice(0, 32);
  const file = path.join(CACHE_DIR, `${key}.js`);
  let spec: string | undefined;
  try {
    spec = readFileSync(file, 'utf8');
  } catch {
    // Not compiled before (or unreadable): compile it now.
  }
  if (spec === undefined) {
    spec = Handlebars.precompile(text, options) as string;
    writeAtomically(file, spec);
  }
  return hb.template(new Function(`return ${spec}`)() as Parameters<typeof Handlebars.template>[0]);
}

/** The options a template is compiled with. */
type CompileOptions = Parameters<typeof Handlebars.precompile>[1];
