import { Diagnostics, type Point } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { SourceFile, Sources } from '../load/source-file.js';
import { checkValues } from './value-checks.js';
import { parseYaml, placeOf, type ParsedYaml } from './yaml.js';

/** A parsed JSON Schema file, with the places of its keys for located errors. */
export interface ParsedSchema {
  name: string;
  /** True for the tool's schemas of the core files. */
  core: boolean;
  parsed: ParsedYaml;
}

/** The parse stage's hand-off for data: every data file and every schema, parsed. */
export interface ParsedData {
  /** Every data file that parsed, by base name. */
  files: Map<string, ParsedYaml>;
  /** Names of data files that exist but did not parse (their references are not checked). */
  broken: Set<string>;
  schemas: Map<string, ParsedSchema>;
  /** The agency profile's profil.yaml and its schema, when the report names a profile that was found and parsed. */
  profile?: ParsedProfile;
}

/** A parsed agency profile: its profil.yaml, the schema it is validated against, and its folder. */
export interface ParsedProfile {
  parsed: ParsedYaml;
  schema: ParsedSchema;
  /** The profile's folder (its logo is a file in it). */
  root: string;
}

/**
 * Parses every `data/*.yaml` file and every schema. Every syntax problem in
 * every file is reported; files that parse are handed on even when others
 * do not, so that their own problems are found in the same run.
 */
export function parseData(sources: Sources, diagnostics: Diagnostics): ParsedData {
  const files = new Map<string, ParsedYaml>();
  const broken = new Set<string>();
  for (const [name, file] of sources.data) {
    const parsed = parseYaml(file, diagnostics);
    if (parsed) {
      const written = (point: Point): string | undefined => /^[^\s,\]}#]+/.exec(file.text.slice(parsed.index.offset(point.line, point.column)))?.[0];
      checkValues(parsed.value, file.path, (segments) => placeOf(parsed, segments)?.value, diagnostics, written);
    }
    if (parsed) files.set(name, parsed);
    else broken.add(name);
  }
  if (!sources.data.has('rapport')) diagnostics.error('data-missing-file', 'data/rapport.yaml', undefined, { file: 'data/rapport.yaml' });
  const schemas = new Map<string, ParsedSchema>();
  for (const [name, file] of sources.coreSchemas) {
    // A core schema is parsed (with the places of its values, slow for a large one) only for a file the report has.
    if (!sources.data.has(name)) continue;
    schemas.set(name, { name, core: true, parsed: parseCoreSchema(file) });
  }
  for (const [name, file] of sources.schemas) {
    if (!sources.data.has(name)) {
      diagnostics.warn('schema-unused', file.path, { line: 1, column: 1 }, { name });
      continue;
    }
    const parsed = parseJson(file, diagnostics);
    if (parsed) schemas.set(name, { name, core: false, parsed });
    else broken.add(name);
  }
  const data: ParsedData = { files, broken, schemas };
  if (sources.profile && sources.profileSchema) {
    const parsed = parseYaml(sources.profile.file, diagnostics);
    const schema = parseCoreSchema(sources.profileSchema);
    // A report whose profile does not parse has no letterhead to build on.
    if (parsed && schema) data.profile = { parsed, schema: { name: 'profil', core: true, parsed: schema }, root: sources.profile.root };
    else broken.add('rapport');
  }
  return data;
}

/**
 * One of the tool's own schemas (valid JSON, held so by its tests): its
 * value at once, the places of its values (a slower parse) only when asked
 * for, which is when one of its own expressions is reported.
 */
function parseCoreSchema(file: SourceFile): ParsedYaml {
  let located: ParsedYaml | undefined;
  const full = (): ParsedYaml => (located ??= parseYaml(file, new Diagnostics()) ?? { file, value: undefined, places: new Map(), index: new LineIndex(file.text) });
  return {
    file,
    value: JSON.parse(file.text) as unknown,
    get places() {
      return full().places;
    },
    get index() {
      return full().index;
    },
  };
}

/**
 * Parses a JSON file, with the places of its values (JSON is YAML, whose
 * parser records them). JSON's own syntax is checked first, so a trailing
 * comma is an error even though YAML would allow it.
 */
function parseJson(file: SourceFile, diagnostics: Diagnostics): ParsedYaml | undefined {
  try {
    JSON.parse(file.text);
  } catch (error) {
    const message = (error as Error).message;
    // JSON.parse names a position, or says the text ended too soon.
    const at = /position (\d+)/.exec(message)?.[1] ?? String(file.text.length);
    const point = new LineIndex(file.text).point(Number(at));
    diagnostics.error('schema-invalid.json', file.path, point, { reason: message.replace(/^JSON\.parse: /, '') });
    return undefined;
  }
  return parseYaml(file, diagnostics);
}
