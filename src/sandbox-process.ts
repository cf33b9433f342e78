// The sandbox: a process of its own that runs what a report programs (its
// JSONata expressions and its Vega-Lite charts), so that a limit can really
// stop them. Its heap is capped (an expression that fills the memory ends
// this process, not the build), and the build kills it when a job outlives
// its budget (one native call, such as a huge $pad, cannot be interrupted
// from inside). Started by model/sandbox-runner.ts; answers one job at a time.
import jsonata from 'jsonata';
import { indexPaths } from './model/places.js';
import { comparisonOf, EXPRESSION_LIMITS, guardBindings, normalise, type Expression } from './model/expressions.js';
import type { CheckOutcome, Evaluation, FromSandbox, JsonataFailure, SandboxJob, SandboxResult, ToSandbox, Wire } from './model/sandbox-protocol.js';

const send = (message: FromSandbox): void => {
  process.send?.(message);
};

/** The scopes the build has sent, by id (the last few: a preview sends a new one per build). */
const scopes = new Map<number, unknown>();
/** The path of every entry of a scope, by the entry itself. */
const pathsOf = new WeakMap<object, WeakMap<object, (string | number)[]>>();

function pathIndex(scope: unknown): WeakMap<object, (string | number)[]> {
  const known = scope && typeof scope === 'object' ? pathsOf.get(scope) : undefined;
  if (known) return known;
  // The data files, as the build's own places know them (computed values are not written anywhere).
  const paths = indexPaths(scope && typeof scope === 'object' ? Object.entries(scope).filter(([name]) => name !== 'berakning') : []);
  if (scope && typeof scope === 'object') pathsOf.set(scope, paths);
  return paths;
}

const unwire = (w: Wire): unknown => ('scope' in w ? scopes.get(w.scope) : w.value);

/** The options every expression is compiled with; `timeout` is set to what is left of the job's budget before each evaluation. */
const options: { timeout: number; stack: number; sequence: number } = { timeout: EXPRESSION_LIMITS.timeoutMs, stack: EXPRESSION_LIMITS.stack, sequence: EXPRESSION_LIMITS.sequence };
const compiled = new Map<string, Expression>();

/** An expression compiled once (the build has compiled and checked it already). */
function expression(text: string): Expression {
  let expr = compiled.get(text);
  if (!expr) {
    const c = jsonata(text, options);
    expr = { text, compiled: c, ast: c.ast() as Expression['ast'], where: undefined as never };
    if (compiled.size > 2000) compiled.clear();
    compiled.set(text, expr);
  }
  return expr;
}

function failureOf(error: unknown): JsonataFailure {
  const e = (error ?? {}) as JsonataFailure;
  const { code, position, token, index, message } = e;
  let value: unknown;
  try {
    value = structuredClone(e.value);
  } catch {
    value = undefined;
  }
  return { code, position, token, value, index, message: message ?? String(error) };
}

/** Whether a value holds more than `limit` items in all, counted through its lists and mappings (stopping at the limit). */
function itemsOver(value: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    const items = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    count += items.length;
    if (count > limit) return true;
    for (const item of items) if (item && typeof item === 'object') stack.push(item);
  }
  return false;
}

async function evaluate(text: string, input: unknown, bindings: Record<string, unknown>, deadline: number): Promise<Evaluation> {
  options.timeout = Math.max(1, deadline - Date.now());
  try {
    const value = normalise(await expression(text).compiled.evaluate(input, guardBindings(bindings)));
    // A value of more items than a list may hold is refused here, before it is copied to the build.
    if (itemsOver(value, EXPRESSION_LIMITS.sequence)) throw new Error(`the value holds more than ${EXPRESSION_LIMITS.sequence} items`);
    return { ok: true, value, paths: undefined };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** The paths in the scope of a value's entries (or of the value itself), so the build can use its own objects. */
function pathsIn(scope: unknown, value: unknown): ((string | number)[] | undefined)[] | undefined {
  if (!scope || !value || typeof value !== 'object') return undefined;
  const index = pathIndex(scope);
  const list = Array.isArray(value) ? value : [value];
  // The whole scope (`$`) is the path [].
  const paths = list.map((v) => (v === scope ? [] : v && typeof v === 'object' ? index.get(v) : undefined));
  return paths.some((p) => p) ? paths : undefined;
}

function at(scope: unknown, path: readonly (string | number)[]): unknown {
  let v = scope;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

async function runCheck(job: Extract<SandboxJob, { kind: 'check' }>, deadline: number): Promise<SandboxResult> {
  const scope = scopes.get(job.scope);
  const bindings = { data: scope };
  let entries: { value: unknown; path: (string | number)[] | undefined; listed: boolean }[];
  if (!job.each) entries = [{ value: scope, path: [], listed: false }];
  else if ('paths' in job.each) entries = job.each.paths.map((p) => ({ value: at(scope, p), path: p, listed: false }));
  else {
    const listed = await evaluate(job.each.text, scope, bindings, deadline);
    if (!listed.ok) return { kind: 'check', run: { outcomes: [{ index: 0, stage: 'each', failure: listed.failure }], more: 0 } };
    // Nothing to check: the build looks at why (an empty list, or a misspelt path).
    if (listed.value === undefined) return { kind: 'check', run: { outcomes: [{ index: 0, stage: 'each', value: undefined }], more: 0 } };
    const values = Array.isArray(listed.value) ? listed.value : [listed.value];
    const index = pathIndex(scope);
    // The entries as the scope holds them (normalise copied the list, not its entries).
    entries = values.map((v) => ({ value: v, path: v && typeof v === 'object' ? index.get(v) : undefined, listed: true }));
  }
  const outcomes: CheckOutcome[] = [];
  let more = 0;
  for (const [i, entry] of entries.entries()) {
    const shown = (): CheckOutcome['entry'] => (entry.listed ? { value: entry.value, path: entry.path } : undefined);
    // With varje, $nyckel is the entry's key in its mapping (its index in a list), or its place among the entries of an expression.
    const own = job.each ? { data: scope, nyckel: entry.listed ? i : entry.path?.[entry.path.length - 1] } : bindings;
    if (job.applies !== undefined) {
      const applies = await evaluate(job.applies, entry.value, own, deadline);
      if (!applies.ok) {
        outcomes.push({ index: i, entry: shown(), stage: 'applies', failure: applies.failure });
        break;
      }
      if (applies.value !== true) continue;
    }
    const result = await evaluate(job.condition, entry.value, own, deadline);
    if (!result.ok) {
      outcomes.push({ index: i, entry: shown(), stage: 'condition', failure: result.failure });
      break;
    }
    if (result.value === true) continue;
    if (outcomes.length >= job.cap) {
      more++;
      continue;
    }
    const failed = result.value === false || result.value === undefined;
    const comparison = failed ? await comparisonOf(expression(job.condition), entry.value, own) : undefined;
    outcomes.push({ index: i, entry: shown(), stage: 'condition', value: result.value, comparison });
  }
  return { kind: 'check', run: { outcomes, more } };
}

async function run(job: SandboxJob): Promise<SandboxResult> {
  const deadline = Date.now() + job.budgetMs;
  switch (job.kind) {
    case 'evaluate': {
      const input = unwire(job.input);
      const bindings = Object.fromEntries(Object.entries(job.bindings).map(([k, w]) => [k, unwire(w)]));
      const evaluation = await evaluate(job.text, input, bindings, deadline);
      if (evaluation.ok) evaluation.paths = pathsIn('scope' in job.input ? input : 'data' in job.bindings && job.bindings['data'] && 'scope' in job.bindings['data'] ? bindings['data'] : undefined, evaluation.value);
      return { kind: 'evaluate', evaluation };
    }
    case 'check':
      return runCheck(job, deadline);
    case 'chart': {
      const { vegaLiteToSvg } = await import('./figures/vega-svg.js');
      return { kind: 'chart', drawing: await vegaLiteToSvg(job.spec) };
    }
  }
}

let current: number | undefined;
// An error thrown where no one catches it (Vega's renderer has done so) ends the job with its reason, and this process.
process.on('uncaughtException', (error) => {
  if (current !== undefined) send({ id: current, result: { kind: 'crashed', reason: (error.message ?? String(error)).split('\n')[0] ?? '' } });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  if (current !== undefined) send({ id: current, result: { kind: 'crashed', reason: ((error as Error)?.message ?? String(error)).split('\n')[0] ?? '' } });
  process.exit(70);
});
// The build ended (or stopped listening): so does the sandbox.
process.on('disconnect', () => process.exit(0));

let queue = Promise.resolve();
process.on('message', (message: ToSandbox) => {
  queue = queue.then(async () => {
    for (const [id, scope] of Object.entries(message.scopes)) {
      scopes.set(Number(id), scope);
      // Keep the last few scopes only.
      for (const old of scopes.keys()) if (scopes.size > 4 && old !== Number(id)) scopes.delete(old);
    }
    current = message.id;
    // The job's clock starts now, not when it was sent (a job may wait behind another, or behind Vega loading).
    send({ started: message.id });
    let result: SandboxResult;
    try {
      result = await run(message.job);
    } catch (error) {
      result = { kind: 'crashed', reason: ((error as Error).message ?? String(error)).split('\n')[0] ?? '' };
    }
    current = undefined;
    try {
      send({ id: message.id, result });
    } catch (error) {
      send({ id: message.id, result: { kind: 'crashed', reason: (error as Error).message } });
    }
  });
});
send({ ready: true });
// A report with charts: Vega loads while the build reads the report, not when the first chart is drawn.
if (process.argv.includes('--charts')) setImmediate(() => void import('./figures/vega-svg.js').then((m) => m.loadVega()));
