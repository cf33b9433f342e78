import Handlebars from 'handlebars';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../format/closest.js';
import { strictOptions, syntaxProblem } from '../format/helpers/handlebars.js';
import { BUILTIN_HELPERS, FORMAT_HELPER_OPTIONS, FORMAT_HELPERS } from '../format/helpers/registry.js';
import type { Located } from './located.js';

/** A check's message, parsed and checked when the report is read. */
export type CompiledMessage = HandlebarsTemplateDelegate;

/**
 * Parses a check's message (`meddelande`) and checks what needs no data:
 * its syntax, that every helper is known, is given a value (`{{ar}}` alone
 * names the helper, not a field) and only options it knows. Each problem is
 * an error at the message, whether or not the check ever fails; returns
 * undefined then. The names of the data are checked against the entries
 * (see checks.ts).
 */
export function compileMessage(text: string, where: Located, hb: typeof Handlebars, diagnostics: Diagnostics): CompiledMessage | undefined {
  const options = { ...strictOptions(Object.keys(FORMAT_HELPERS)), noEscape: true };
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    const line = Number(/line (\d+)/.exec(lines[0] ?? '')?.[1] ?? 0);
    const column = (lines[2] ?? '').indexOf('^');
    const at = line === 1 && column >= 0 ? where.at(Math.max(0, column - Math.max(0, (lines[1] ?? '').length - text.length))) : where.point;
    diagnostics.error('check-message.syntax', where.file, at, syntaxProblem(error as Error));
    return undefined;
  }
  const point = (node: hbs.AST.Node): Located['point'] => (node.loc.start.line === 1 ? where.at(node.loc.start.column) : where.point);
  let ok = true;
  const call = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement): void => {
    const path = node.path as hbs.AST.PathExpression;
    const name = path.type === 'PathExpression' ? path.original : undefined;
    const helper = name !== undefined && Object.hasOwn(FORMAT_HELPERS, name);
    const named = node.type !== 'MustacheStatement' || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (named && !helper && !BUILTIN_HELPERS.includes(name ?? '')) {
      const helpers = [...Object.keys(FORMAT_HELPERS), ...BUILTIN_HELPERS];
      diagnostics.error('template-unknown-helper', where.file, point(node), { name: name ?? '', hint: closest(name ?? '', helpers), helpers });
      ok = false;
      return;
    }
    if (helper && node.params.length === 0) {
      diagnostics.error('template-helper.no-value', where.file, point(node), { helper: name });
      ok = false;
    }
    const known = helper ? (FORMAT_HELPER_OPTIONS[name] ?? []) : BUILTIN_HELPERS.includes(name ?? '') ? undefined : [];
    for (const pair of known ? (node.hash?.pairs ?? []) : []) {
      if (known?.includes(pair.key)) continue;
      diagnostics.error('template-helper.unknown-option', where.file, point(pair), { helper: name ?? '', option: pair.key, known: [...(known ?? [])] });
      ok = false;
    }
    for (const p of node.params) if (p.type === 'SubExpression') call(p as hbs.AST.SubExpression);
  };
  const walk = (block: hbs.AST.Program | undefined): void => {
    for (const node of block?.body ?? []) {
      if (node.type === 'MustacheStatement') call(node as hbs.AST.MustacheStatement);
      if (node.type === 'BlockStatement') {
        const b = node as hbs.AST.BlockStatement;
        for (const p of b.params) if (p.type === 'SubExpression') call(p as hbs.AST.SubExpression);
        walk(b.program);
        walk(b.inverse);
      }
    }
  };
  walk(program);
  if (!ok) return undefined;
  try {
    // Compiled now, so that nothing is left to fail but the data's names.
    hb.precompile(text, options);
  } catch (error) {
    diagnostics.error('check-message', where.file, where.point, { key: undefined, reason: ((error as Error).message.split('\n')[0] ?? '').replace(/ - \d+:\d+$/, '') });
    return undefined;
  }
  return hb.compile(text, options);
}
