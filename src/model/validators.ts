import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { TOOL_ROOT } from '../load/load-report.js';
import type { ParsedSchema } from '../parse/parse-data.js';
import type { ParsedYaml } from '../parse/yaml.js';

/** What the validators' own keywords ask of the build while they run (`this` inside a validator). */
export interface KeywordHelpers {
  /** `referens`: is the value one of the values the expression gives? */
  referens(expression: string, value: unknown): boolean;
  /** `uniqueItemProperties`: do no two entries share a value of one of the keys? */
  unique(keys: readonly string[], list: readonly unknown[]): boolean;
}

/** A compiled schema: returns true for valid data, and leaves its errors on itself. */
export interface Validate {
  (this: KeywordHelpers, data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * Editor keywords (VS Code's YAML and JSON support) a schema may carry:
 * allowed, and ignored by validation. Any other unknown keyword is an error,
 * so a misspelt `requird` is caught rather than silently doing nothing.
 */
const EDITOR_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'deprecationMessage', 'doNotSuggest', 'enumDescriptions', 'markdownEnumDescriptions', 'errorMessage', 'suggestSortText'];

/**
 * Ajv's options. Its compile rejects unknown keywords and wrongly typed
 * keyword values by itself; validating each schema against the 2020-12
 * meta-schema as well would compile that meta-schema on every run (some
 * 50 ms) for little more. `passContext` hands KeywordHelpers to the keywords.
 */
const OPTIONS = { allErrors: true, verbose: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, validateFormats: false, validateSchema: false, passContext: true, code: { source: true } } as const;

const require = createRequire(import.meta.url);

/** A pattern that RE2 cannot run, with the pattern and RE2's reason. */
class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The schemas' `pattern`s (and `patternProperties`) run on RE2's engine
 * (re2js, in plain JavaScript): matching takes time in proportion to the
 * text, so `^(a+)+$` cannot make a check hang as JavaScript's own
 * backtracking engine can. RE2 has no backreferences nor lookaround.
 */
const linearRegExp = Object.assign(
  (pattern: string): { test(text: string): boolean } => {
    const { RE2JS } = require('re2js') as typeof import('re2js');
    try {
      return RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch (error) {
      throw new PatternError(pattern, ((error as Error).message.split('\n')[0] ?? '').replace(/^error parsing regexp: /, ''));
    }
  },
  { code: '((p) => { const { RE2JS } = require("re2js"); return RE2JS.compile(RE2JS.translateRegExp(p)); })' },
);

/** Where compiled validators are kept between runs: beside the tool's packages, like other tools' caches. */
const CACHE_DIR = path.join(TOOL_ROOT, 'node_modules', '.cache', 'redovisning', 'validators');

/** Creates Ajv (loaded only when a schema is not in the cache) with the two keywords the report's schemas may use. */
async function createAjv(): Promise<import('ajv/dist/2020.js').Ajv2020> {
  // A CommonJS module: Node and the bundle present its exports differently when imported.
  const module = (await import('ajv/dist/2020.js')) as unknown as { Ajv2020?: typeof import('ajv/dist/2020.js').Ajv2020; default?: { Ajv2020: typeof import('ajv/dist/2020.js').Ajv2020; _: typeof import('ajv/dist/2020.js')._ }; _?: typeof import('ajv/dist/2020.js')._ };
  const Ajv2020 = module.default?.Ajv2020 ?? module.Ajv2020;
  const _ = module.default?._ ?? module._;
  if (!Ajv2020 || !_) throw new Error('ajv did not load');
  const ajv = new Ajv2020({ ...OPTIONS, code: { ...OPTIONS.code, regExp: linearRegExp } });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  // `"referens": "regioner.id"`: the value must be one of the values of an expression over the data.
  ajv.addKeyword({ keyword: 'referens', schemaType: 'string', error: { message: 'must be one of the referenced values' }, code: (cxt) => cxt.fail(_`!this.referens(${cxt.schemaCode}, ${cxt.data})`) });
  // `"uniqueItemProperties": ["id"]`: as ajv-keywords defines it, written as code so that it can be cached.
  ajv.addKeyword({ keyword: 'uniqueItemProperties', type: 'array', schemaType: 'array', error: { message: 'must not have two entries with the same value' }, code: (cxt) => cxt.fail(_`!this.unique(${cxt.schemaCode}, ${cxt.data})`) });
  return ajv;
}

/** Loads a validator from its standalone code. */
function load(code: string): Validate {
  const module = { exports: {} as { default?: Validate } };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return (module.exports.default ?? module.exports) as Validate;
}

/** Writes a file all at once (a half-written cache entry must never be read). */
export function writeAtomically(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // A read-only installation simply compiles every time.
  }
}

/** Where a key first appears in a parsed file. */
export function findKey(parsed: ParsedYaml, key: string): { line: number; column: number } | undefined {
  for (const [p, place] of parsed.places) if (p === key || p.endsWith(`.${key}`)) return place.key ?? place.value;
  return undefined;
}

/** Where a schema writes a pattern: the value of a `pattern`, or a key of `patternProperties`. */
function findPattern(parsed: ParsedYaml, pattern: string): { line: number; column: number } | undefined {
  let found: string | undefined;
  const walk = (value: unknown, at: string): void => {
    if (found || !value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      const here = Array.isArray(value) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
      if ((key === 'pattern' && v === pattern) || (at.endsWith('patternProperties') && key === pattern)) found = here;
      else walk(v, here);
    }
  };
  walk(parsed.value, '');
  const place = found === undefined ? undefined : parsed.places.get(found);
  return place?.value ?? place?.key;
}

/**
 * Compiles every schema into a validator, taking it from the cache when
 * the same schema was compiled before (Ajv is then not even loaded), and
 * from `memory` (kept by the live preview) before that. A
 * schema that cannot be compiled (an unknown keyword, a wrongly typed
 * value, a broken pattern) is reported at its own file and not used.
 */
export async function compileValidators(schemas: Iterable<ParsedSchema>, diagnostics: Diagnostics, memory?: Map<string, Validate>): Promise<Map<string, Validate>> {
  const compiled = new Map<string, Validate>();
  let ajv: import('ajv/dist/2020.js').Ajv2020 | undefined;
  const version = (require('ajv/package.json') as { version: string }).version;
  for (const schema of schemas) {
    const parsed = schema.parsed;
    if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      diagnostics.error('schema-invalid.meta', parsed.file.path, { line: 1, column: 1 }, { path: '#', detail: 'a schema is a JSON object, { … }' });
      continue;
    }
    // Each schema stands alone: its $id must not clash with another report's.
    const { $id: _id, ...body } = parsed.value as Record<string, unknown>;
    const key = createHash('sha256').update(`${version}\0${JSON.stringify(OPTIONS)}\0re2js\0${JSON.stringify(body)}`).digest('hex').slice(0, 32);
    const file = path.join(CACHE_DIR, `${key}.cjs`);
    const remembered = memory?.get(key);
    if (remembered) {
      compiled.set(schema.name, remembered);
      continue;
    }
    try {
      const validate = load(readFileSync(file, 'utf8'));
      memory?.set(key, validate);
      compiled.set(schema.name, validate);
      continue;
    } catch {
      // Not compiled before (or unreadable): compile it now.
    }
    try {
      ajv ??= await createAjv();
      const validate = ajv.compile(body);
      const standalone = (await import('ajv/dist/standalone/index.js')) as unknown as { default: ((...args: unknown[]) => string) & { default?: (...args: unknown[]) => string } };
      const code = (standalone.default.default ?? standalone.default)(ajv, validate);
      writeAtomically(file, code);
      memory?.set(key, validate as unknown as Validate);
      compiled.set(schema.name, validate as unknown as Validate);
    } catch (error) {
      if (error instanceof PatternError) {
        diagnostics.error('schema-invalid.pattern', parsed.file.path, findPattern(parsed, error.pattern) ?? { line: 1, column: 1 }, { pattern: error.pattern, reason: error.reason });
        ajv = undefined;
        continue;
      }
      const message = (error as Error).message;
      const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
      // "minimum value must be ["number"]", "type must be JSONType …", "Invalid regular expression: /(/"
      const wrong = /^([A-Za-z$]+) (?:value )?must be/.exec(message)?.[1] ?? (/^Invalid regular expression/.test(message) ? 'pattern' : undefined);
      const first = message.split('\n')[0] ?? message;
      const start = { line: 1, column: 1 };
      if (unknown) diagnostics.error('schema-invalid.keyword', parsed.file.path, findKey(parsed, unknown) ?? start, { keyword: unknown });
      else if (wrong) diagnostics.error('schema-invalid.meta', parsed.file.path, findKey(parsed, wrong) ?? start, { path: wrong, detail: first });
      else diagnostics.error('schema-invalid.compile', parsed.file.path, findKey(parsed, '$schema') ?? { line: 1, column: 1 }, { reason: first });
      // Ajv keeps what it had added of a schema that failed: start afresh for the next one.
      ajv = undefined;
    }
  }
  return compiled;
}
