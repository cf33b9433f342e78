import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { checkValues } from '../parse/value-checks.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { compileExpression, evaluateExpression, pathsUnder, reportNoValue, type Expression } from './expressions.js';
import { locate } from './located.js';
import { scopeChanged } from './sandbox-runner.js';

/** One declared value: its name (`summa.uppdrag`), and its expression, its literal, or nothing when it does not parse. */
type Declared = { name: string; segments: string[] } & ({ kind: 'expression'; expr: Expression } | { kind: 'literal'; value: unknown } | { kind: 'broken' });

/**
 * The declared values of `data/berakning.yaml`, leaf by leaf (mappings group
 * them). A value whose expression does not parse is kept as broken, so that
 * it counts as failed while the others are still computed.
 */
function declaredValues(parsed: ParsedYaml, diagnostics: Diagnostics): Declared[] {
  const out: Declared[] = [];
  const walk = (value: unknown, segments: string[]): void => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) walk(v, [...segments, key]);
      return;
    }
    const name = segments.join('.');
    if (typeof value !== 'string') {
      out.push({ name, segments, kind: 'literal', value });
      return;
    }
    const expr = compileExpression(value, locate(parsed, segments, value), diagnostics);
    out.push(expr ? { name, segments, kind: 'expression', expr } : { name, segments, kind: 'broken' });
  };
  walk(parsed.value, []);
  return out;
}

/** True when `value` is, or holds, `target` (a value that holds the data's root would hold itself). */
function holds(value: unknown, target: object, seen = new Set<object>()): boolean {
  if (value === target) return true;
  if (!value || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => holds(v, target, seen));
}

/** Puts a value at a dotted place in a nested object. */
function put(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let current = target;
  for (const key of segments.slice(0, -1)) {
    if (!current[key] || typeof current[key] !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = segments[segments.length - 1];
  if (last !== undefined) current[last] = value;
}

/**
 * Computes the report's named values (`data/berakning.yaml`): each is a
 * JSONata expression over the data, and may use other computed values as
 * `berakning.<name>`. They are computed in the order they depend on each
 * other; a cycle, an expression that fails or gives nothing is a located
 * error (a value that depends on a failed one is left out silently). Fills
 * `scope.berakning` and returns true when every value is known.
 */
export async function computeValues(parsed: ParsedYaml | undefined, scope: Record<string, unknown>, diagnostics: Diagnostics): Promise<boolean> {
  const computed: Record<string, unknown> = {};
  scope['berakning'] = computed;
  if (!parsed) return true;
  const declared = declaredValues(parsed, diagnostics);
  const state = new Map<string, 'doing' | 'done' | 'failed'>();
  const bindings = { data: scope };

  const compute = async (d: Declared, chain: string[]): Promise<boolean> => {
    const seen = state.get(d.name);
    if (seen === 'done') return true;
    if (seen === 'failed') return false;
    if (seen === 'doing') {
      const cycle = [...chain.slice(chain.indexOf(d.name)), d.name];
      const where = d.kind === 'expression' ? d.expr.where : locate(parsed, d.segments);
      diagnostics.error('expression-cycle', where.file, where.point, { name: d.name, cycle: cycle.map((c) => `berakning.${c}`) });
      state.set(d.name, 'failed');
      return false;
    }
    if (d.kind !== 'expression') {
      if (d.kind === 'literal') put(computed, d.segments, d.value);
      state.set(d.name, d.kind === 'literal' ? 'done' : 'failed');
      return d.kind === 'literal';
    }
    state.set(d.name, 'doing');
    let ok = true;
    // First what it reads: a path names one value, or a group of them.
    for (const used of pathsUnder(d.expr, 'berakning')) {
      for (const dependency of declared.filter((o) => o.name === used || o.name.startsWith(`${used}.`) || used.startsWith(`${o.name}.`))) {
        if (!(await compute(dependency, [...chain, d.name]))) ok = false;
      }
    }
    if (ok) {
      const result = await evaluateExpression(d.expr, scope, bindings, diagnostics);
      if (!result.ok) ok = false;
      else if (result.value === undefined) {
        reportNoValue(d.expr, scope, bindings, diagnostics);
        ok = false;
      } else if (holds(result.value, scope)) {
        // `$` (the whole data) would put the data inside itself.
        diagnostics.error('expression-cycle', d.expr.where.file, d.expr.where.point, { name: d.name, cycle: [`berakning.${d.name}`, 'berakning'] });
        ok = false;
      } else {
        // A computed value may not hold what no data file may (an impossible date, 1e300, a private-use character).
        checkValues(result.value, d.expr.where.file, () => d.expr.where.point, diagnostics);
        put(computed, d.segments, result.value);
        scopeChanged(scope);
      }
    }
    if (state.get(d.name) === 'doing') state.set(d.name, ok ? 'done' : 'failed');
    return ok;
  };

  let all = true;
  for (const d of declared) if (!(await compute(d, []))) all = false;
  return all;
}
