import Handlebars from 'handlebars';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { HelperError } from '../format/helpers/helper-error.js';
import { FORMAT_HELPERS } from '../format/helpers/registry.js';
import { strictOptions } from '../format/helpers/handlebars.js';
import { describeValue } from '../messages/message.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { comparisonOf, compileExpression, evaluateExpression, findMissingPath, reportNoValue, type Expression } from './expressions.js';
import { locate, pathSegments, type Located } from './located.js';
import type { DataPlaces } from './places.js';

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
  defs.forEach((def, i) => {
    const at = (field: keyof CheckDef): Located => locate(parsed, [i, field], def[field] as string | undefined);
    const condition = compileExpression(def.villkor, at('villkor'), diagnostics);
    const applies = def.om === undefined ? undefined : compileExpression(def.om, at('om'), diagnostics);
    const each = def.varje === undefined ? undefined : compileExpression(def.varje, at('varje'), diagnostics);
    if (!condition || (def.om !== undefined && !applies) || (def.varje !== undefined && !each)) return;
    checks.push({ def, condition, applies, each, message: at('meddelande') });
  });
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(FORMAT_HELPERS)) hb.registerHelper(name, helper);
  for (const check of checks) await runCheck(check, scope, places, hb, diagnostics);
}

/** One entry a check is tried on: the value, where it was written (when known) and its key in a mapping. */
interface Entry {
  value: unknown;
  path: (string | number)[] | undefined;
  key: string | number | undefined;
}

const PLAIN_PATH = /^[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*(?:\.[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*)*$/;

/**
 * The entries of `varje`: a plain path to a list gives its items, to a
 * mapping its values (each with its key); any other expression gives what
 * it evaluates to, each entry located when it is an entry of the data.
 */
async function entriesOf(check: Check, scope: Record<string, unknown>, places: DataPlaces, diagnostics: Diagnostics): Promise<Entry[] | undefined> {
  const each = check.each as Expression;
  const bindings = { data: scope };
  if (PLAIN_PATH.test(each.text)) {
    const segments = each.text.split('.');
    let value: unknown = scope;
    for (const key of segments) value = value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (value === undefined) {
      reportNoValue(each, scope, bindings, diagnostics);
      return undefined;
    }
    if (Array.isArray(value)) return value.map((v, i) => ({ value: v, path: [...segments, i], key: i }));
    if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => ({ value: v, path: [...segments, k], key: k }));
    return [{ value, path: segments, key: undefined }];
  }
  const listed = await evaluateExpression(each, scope, bindings, diagnostics);
  if (!listed.ok) return undefined;
  if (listed.value === undefined) {
    // Nothing to check when the list is empty; a misspelt path is an error.
    if (findMissingPath(each, scope, bindings)) reportNoValue(each, scope, bindings, diagnostics);
    return [];
  }
  return (Array.isArray(listed.value) ? listed.value : [listed.value]).map((v, i) => ({ value: v, path: places.pathOf(v), key: i }));
}

async function runCheck(check: Check, scope: Record<string, unknown>, places: DataPlaces, hb: typeof Handlebars, diagnostics: Diagnostics): Promise<void> {
  const bindings = { data: scope };
  const entries = check.each ? await entriesOf(check, scope, places, diagnostics) : [{ value: scope, path: [], key: undefined }];
  if (!entries) return;
  for (const entry of entries) {
    const item = entry.value;
    if (check.applies) {
      const applies = await evaluateExpression(check.applies, item, bindings, diagnostics);
      if (!applies.ok) return;
      if (applies.value !== true) continue;
    }
    const result = await evaluateExpression(check.condition, item, bindings, diagnostics);
    if (!result.ok) return;
    if (result.value === true) continue;
    // A condition that names data the report does not have says nothing about the data.
    const missing = findMissingPath(check.condition, item, bindings);
    if (missing || (result.value !== false && result.value !== undefined)) {
      if (missing) reportNoValue(check.condition, item, bindings, diagnostics);
      else diagnostics.error('expression-type', check.condition.where.file, check.condition.where.point, { expression: check.condition.text, expected: 'boolean', found: describeValue(result.value) });
      return;
    }
    const where = placeOf(check, entry, places);
    const text = renderMessage(check, entry, scope, hb, diagnostics);
    if (text === undefined) return;
    const comparison = await comparisonOf(check.condition, item, bindings);
    diagnostics.report(check.def.niva === 'varning' ? 'warning' : 'error', check.def.id, 'check-failed', where.file, where.point, { text, comparison });
  }
}

/**
 * Where a failed check is shown: at `plats` in the data (within the entry,
 * for `varje`), else at the entry itself, else at the check's condition.
 */
function placeOf(check: Check, entry: Entry, places: DataPlaces): Located {
  const base = entry.path;
  if (base) {
    const located = places.locate([...base, ...(check.def.plats ? pathSegments(check.def.plats) : [])]);
    if (located.point && (base.length > 0 || check.def.plats)) return located;
  }
  return check.condition.where;
}

/**
 * The check's message, with `{{…}}` filled in from the entry (or the data)
 * and formatted by the helpers; `{{@key}}` is the entry's key in its mapping.
 */
function renderMessage(check: Check, entry: Entry, scope: Record<string, unknown>, hb: typeof Handlebars, diagnostics: Diagnostics): string | undefined {
  const item = entry.value;
  try {
    const template = hb.compile(check.def.meddelande, { ...strictOptions(Object.keys(FORMAT_HELPERS)), noEscape: true });
    const context = item && typeof item === 'object' && !Array.isArray(item) ? { ...scope, ...item } : scope;
    return template(context, { data: { root: scope, key: entry.key, index: entry.key } });
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
