import jsonata from 'jsonata';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../format/closest.js';
import type { ExpressionReason } from '../messages/catalogue/jsonata.js';
import { DATE_FUNCTIONS } from './date-functions.js';
import type { Located } from './located.js';
import type { JsonataFailure } from './sandbox-protocol.js';
import { followPath, runInSandbox, scopeId, SANDBOX_LIMITS, wire, type Stopped } from './sandbox-runner.js';

/**
 * Bounds on every expression a report declares. JSONata's own guardrails
 * enforce them: a runaway loop or recursion stops with a located error
 * instead of hanging the build, and no sequence grows past the limit.
 */
export const EXPRESSION_LIMITS = { timeoutMs: 1000, stack: 500, sequence: 200_000 } as const;

/**
 * Functions the report's expressions may not call: `$eval` would run text
 * past these checks, and the clock and chance would make two builds differ.
 */
const FORBIDDEN = new Set(['eval', 'now', 'millis', 'random']);

/** A node of JSONata's syntax tree (the parts this module reads). */
interface Node {
  type: string;
  value?: unknown;
  position?: number;
  steps?: Node[];
  [key: string]: unknown;
}

/** A parsed expression with the place the author wrote it. */
export interface Expression {
  text: string;
  where: Located;
  compiled: jsonata.Expression;
  ast: Node;
}

/** The outcome of evaluating an expression: a value, or a failure already reported. */
export type Evaluated = { ok: true; value: unknown } | { ok: false };

/** A failure as the catalogue words it (`jsonata.<code>`, in messages/catalogue/jsonata.ts). */
function reasonOf(e: JsonataFailure, fallback: unknown): ExpressionReason {
  return { code: e.code, token: e.token, value: e.value, index: e.index, message: e.message ?? String(fallback) };
}

/**
 * Parses an expression the author wrote at `where`. Syntax errors, regular
 * expressions (which could backtrack for ever) and the forbidden functions
 * are reported at the expression, at the column JSONata names when it can.
 * With `variables` (the names the expression's context binds, such as
 * `data`), a variable that nothing binds is an error at its column.
 */
export function compileExpression(text: string, where: Located, diagnostics: Diagnostics, variables?: readonly string[]): Expression | undefined {
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(text, { timeout: EXPRESSION_LIMITS.timeoutMs, stack: EXPRESSION_LIMITS.stack, sequence: EXPRESSION_LIMITS.sequence });
  } catch (error) {
    const e = error as JsonataFailure;
    const offset = e.token === '(end)' ? text.length : typeof e.position === 'number' ? Math.max(0, e.position - (e.token?.length ?? (e.code === 'S0213' ? String(e.value).length : 1))) : 0;
    diagnostics.error('expression-syntax', where.file, where.at(offset), { expression: text, reason: reasonOf(e, error) });
    return undefined;
  }
  const ast = compiled.ast() as Node;
  let allowed = true;
  walkNodes(ast, (node) => {
    if (!allowed) return;
    const forbidden = node.type === 'regex' ? 'regex' : node.type === 'variable' && FORBIDDEN.has(String(node.value)) ? `$${String(node.value)}` : undefined;
    if (forbidden) {
      const offset = Math.max(0, text.indexOf(forbidden === 'regex' ? '/' : forbidden));
      diagnostics.error('expression-not-allowed', where.file, where.at(offset), { expression: text, what: forbidden === 'regex' ? '/…/' : forbidden });
      allowed = false;
    }
  });
  if (!allowed) return undefined;
  if (variables) {
    const unknown = unknownVariable(ast, variables);
    if (unknown) {
      const offset = typeof unknown.position === 'number' ? Math.max(0, unknown.position - unknown.name.length - 1) : 0;
      diagnostics.error('expression-unknown-variable', where.file, where.at(offset), { expression: text, name: unknown.name, hint: closest(unknown.name, [...variables]), known: [...variables] });
      return undefined;
    }
  }
  return { text, where, compiled, ast };
}

/** JSONata's own functions (2.x), which every expression may call. */
const JSONATA_FUNCTIONS = new Set(
  ('sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad match contains replace split join ' +
    'formatNumber formatBase formatInteger parseInteger number floor ceil round abs sqrt power boolean not map zip filter single reduce sift keys lookup ' +
    'append exists spread merge reverse each error assert type sort shuffle distinct encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl toMillis ' +
    'fromMillis clone base64encode base64decode').split(' '),
);

/**
 * The first variable an expression reads that nothing binds: not one the
 * context gives (`variables`, such as `data`), a function (JSONata's or the
 * report's), `$`, `$$`, nor a name the expression binds itself (`$x := …`,
 * a function's parameters, `@$x`, `#$i`).
 */
function unknownVariable(ast: Node, variables: readonly string[]): { name: string; position: number | undefined } | undefined {
  const bound = new Set<string>(['', '$', ...variables, ...Object.keys(DATE_FUNCTIONS)]);
  walkNodes(ast, (node) => {
    if (node.type === 'bind' && (node['lhs'] as Node | undefined)?.type === 'variable') bound.add(String((node['lhs'] as Node).value));
    if (node.type === 'lambda') for (const a of (node['arguments'] as Node[] | undefined) ?? []) bound.add(String(a.value));
    for (const key of ['focus', 'index']) if (typeof node[key] === 'string') bound.add(node[key]);
  });
  let found: { name: string; position: number | undefined } | undefined;
  walkNodes(ast, (node) => {
    if (found || node.type !== 'variable') return;
    const name = String(node.value);
    if (!bound.has(name) && !JSONATA_FUNCTIONS.has(name)) found = { name, position: node.position };
  });
  return found;
}

/** Calls `visit` on every node of a syntax tree. */
function walkNodes(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walkNodes(n, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const [key, value] of Object.entries(n)) {
    if (key === 'value' && n.type !== 'regex') continue;
    if (value && typeof value === 'object') walkNodes(value, visit);
  }
}

/**
 * Variables every evaluation binds over JSONata's own: the report's own
 * functions (DATE_FUNCTIONS), and the forbidden ones, which refuse.
 */
export function guardBindings(bindings: Record<string, unknown>): Record<string, unknown> {
  const refuse = (): never => {
    throw { code: 'not-allowed', message: 'function not allowed' };
  };
  return { ...bindings, ...DATE_FUNCTIONS, eval: refuse, now: refuse, millis: refuse, random: refuse };
}

/** Reports why JSONata stopped an expression, at the expression (at the column it names, when it does). */
export function reportFailure(expr: Pick<Expression, 'text' | 'where'>, e: JsonataFailure, diagnostics: Diagnostics): void {
  if (e.code === 'D1012' || e.code === 'D1011') {
    diagnostics.error('expression-timeout', expr.where.file, expr.where.point, { expression: expr.text, limit: EXPRESSION_LIMITS.timeoutMs });
  } else {
    const offset = typeof e.position === 'number' ? Math.max(0, e.position - (e.token?.length ?? 1)) : 0;
    diagnostics.error('expression-failed', expr.where.file, expr.where.at(offset), { expression: expr.text, reason: reasonOf(e, e) });
  }
}

/** Reports an expression the sandbox stopped: it outlived its time, or needed more memory than the sandbox has. */
export function reportStopped(expr: Pick<Expression, 'text' | 'where'>, stopped: Stopped, diagnostics: Diagnostics): void {
  if (stopped.why === 'time') diagnostics.error('expression-timeout', expr.where.file, expr.where.point, { expression: expr.text, limit: EXPRESSION_LIMITS.timeoutMs });
  else diagnostics.error('expression-timeout.memory', expr.where.file, expr.where.point, { expression: expr.text, limit: SANDBOX_LIMITS.memoryMb });
}

/**
 * Evaluates an expression against `input` (the data, or one entry of it)
 * with extra variables, in the sandbox: within its time budget
 * (EXPRESSION_LIMITS) and the sandbox's memory. Failures (a type error, a
 * runaway loop, a value too large) are reported at the expression; the
 * value is then not available. Entries of the result that are entries of
 * the data are the data's own objects (so their places are known).
 */
export async function evaluateExpression(expr: Expression, input: unknown, bindings: Record<string, unknown>, diagnostics: Diagnostics): Promise<Evaluated> {
  const wired = Object.fromEntries(Object.entries(bindings).map(([k, v]) => [k, wire(v)]));
  const result = await runInSandbox({ kind: 'evaluate', text: expr.text, input: wire(input), bindings: wired, budgetMs: EXPRESSION_LIMITS.timeoutMs }, [input, ...Object.values(bindings)]);
  if (result.kind === 'stopped') {
    reportStopped(expr, result, diagnostics);
    return { ok: false };
  }
  if (result.kind !== 'evaluate') {
    reportFailure(expr, { message: result.kind === 'crashed' ? result.reason : 'no answer' }, diagnostics);
    return { ok: false };
  }
  const evaluation = result.evaluation;
  if (!evaluation.ok) {
    reportFailure(expr, evaluation.failure, diagnostics);
    return { ok: false };
  }
  const scope = scopeId(input) !== undefined ? input : scopeId(bindings['data']) !== undefined ? bindings['data'] : undefined;
  return { ok: true, value: ownObjects(evaluation.value, evaluation.paths, scope) };
}

/** A result with its entries (or itself) replaced by the scope's own objects where the sandbox found their paths. */
function ownObjects(value: unknown, paths: ((string | number)[] | undefined)[] | undefined, scope: unknown): unknown {
  if (!paths || scope === undefined) return value;
  if (Array.isArray(value)) return value.map((v, i) => (paths[i] ? followPath(scope, paths[i]) : v));
  return paths[0] ? followPath(scope, paths[0]) : value;
}

/**
 * JSONata returns sequences (arrays with extra flags) and functions; the
 * report sees plain values: arrays as arrays, functions as nothing.
 */
export function normalise(value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/** A path the data does not have, with what the data has there instead. */
export interface MissingPath {
  path: string;
  hint: string | undefined;
  known: string[];
}

/**
 * Finds the first path in an expression that the data does not have
 * (`budget.projektt`), to explain an expression that gave nothing. Paths
 * are followed from the input (or a bound variable such as `$data`) through
 * mappings and lists; paths inside `$exists(…)`, inside predicates and in
 * functions the author defines are left alone, as they may be optional.
 */
export function findMissingPath(expr: Expression, input: unknown, bindings: Record<string, unknown>): MissingPath | undefined {
  let found: MissingPath | undefined;
  const follow = (start: unknown[], names: string[], prefix: string[]): void => {
    let current = start;
    const walked = [...prefix];
    for (const name of names) {
      const holders = current.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Record<string, unknown>[];
      if (holders.length === 0) return;
      const next: unknown[] = [];
      for (const h of holders) if (Object.hasOwn(h, name)) next.push(h[name]);
      if (next.length === 0) {
        const known = [...new Set(holders.flatMap((h) => Object.keys(h)))];
        found = { path: [...walked, name].join('.'), hint: closest(name, known), known };
        return;
      }
      walked.push(name);
      current = next.flatMap((v) => (Array.isArray(v) ? v : [v]));
    }
  };
  const visit = (node: Node | undefined): void => {
    if (!node || found) return;
    switch (node.type) {
      case 'path': {
        const steps = node.steps ?? [];
        const first = steps[0];
        let start: unknown[] | undefined;
        let from = 0;
        let prefix: string[] = [];
        if (first?.type === 'variable') {
          const name = String(first.value);
          if (name === '' || name === '$') start = [input];
          else if (Object.hasOwn(bindings, name)) {
            start = [bindings[name]];
            prefix = [`$${name}`];
          }
          from = 1;
        } else {
          start = [input];
        }
        const names: string[] = [];
        for (const step of steps.slice(from)) {
          if (step.type !== 'name') break;
          names.push(String(step.value));
          if (step['stages'] || step['predicate'] || step['group']) break;
        }
        if (start) follow(start.flatMap((v) => (Array.isArray(v) ? v : [v])), names, prefix);
        return;
      }
      case 'name':
        follow([input].flatMap((v) => (Array.isArray(v) ? v : [v])), [String(node.value)], []);
        return;
      case 'function': {
        const procedure = node['procedure'] as Node | undefined;
        if (procedure?.type === 'variable' && procedure.value === 'exists') return;
        for (const a of (node['arguments'] as Node[] | undefined) ?? []) visit(a);
        return;
      }
      case 'binary':
        visit(node['lhs'] as Node);
        visit(node['rhs'] as Node);
        return;
      case 'condition':
        visit(node['condition'] as Node);
        visit(node['then'] as Node);
        visit(node['else'] as Node);
        return;
      case 'block':
        for (const e of (node['expressions'] as Node[] | undefined) ?? []) visit(e);
        return;
      case 'bind':
        visit(node['rhs'] as Node);
        return;
      case 'unary':
        if (node.value === '-') visit(node['expression'] as Node);
        else if (node.value === '[') for (const e of (node['expressions'] as Node[] | undefined) ?? []) visit(e);
        return;
      case 'apply':
        visit(node['lhs'] as Node);
        return;
      default:
        return;
    }
  };
  visit(expr.ast);
  return found;
}

const NEGATED: Record<string, string> = { '=': '≠', '!=': '=', '<': '≥', '<=': '>', '>': '≤', '>=': '<' };

/**
 * What a failed comparison compared, for the message: the values on both
 * sides, with the operands of sums and differences shown one by one
 * (`19 350 000 + 650 000 ≠ 20 000 000`). Numbers stay numbers so the
 * message formats them in the author's language. Undefined when the
 * condition is not a comparison.
 */
export async function comparisonOf(expr: Expression, input: unknown, bindings: Record<string, unknown>): Promise<(string | number)[] | undefined> {
  const root = expr.ast;
  if (root.type !== 'binary' || typeof root.value !== 'string' || !(root.value in NEGATED) || typeof root.position !== 'number') return undefined;
  const op = root.value;
  const cut = root.position - op.length;
  const sides = [expr.text.slice(0, cut), expr.text.slice(root.position)];
  const out: (string | number)[] = [];
  for (const [i, side] of sides.entries()) {
    const terms = await termsOf(side.trim(), input, bindings, 0);
    if (!terms) return undefined;
    out.push(...terms);
    if (i === 0) out.push(NEGATED[op] ?? op);
  }
  return out;
}

/** The values of a sum or difference, term by term; a single value otherwise. */
async function termsOf(text: string, input: unknown, bindings: Record<string, unknown>, depth: number): Promise<(string | number)[] | undefined> {
  let node: Node;
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(text, { timeout: EXPRESSION_LIMITS.timeoutMs, stack: EXPRESSION_LIMITS.stack, sequence: EXPRESSION_LIMITS.sequence });
    node = compiled.ast() as Node;
  } catch {
    return undefined;
  }
  if (depth < 8 && node.type === 'binary' && (node.value === '+' || node.value === '-') && typeof node.position === 'number') {
    const left = await termsOf(text.slice(0, node.position - 1).trim(), input, bindings, depth + 1);
    const right = await termsOf(text.slice(node.position).trim(), input, bindings, depth + 1);
    if (left && right) return [...left, String(node.value), ...right];
  }
  try {
    return [shown(normalise(await compiled.evaluate(input, guardBindings(bindings))))];
  } catch {
    return undefined;
  }
}

/** A value as a comparison shows it: numbers as numbers, the rest as short text. */
function shown(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (value === undefined) return '∅';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Reports why an expression gave nothing: the first path the data does not
 * have (with a "did you mean"), or else simply that it gave no value.
 */
export function reportNoValue(expr: Expression, input: unknown, bindings: Record<string, unknown>, diagnostics: Diagnostics): void {
  const missing = findMissingPath(expr, input, bindings);
  if (missing) diagnostics.error('expression-missing-path', expr.where.file, expr.where.point, { expression: expr.text, path: missing.path, hint: missing.hint, known: missing.known });
  else diagnostics.error('expression-no-value', expr.where.file, expr.where.point, { expression: expr.text });
}

/**
 * The paths under `root` an expression reads (`berakning.summa.uppdrag` →
 * `summa.uppdrag`), from the data's root or through `$data`.
 */
export function pathsUnder(expr: Expression, root: string): string[] {
  const out: string[] = [];
  walkNodes(expr.ast, (node) => {
    if (node.type !== 'path') return;
    const steps = node.steps ?? [];
    let i = 0;
    if (steps[0]?.type === 'variable' && steps[0].value === 'data') i = 1;
    if (steps[i]?.type !== 'name' || steps[i]?.value !== root) return;
    const names: string[] = [];
    for (const step of steps.slice(i + 1)) {
      if (step.type !== 'name') break;
      names.push(String(step.value));
      if (step['stages'] || step['predicate']) break;
    }
    out.push(names.join('.'));
  });
  return out;
}
