import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../format/closest.js';
import { describeValue } from '../messages/message.js';
import type { ParsedData } from '../parse/parse-data.js';
import { pathKey, placeOf, type ParsedYaml } from '../parse/yaml.js';
import { compileExpression, evaluateExpression } from './expressions.js';
import { locate } from './located.js';
import { compileValidators, type KeywordHelpers, type Validate } from './validators.js';

/** The values each `referens` expression allows, for one validation run. */
type Lookups = Map<string, Set<string>>;

/** The helpers the schemas' own keywords call while validating. */
function keywordHelpers(lookups: Lookups): KeywordHelpers {
  return {
    referens: (expression, value) => {
      const known = lookups.get(expression);
      return !known || (typeof value !== 'string' && typeof value !== 'number') || known.has(String(value));
    },
    unique: (keys, list) =>
      keys.every((key) => {
        const seen = new Set<string>();
        for (const item of list) {
          if (!item || typeof item !== 'object' || !Object.hasOwn(item, key)) continue;
          const value = JSON.stringify((item as Record<string, unknown>)[key]);
          if (seen.has(value)) return false;
          seen.add(value);
        }
        return true;
      }),
  };
}

/** Every `referens` expression in a schema (the keyword's string values), with where it stands. */
function referencesIn(value: unknown, at: (string | number)[], out: Map<string, (string | number)[]>): Map<string, (string | number)[]> {
  if (Array.isArray(value)) value.forEach((v, i) => referencesIn(v, [...at, i], out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'referens' && typeof v === 'string') {
        if (!out.has(v)) out.set(v, [...at, key]);
      } else referencesIn(v, [...at, key], out);
    }
  }
  return out;
}

/** The data as expressions see it before validation: every file that parsed, by name. */
function rawData(data: ParsedData): Record<string, unknown> {
  return Object.fromEntries([...data.files].map(([name, parsed]) => [name, parsed.value]));
}

function decodePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * Validates every data file against its schema: the core files against the
 * tool's, the report's own files against `schemas/<name>.schema.json` when
 * there is one. Every problem is reported at the offending value (unknown
 * keys at the key, with a "did you mean"), with the field's description from
 * the schema. Returns true when the data may be used: no errors other than
 * those that leave its shape intact (unknown keys, repeated ids, unresolved
 * references), which are reported all the same.
 */
export async function validateData(data: ParsedData, diagnostics: Diagnostics, memory?: Map<string, Validate>): Promise<boolean> {
  const before = diagnostics.list.length;
  const validators = await compileValidators(data.schemas.values(), diagnostics, memory);
  const schemaErrors = diagnostics.list.length > before;

  // Resolve each `referens` once, over the data as parsed.
  const lookups: Lookups = new Map();
  const raw = rawData(data);
  for (const schema of data.schemas.values()) {
    for (const [text, at] of referencesIn(schema.parsed.value, [], new Map())) {
      if (lookups.has(text)) continue;
      const file = /^[$]?([A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*)/.exec(text)?.[1];
      if (file && data.broken.has(file)) continue; // that file has its own errors
      const expr = compileExpression(text, locate(schema.parsed, at, text), diagnostics);
      if (!expr) continue;
      const result = await evaluateExpression(expr, raw, { data: raw }, diagnostics);
      if (!result.ok) continue;
      const values = result.value === undefined ? [] : Array.isArray(result.value) ? result.value : [result.value];
      lookups.set(text, new Set(values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)));
    }
  }

  let usable = !schemaErrors;
  const helpers = keywordHelpers(lookups);
  for (const [name, parsed] of data.files) {
    const validate = validators.get(name);
    if (!validate || validate.call(helpers, parsed.value)) continue;
    for (const error of relevant(validate.errors ?? [])) {
      if (!report(error, parsed, name, data.schemas.get(name)?.parsed.value, lookups, diagnostics)) usable = false;
    }
  }
  return usable && data.broken.size === 0;
}

/**
 * A short example of a value a schema describes, in YAML's flow style: a
 * mapping as its required fields (or its first three), each with an example
 * of its own, two levels deep (`{ beslutsfattare: { namn: …, titel: … }, … }`);
 * a list as one item in brackets; anything else as `…`. Follows `$ref`s
 * within the same schema.
 */
function exampleOf(schema: unknown, root: unknown, depth: number): string {
  let node = schema as { $ref?: unknown; type?: unknown; properties?: Record<string, unknown>; required?: unknown; items?: unknown; enum?: unknown[] } | undefined;
  for (let hops = 0; typeof node?.$ref === 'string' && node.$ref.startsWith('#/') && hops < 5; hops++) {
    node = node.$ref.slice(2).split('/').map(decodeURIComponent).reduce<unknown>((at, segment) => (at as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], root) as typeof node;
  }
  if (!node || typeof node !== 'object') return '…';
  if (Array.isArray(node.enum) && node.enum.length > 0) return String(node.enum[0]);
  if (node.properties && depth < 2) {
    const required = Array.isArray(node.required) ? node.required.filter((k): k is string => typeof k === 'string' && k in (node?.properties ?? {})) : [];
    const keys = required.length > 0 ? required : Object.keys(node.properties).slice(0, 3);
    return `{ ${keys.map((k) => `${k}: ${exampleOf(node?.properties?.[k], root, depth + 1)}`).join(', ')} }`;
  }
  if (node.type === 'array' && depth < 2) return `[${exampleOf(node.items, root, depth + 1)}]`;
  return '…';
}

/**
 * Drops the errors of the branches of a failed `anyOf`/`oneOf`: the failure
 * of the whole is reported once, with the field's description, rather than
 * one complaint per alternative. A failed `if`/`then` is said by the
 * `then` branch's own error (a field that is missing), not a second time.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => e.keyword !== 'if' && !alternatives.some((prefix) => e.schemaPath.startsWith(prefix)));
}

/**
 * Reports one schema error at its value; returns true when the data keeps
 * its shape (an unknown key, a repeated id, an id another file lacks), so
 * the declared values and checks can still be computed and report their
 * own problems in the same run.
 */
function report(error: ErrorObject, parsed: ParsedYaml, name: string, root: unknown, lookups: Lookups, diagnostics: Diagnostics): boolean {
  const segments = error.instancePath.split('/').slice(1).map(decodePointer);
  const file = parsed.file.path;
  const path = pathKey(segments) || name;
  const description = String((error.parentSchema as { description?: unknown } | undefined)?.description ?? '');
  const place = placeOf(parsed, segments);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const keyPlace = placeOf(parsed, [...segments, key]);
      diagnostics.error('data-unknown-key', file, keyPlace?.key ?? keyPlace?.value, { key, where: pathKey(segments), hint: closest(key, known), known });
      return true;
    }
    case 'required': {
      const key = String(params['missingProperty']);
      const property = (error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties?.[key];
      diagnostics.error('data-schema.required', file, place?.value, { path, key, description: property?.description ?? '' });
      return false;
    }
    case 'type': {
      // A mapping written as something else: its fields and an example of it, from the schema.
      const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      if (params['type'] === 'object' && properties && Object.keys(properties).length > 0) {
        const key = String(segments.at(-1) ?? name);
        diagnostics.error('data-schema.type-mapping', file, place?.value, { path, fields: Object.keys(properties), example: `${key}: ${exampleOf(error.parentSchema, root, 0)}`, found: describeValue(error.data), description });
        return false;
      }
      diagnostics.error('data-schema.type', file, place?.value, { path, expected: String(params['type']), found: describeValue(error.data), description });
      return false;
    }
    case 'pattern':
    case 'format':
      diagnostics.error('data-schema.pattern', file, place?.value, { path, value: describeValue(error.data), description });
      return false;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const id = error.keyword.toLowerCase().includes('min') ? 'data-schema.minimum' : 'data-schema.maximum';
      diagnostics.error(id, file, place?.value, { path, value: Number(error.data), limit: Number(params['limit']), exclusive: error.keyword.startsWith('exclusive'), description });
      return false;
    }
    case 'minLength':
    case 'maxLength':
      diagnostics.error('data-schema.length', file, place?.value, { path, limit: Number(params['limit']), max: error.keyword === 'maxLength', description });
      return false;
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      diagnostics.error('data-schema.items', file, place?.value, { path, limit: Number(params['limit']), max: error.keyword.startsWith('max'), description });
      return false;
    case 'enum':
      diagnostics.error('data-schema.enum', file, place?.value, { path, value: describeValue(error.data), allowed: ((params['allowedValues'] as unknown[] | undefined) ?? []).map(String), description });
      return false;
    case 'anyOf':
    case 'oneOf':
      diagnostics.error('data-schema.alternatives', file, place?.value, { path, description });
      return false;
    case 'uniqueItemProperties':
      reportDuplicates(error, parsed, segments, diagnostics);
      return true;
    case 'referens': {
      const target = String(error.schema);
      const known = [...(lookups.get(target) ?? [])];
      const value = String(error.data);
      diagnostics.error('data-reference', file, place?.value, { value, target, hint: closest(value, known), known });
      return true;
    }
    default:
      diagnostics.error('data-schema.other', file, place?.value, { path, detail: error.message ?? error.keyword, description });
      return false;
  }
}

/** Reports each entry whose unique properties repeat an earlier entry's, at the repeated value. */
function reportDuplicates(error: ErrorObject, parsed: ParsedYaml, segments: (string | number)[], diagnostics: Diagnostics): void {
  const list = Array.isArray(error.data) ? (error.data as unknown[]) : [];
  const properties = (error.schema as string[] | undefined) ?? [];
  for (const property of properties) {
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object' || !Object.hasOwn(item, property)) return;
      const value = JSON.stringify((item as Record<string, unknown>)[property]);
      const earlier = first.get(value);
      if (earlier === undefined) {
        first.set(value, i);
        return;
      }
      const place = placeOf(parsed, [...segments, i, property]);
      diagnostics.error('id-duplicate', parsed.file.path, place?.value, { field: property, value: String((item as Record<string, unknown>)[property]), file: parsed.file.path, first: earlier + 1 });
    });
  }
}
