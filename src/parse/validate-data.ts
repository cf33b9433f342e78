import type { z } from 'zod';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../format/closest.js';
import { placeOf, type ParsedYaml } from './yaml.js';

/**
 * Validates one parsed data file against its schema and reports every issue
 * at the offending value (or, for unknown keys, at the key, with a
 * "did you mean" hint). Returns the typed value when it is valid.
 */
export function validateData<S extends z.ZodType>(
  parsed: ParsedYaml,
  schema: S,
  diagnostics: Diagnostics,
): z.infer<S> | undefined {
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  let onlyUnknownKeys = true;
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') onlyUnknownKeys = false;
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(schema, issue.path);
        const hint = closest(key, known);
        const place = placeOf(parsed, [...issue.path, key]);
        diagnostics.error(
          'data-unknown-key',
          parsed.file.path,
          place?.key ?? place?.value,
          `unknown key '${key}'${issue.path.length ? ` in ${where}` : ''}: ${hint ? `did you mean '${hint}'?` : `expected one of ${known.map((k) => `'${k}'`).join(', ')}`}`,
        );
      }
      continue;
    }
    const place = placeOf(parsed, issue.path);
    const value = valueAt(parsed.value, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type' && value === undefined) message = `missing required value '${where}': add it`;
    else if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) message = `${where}: expected ${issue.expected}, found ${describe(value)}`;
    else message = `${where}: ${message}`;
    diagnostics.error('data-schema', parsed.file.path, place?.value, message);
  }
  if (!onlyUnknownKeys) return undefined;
  // Unknown keys are reported above; the rest of the file is still usable, so
  // later checks can run and report their problems in the same run.
  const cleaned = structuredClone(parsed.value);
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const holder = valueAt(cleaned, issue.path);
    if (holder && typeof holder === 'object') for (const key of issue.keys) delete (holder as Record<string, unknown>)[key];
  }
  const retry = schema.safeParse(cleaned);
  return retry.success ? retry.data : undefined;
}

/** The value at a path in plain data, or undefined. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

/** The keys an object schema at `path` accepts (for "did you mean" hints). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) current = child(current, key);
  const shape = (unwrap(current) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function child(schema: unknown, key: PropertyKey): unknown {
  const s = unwrap(schema) as { shape?: Record<string, unknown>; element?: unknown; def?: { type?: string; valueType?: unknown } } | undefined;
  if (!s) return undefined;
  if (typeof key === 'number') return s.element;
  if (s.shape) return s.shape[String(key)];
  if (s.def?.type === 'record') return s.def.valueType;
  return undefined;
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (s?.def && (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default')) {
    s = s.def.innerType as typeof s;
  }
  return s;
}
