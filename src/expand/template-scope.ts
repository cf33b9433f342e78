import { closest } from '../format/closest.js';
import { BUILTIN_HELPERS } from '../format/helpers/registry.js';
import type { ParamsOf } from '../messages/catalogue.js';
import { HELPER_OPTIONS } from './helpers/registry.js';

type ProblemId = 'template-missing-key' | 'template-unknown-helper' | 'template-unknown-partial' | 'template-helper.unknown-option';

/** A problem found by walking a template's syntax tree before rendering it. */
export type TemplateProblem = {
  [K in ProblemId]: { id: K; params: ParamsOf<K>; line: number; /** 1-based. */ column: number };
}[ProblemId];

type Node = hbs.AST.Node;
type Scope = { value: unknown; known: boolean; params: Map<string, unknown> };

/**
 * Walks a parsed Handlebars template and checks, without rendering, that every
 * data path exists in the context, every helper and partial is known. Reports
 * all problems, where strict Handlebars would stop at the first.
 */
export function checkTemplateScope(
  program: hbs.AST.Program,
  context: unknown,
  helpers: readonly string[],
  partials: readonly string[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const allHelpers = [...helpers, ...BUILTIN_HELPERS];
  const at = (node: Node): { line: number; column: number } => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });

  const resolve = (path: hbs.AST.PathExpression, scopes: Scope[]): void => {
    if (path.data) return; // @index, @key, @root …
    const scope = scopes[Math.max(0, scopes.length - 1 - path.depth)];
    if (!scope?.known) return;
    let current: unknown = scope.value;
    let parts = path.parts;
    const first = parts[0];
    if (first !== undefined && scope.params.has(first)) {
      current = scope.params.get(first);
      parts = parts.slice(1);
    }
    const walked: string[] = [];
    for (const part of parts) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
        const keys = current !== null && typeof current === 'object' && !Array.isArray(current) ? Object.keys(current) : [];
        problems.push({ id: 'template-missing-key', ...at(path), params: { expression: path.original, part, where: walked.join('.'), hint: closest(part, keys), known: keys } });
        return;
      }
      current = (current as Record<string, unknown>)[part];
      walked.push(part);
    }
  };

  const expression = (node: Node, scopes: Scope[]): void => {
    switch (node.type) {
      case 'PathExpression':
        resolve(node as hbs.AST.PathExpression, scopes);
        return;
      case 'SubExpression':
        call(node as hbs.AST.SubExpression, scopes, true);
        return;
      default:
        return; // literals
    }
  };

  const call = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, scopes: Scope[], isHelper: boolean): void => {
    const path = node.path as hbs.AST.PathExpression;
    const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    const name = path.original;
    if (isHelper || hasArgs || allHelpers.includes(name)) {
      if (!allHelpers.includes(name)) {
        problems.push({ id: 'template-unknown-helper', ...at(node), params: { name, hint: closest(name, allHelpers), helpers: allHelpers } });
      }
      const known = HELPER_OPTIONS[name];
      for (const pair of known ? (node.hash?.pairs ?? []) : []) {
        if (!known?.includes(pair.key)) problems.push({ id: 'template-helper.unknown-option', ...at(pair), params: { helper: name, option: pair.key, known: [...(known ?? [])] } });
      }
    } else {
      resolve(path, scopes);
    }
    for (const p of node.params) expression(p, scopes);
    for (const pair of node.hash?.pairs ?? []) expression(pair.value, scopes);
  };

  const walk = (program: hbs.AST.Program | undefined, scopes: Scope[]): void => {
    for (const node of program?.body ?? []) {
      switch (node.type) {
        case 'MustacheStatement':
          call(node as hbs.AST.MustacheStatement, scopes, false);
          break;
        case 'BlockStatement': {
          const block = node as hbs.AST.BlockStatement;
          call(block, scopes, true);
          const name = (block.path as hbs.AST.PathExpression).original;
          const top = scopes[scopes.length - 1] as Scope;
          const arg = block.params[0];
          const argValue = arg?.type === 'PathExpression' ? lookup(arg as hbs.AST.PathExpression, scopes) : undefined;
          if (name === 'each') {
            const first = Array.isArray(argValue) ? argValue[0] : argValue && typeof argValue === 'object' ? Object.values(argValue)[0] : undefined;
            const params = new Map(top.params);
            const names = block.program.blockParams ?? [];
            if (names[0]) params.set(names[0], first);
            walk(block.program, [...scopes, { value: names[0] ? top.value : first, known: first !== undefined, params }]);
          } else if (name === 'with') {
            walk(block.program, [...scopes, { value: argValue, known: argValue !== undefined, params: top.params }]);
          } else {
            walk(block.program, scopes);
          }
          walk(block.inverse, scopes);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const partial = node as hbs.AST.PartialStatement;
          const partialName = partial.name.type === 'PathExpression' ? (partial.name as hbs.AST.PathExpression).original : undefined;
          if (partialName !== undefined && !partials.includes(partialName)) {
            problems.push({ id: 'template-unknown-partial', ...at(node), params: { name: partialName, hint: closest(partialName, partials), partials: [...partials] } });
          }
          break;
        }
        default:
          break;
      }
    }
  };

  const lookup = (path: hbs.AST.PathExpression, scopes: Scope[]): unknown => {
    const scope = scopes[Math.max(0, scopes.length - 1 - path.depth)];
    if (!scope?.known || path.data) return undefined;
    let current: unknown = scope.value;
    let parts = path.parts;
    if (parts[0] !== undefined && scope.params.has(parts[0])) {
      current = scope.params.get(parts[0]);
      parts = parts.slice(1);
    }
    for (const part of parts) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[part];
    }
    return current;
  };

  walk(program, [{ value: context, known: true, params: new Map() }]);
  return problems;
}
