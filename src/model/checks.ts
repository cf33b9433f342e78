import Handlebars from 'handlebars';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../format/closest.js';
import { HelperError } from '../format/helpers/helper-error.js';
import { FORMAT_HELPERS } from '../format/helpers/registry.js';
import { describeValue } from '../messages/message.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { compileMessage, type CompiledMessage } from './check-message.js';
import { compileExpression, EXPRESSION_LIMITS, findMissingPath, reportFailure, reportNoValue, reportStopped, type Expression } from './expressions.js';
import { locate, pathSegments, type Located } from './located.js';
import { followDataPath, type DataPlaces } from './places.js';
import { followPath, runInSandbox, scopeId } from './sandbox-runner.js';

/**
 * How many entries of one check are reported: a check that fails for more
 * says how many more (one message each would bury the rest of the report).
 */
export const CHECK_REPORT_LIMIT = 20;

interface CheckDef {
  id: string;
  villkor: string;
  meddelande: string;
  niva?: 'fel' | 'varning';
  varje?: string;
  om?: string;
  plats?: string;
}

/** A declared check, parsed. */
interface Check {
  def: CheckDef;
  condition: Expression;
  applies: Expression | undefined;
  each: Expression | undefined;
  message: Located;
  template: CompiledMessage;
  platsAt: Located;
}

/**
 * Runs the report's own checks (`data/kontroller.yaml`). Each is a condition
 * over the data (or, with `varje`, over each entry of a list) that must
 * hold; when it does not, the check's message is reported under the check's
 * own id, at the data it names (`plats`) or at the check, with the values
 * the condition compared. A condition that cannot be decided (it fails, or
 * names data that is not there) is an error at the condition.
 */
export async function runChecks(parsed: ParsedYaml | undefined, scope: Record<string, unknown>, places: DataPlaces, diagnostics: Diagnostics): Promise<void> {
  if (!parsed) return;
  const defs = parsed.value as CheckDef[];
  const checks: Check[] = [];
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(FORMAT_HELPERS)) hb.registerHelper(name, helper);
  // Everything the check says is compiled and checked now, whether or not the check fails.
  defs.forEach((def, i) => {
    const at = (field: keyof CheckDef): Located => locate(parsed, [i, field], def[field] as string | undefined);
    // With varje, $nyckel is the entry's key in its mapping (or its place in the list).
    const variables = def.varje === undefined ? ['data'] : ['data', 'nyckel'];
    const condition = compileExpression(def.villkor, at('villkor'), diagnostics, variables);
    const applies = def.om === undefined ? undefined : compileExpression(def.om, at('om'), diagnostics, variables);
    const each = def.varje === undefined ? undefined : compileExpression(def.varje, at('varje'), diagnostics, ['data']);
    const template = compileMessage(def.meddelande, at('meddelande'), hb, diagnostics);
    if (!condition || (def.om !== undefined && !applies) || (def.varje !== undefined && !each) || !template) return;
    checks.push({ def, condition, applies, each, message: at('meddelande'), template, platsAt: at('plats') });
  });
  for (const check of checks) await runCheck(check, scope, places, diagnostics);
}

/** One entry a check is tried on: the value, where it was written (when known) and its key in a mapping. */
interface Entry {
  value: unknown;
  path: (string | number)[] | undefined;
  key: string | number | undefined;
}

const PLAIN_PATH = /^[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*(?:\.[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*)*$/;

/**
 * The entries of a `varje` that is a plain path: a list gives its items, a
 * mapping its values (each with its key). Undefined for any other
 * expression (the sandbox evaluates it), and when the path names nothing.
 */
function plainEntries(check: Check, scope: Record<string, unknown>, diagnostics: Diagnostics): Entry[] | undefined | 'expression' {
  const each = check.each as Expression;
  if (!PLAIN_PATH.test(each.text)) return 'expression';
  const segments = each.text.split('.');
  let value: unknown = scope;
  for (const key of segments) value = value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  if (value === undefined) {
    reportNoValue(each, scope, { data: scope }, diagnostics);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((v, i) => ({ value: v, path: [...segments, i], key: i }));
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => ({ value: v, path: [...segments, k], key: k }));
  return [{ value, path: segments, key: segments[segments.length - 1] }];
}

/**
 * Checks, before the check runs, what the entries known now can tell: that
 * `plats` names a value in the data (without `varje`) or in some entry, and
 * that the message can be written for some entry (its names are there).
 * A check with `om` may name what only the entries it applies to have, and
 * entries of a `varje` expression are known only when they fail: those are
 * checked then.
 */
function checkAgainstEntries(check: Check, entries: readonly Entry[], scope: Record<string, unknown>, diagnostics: Diagnostics): boolean {
  if (entries.length === 0 || check.applies) return true;
  const plats = check.def.plats;
  if (plats !== undefined) {
    const followed = entries.map((e) => followDataPath(e.value, pathSegments(plats)));
    const first = followed[0];
    if (first && 'missing' in first && followed.every((f) => 'missing' in f)) {
      reportPlace(check, check.each !== undefined, first, diagnostics);
      return false;
    }
  }
  let firstProblem: Diagnostics | undefined;
  for (const entry of entries) {
    const trial = new Diagnostics();
    if (renderMessage(check, entry, scope, trial) !== undefined) return true;
    firstProblem ??= trial;
  }
  diagnostics.list.push(...(firstProblem?.list ?? []));
  return false;
}

/** Reports a `plats` that names nothing, at the `plats` itself. */
function reportPlace(check: Check, within: boolean, missing: { missing: string; known: string[] }, diagnostics: Diagnostics): void {
  const where = check.platsAt;
  diagnostics.error('check-place', where.file, where.point, { plats: check.def.plats ?? '', within, missing: missing.missing, hint: closest(missing.missing, missing.known), known: missing.known });
}

/**
 * Runs one check in the sandbox, over all its entries within one time
 * budget (EXPRESSION_LIMITS.timeoutMs for the whole check, however many
 * entries `varje` gives), and reports the entries that do not pass: the
 * first CHECK_REPORT_LIMIT of them, and how many more there were.
 */
async function runCheck(check: Check, scope: Record<string, unknown>, places: DataPlaces, diagnostics: Diagnostics): Promise<void> {
  const bindings = { data: scope };
  const plain = check.each ? plainEntries(check, scope, diagnostics) : [{ value: scope, path: [], key: undefined }];
  if (plain === undefined) return;
  const entries = plain === 'expression' ? undefined : plain;
  if (entries && !checkAgainstEntries(check, entries, scope, diagnostics)) return;
  const scoped = scopeId(scope) !== undefined;
  // Entries of the data are named by their paths; others (no shared scope) are checked here one by one.
  const each = !check.each ? undefined : entries ? { paths: entries.map((e) => e.path ?? []) } : { text: (check.each as Expression).text };
  const result = scoped
    ? await runInSandbox({ kind: 'check', each, applies: check.applies?.text, condition: check.condition.text, scope: scopeId(scope) as number, cap: CHECK_REPORT_LIMIT, budgetMs: EXPRESSION_LIMITS.timeoutMs }, [scope])
    : undefined;
  if (result?.kind === 'crashed') {
    reportFailure(check.each ?? check.condition, { message: result.reason }, diagnostics);
    return;
  }
  if (result?.kind !== 'check') {
    reportStopped(check.each ?? check.condition, result?.kind === 'stopped' ? result : { kind: 'stopped', why: 'memory' }, diagnostics);
    return;
  }
  const { outcomes, more } = result.run;
  let reported = 0;
  let placeReported = false;
  for (const outcome of outcomes) {
    const expr = outcome.stage === 'each' ? (check.each as Expression) : outcome.stage === 'applies' ? (check.applies as Expression) : check.condition;
    if (outcome.failure) {
      reportFailure(expr, outcome.failure, diagnostics);
      return;
    }
    if (outcome.stage === 'each') {
      // Nothing to check when the list is empty; a misspelt path is an error.
      if (findMissingPath(expr, scope, bindings)) reportNoValue(expr, scope, bindings, diagnostics);
      return;
    }
    const own = outcome.entry?.path ? followPath(scope, outcome.entry.path) : undefined;
    const entry: Entry = entries?.[outcome.index] ?? { value: own ?? outcome.entry?.value, path: outcome.entry?.path, key: outcome.index };
    const item = entry.value;
    // A condition that names data the report does not have says nothing about the data.
    const missing = findMissingPath(check.condition, item, bindings);
    if (missing || (outcome.value !== false && outcome.value !== undefined)) {
      if (missing) reportNoValue(check.condition, item, bindings, diagnostics);
      else diagnostics.error('expression-type', check.condition.where.file, check.condition.where.point, { expression: check.condition.text, expected: 'boolean', found: describeValue(outcome.value) });
      return;
    }
    const place = placeOf(check, entry, places, entries !== undefined && !check.applies);
    if (place.problem && !placeReported) {
      placeReported = true;
      if (place.problem === 'made') diagnostics.error('check-place.made', check.platsAt.file, check.platsAt.point, { plats: check.def.plats ?? '', each: check.each?.text ?? '' });
      else reportPlace(check, true, place.problem, diagnostics);
    }
    const where = place.where;
    const text = renderMessage(check, entry, scope, diagnostics);
    if (text === undefined) return;
    diagnostics.report(check.def.niva === 'varning' ? 'warning' : 'error', check.def.id, 'check-failed', where.file, where.point, { text, comparison: outcome.comparison });
    reported++;
  }
  if (more > 0) diagnostics.report(check.def.niva === 'varning' ? 'warning' : 'error', check.def.id, 'check-failed.more', check.condition.where.file, check.condition.where.point, { count: more, shown: reported });
}

/**
 * Where a failed check is shown: at `plats` in the data (within the entry,
 * for `varje`), else at the entry itself, else at the check's condition.
 * A number in `plats` is an index in a list and a key in a mapping
 * (`uppdrag.medel.2024`). For an entry of a `varje` expression, a `plats`
 * it does not have, or an entry the data does not hold, is a problem to
 * report at the `plats` (entries known before the run were checked then).
 */
function placeOf(check: Check, entry: Entry, places: DataPlaces, checked: boolean): { where: Located; problem?: 'made' | { missing: string; known: string[] } } {
  const base = entry.path;
  const plats = check.def.plats;
  if (!base) return { where: check.condition.where, ...(plats !== undefined ? { problem: 'made' as const } : {}) };
  if (plats === undefined) return { where: base.length > 0 ? places.locate(base) : check.condition.where };
  const followed = followDataPath(entry.value, pathSegments(plats));
  if ('missing' in followed) return { where: base.length > 0 ? places.locate(base) : check.condition.where, ...(checked ? {} : { problem: followed }) };
  const located = places.locate([...base, ...followed.segments]);
  return { where: located.point ? located : check.condition.where };
}

/**
 * The check's message, with `{{…}}` filled in from the entry (or the data)
 * and formatted by the helpers; `{{@key}}` is the entry's key in its mapping.
 */
function renderMessage(check: Check, entry: Entry, scope: Record<string, unknown>, diagnostics: Diagnostics): string | undefined {
  const item = entry.value;
  try {
    const context = item && typeof item === 'object' && !Array.isArray(item) ? { ...scope, ...item } : scope;
    return check.template(context, { data: { root: scope, key: entry.key, index: entry.key } });
  } catch (error) {
    if (error instanceof HelperError) diagnostics.error(error.id, check.message.file, check.message.point, error.params);
    else {
      const message = (error as Error).message;
      const key = /^"([^"]+)" not defined/.exec(message)?.[1];
      diagnostics.error('check-message', check.message.file, check.message.point, { key, reason: (message.split('\n')[0] ?? '').replace(/ - \d+:\d+$/, '') });
    }
    return undefined;
  }
}
