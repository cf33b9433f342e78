import * as yaml from 'js-yaml';
import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { SourceFile } from '../load/source-file.js';
import type { YamlCode, YamlReason } from '../messages/catalogue/yaml.js';

/** Where a value (and, for mapping entries, its key) starts in the YAML text. */
export interface YamlPlace {
  value: Point;
  key?: Point;
}

/** A parsed YAML file: its value and a map from path (`projekt[3].titel`) to place. */
export interface ParsedYaml {
  file: SourceFile;
  value: unknown;
  places: Map<string, YamlPlace>;
  index: LineIndex;
}

/** Nesting deeper than this is refused: report data is never this deep. */
const MAX_DEPTH = 20;

/**
 * Parses one YAML file safely (no aliases, bounded depth, duplicate keys
 * refused) and maps every value's path to its line and column, so schema
 * errors can point at the offending value. Syntax errors become diagnostics.
 */
export function parseYaml(file: SourceFile, diagnostics: Diagnostics): ParsedYaml | undefined {
  const index = new LineIndex(file.text);
  if (file.text.trim() === '') {
    reportEmpty(file, diagnostics, false);
    return undefined;
  }
  try {
    const events = yaml.parseEvents(file.text, { filename: file.path, maxDepth: MAX_DEPTH });
    const documents = events.filter((e) => e.type === yaml.EVENT_ID.DOCUMENT).length;
    // Only comments: no value at all, which is an empty file (not a count of documents to put right).
    if (documents === 0) {
      reportEmpty(file, diagnostics, true);
      return undefined;
    }
    if (documents !== 1) {
      diagnostics.error('yaml-syntax.documents', file.path, { line: 1, column: 1 }, { count: documents });
      return undefined;
    }
    const value = yaml.load(file.text, { filename: file.path, maxDepth: MAX_DEPTH, maxAliases: 0 });
    // Comments and a lone '---' (or '...'): one document with nothing in it.
    if (value == null && !/^(?!---|\.\.\.)[^#\s]/m.test(file.text)) {
      reportEmpty(file, diagnostics, true);
      return undefined;
    }
    const places = new Map<string, YamlPlace>();
    walk(events, 1, '', file.text, index, places);
    return { file, value, places, index };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const point = mark && typeof mark.line === 'number' ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : undefined;
      const reason = String(error.reason ?? error.message).replace(/\s+/g, ' ');
      const unquoted = point && unquotedValue(file.text, point, reason);
      if (unquoted) diagnostics.error('yaml-syntax.unquoted', file.path, unquoted.point, unquoted.params);
      else diagnostics.error('yaml-syntax', file.path, point, { reason: reasonOf(reason) });
      return undefined;
    }
    const reason = (error as Error).message;
    diagnostics.error('yaml-syntax', file.path, undefined, { reason: reasonOf(reason) });
    return undefined;
  }
}

/** The core data files, each with its message of what it holds when it is empty. */
const CORE_FILES = ['rapport', 'bilagor', 'tabeller', 'figurer', 'berakning', 'kontroller'] as const;

/** An empty data file (nothing, or only comments): said so, with what the file holds. */
function reportEmpty(file: SourceFile, diagnostics: Diagnostics, comments: boolean): void {
  const name = /(?:^|\/)data\/([^/]+)\.ya?ml$/.exec(file.path)?.[1];
  const core = CORE_FILES.find((c) => c === name);
  const at = { line: 1, column: 1 };
  if (core) diagnostics.error(`yaml-empty.${core}`, file.path, at, { comments });
  else diagnostics.error('yaml-empty', file.path, at, { comments, name: name ?? file.path.replace(/^.*\//, '').replace(/\.ya?ml$/, '') });
}

/**
 * A plain (unquoted) value that YAML cannot read because of what is in it: a
 * `: ` (a JSONata object `{ "namn": titel }`, a condition `? 'ja' : 'nej'`, a
 * message with a colon), which YAML takes for a new key, or a value that
 * starts with `{{` (a helper), which it takes for a mapping. The line and
 * what to write instead, or undefined for other syntax errors.
 */
function unquotedValue(text: string, point: Point, reason: string): { point: Point; params: { key: string; value: string; quoted: string; colon: boolean } } | undefined {
  if (!/^bad indentation of a mapping entry|^object-based map does not support complex keys|^missed comma between flow collection entries/.test(reason)) return undefined;
  const line = text.split(/\r?\n/)[point.line - 1] ?? '';
  const match = /^(\s*(?:-\s+)?)([^\s#'"{[][^:#]*?):[ \t]+(.+?)\s*$/.exec(line);
  if (!match) return undefined;
  const [, indent = '', key = '', value = ''] = match;
  const start = indent.length + key.length + 1 + (line.slice(indent.length + key.length + 1).length - line.slice(indent.length + key.length + 1).trimStart().length);
  const braces = value.startsWith('{{');
  const colon = !braces && !/^['"|>&*!{[]/.test(value) && /:\s/.test(value) && /^bad indentation/.test(reason);
  if (!braces && !colon) return undefined;
  // Single quotes keep every character as it is (a ' inside is written twice).
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return { point: { line: point.line, column: start + 1 }, params: { key, value: value.length > 60 ? `${value.slice(0, 60)}…` : value, quoted: quoted.length > 80 ? `'${value.slice(0, 50).replace(/'/g, "''")}…'` : quoted, colon } };
}

/** js-yaml's most common reasons, by the catalogue's code for each (`messages/catalogue/yaml.ts` words them); others are shown as they are. */
const REASON_CODES: [RegExp, YamlCode][] = [
  [/^duplicated mapping key/, 'duplicated-key'],
  [/^bad indentation of a sequence entry/, 'sequence-indentation'],
  [/^bad indentation of a mapping entry/, 'mapping-indentation'],
  [/^end of the stream or a document separator is expected/, 'stray-text'],
  [/^can not read a block mapping entry/, 'unreadable-key'],
  [/^can not read an implicit mapping pair/, 'unreadable-pair'],
  [/^incomplete explicit mapping pair/, 'incomplete-pair'],
  [/^unexpected end of the stream within a (double|single) quoted scalar/, 'unclosed-quote'],
  [/^missed comma between flow collection entries/, 'missing-comma'],
  [/^unexpected end of the stream within a flow collection/, 'unclosed-collection'],
  [/^aliases exceeded/, 'alias'],
  [/^unidentified alias/, 'alias'],
  [/nesting exceeded|maximum nesting|depth/i, 'too-deep'],
  [/^the stream contains non-printable characters/, 'non-printable'],
];

/** js-yaml's reason as the catalogue words it. */
function reasonOf(reason: string): YamlReason {
  return { code: REASON_CODES.find(([pattern]) => pattern.test(reason))?.[1], message: reason };
}

/** Walks the event stream from `i`, recording the place of every path; returns the next index. */
function walk(
  events: yaml.Event[],
  i: number,
  path: string,
  source: string,
  index: LineIndex,
  places: Map<string, YamlPlace>,
  key?: Point,
): number {
  const event = events[i];
  if (!event) return i + 1;
  const record = (offset: number): void => {
    const place: YamlPlace = { value: index.point(offset) };
    if (key) place.key = key;
    places.set(path, place);
  };
  switch (event.type) {
    case yaml.EVENT_ID.SCALAR:
      record(event.valueStart);
      return i + 1;
    case yaml.EVENT_ID.ALIAS:
      record(event.anchorStart);
      return i + 1;
    case yaml.EVENT_ID.SEQUENCE: {
      record(event.start);
      let next = i + 1;
      for (let n = 0; events[next] && events[next]?.type !== yaml.EVENT_ID.POP; n++) {
        next = walk(events, next, `${path}[${n}]`, source, index, places);
      }
      return next + 1;
    }
    case yaml.EVENT_ID.MAPPING: {
      record(event.start);
      let next = i + 1;
      while (events[next] && events[next]?.type !== yaml.EVENT_ID.POP) {
        const keyEvent = events[next];
        let name = '?';
        let keyPoint: Point | undefined;
        if (keyEvent?.type === yaml.EVENT_ID.SCALAR) {
          name = yaml.getScalarValue(source, keyEvent);
          keyPoint = index.point(keyEvent.valueStart);
        }
        next = skip(events, next);
        next = walk(events, next, path ? `${path}.${name}` : name, source, index, places, keyPoint);
      }
      return next + 1;
    }
    default:
      return i + 1;
  }
}

/** Skips one node (with its children) starting at `i`. */
function skip(events: yaml.Event[], i: number): number {
  const event = events[i];
  if (event?.type !== yaml.EVENT_ID.SEQUENCE && event?.type !== yaml.EVENT_ID.MAPPING) return i + 1;
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const t = events[j]?.type;
    if (t === yaml.EVENT_ID.SEQUENCE || t === yaml.EVENT_ID.MAPPING) depth++;
    else if (t === yaml.EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}

/** Turns a schema issue path (`['projekt', 3, 'titel']`) into a place key (`projekt[3].titel`). */
export function pathKey(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

/** The nearest recorded place for a path: the value itself, else its closest parent. */
export function placeOf(parsed: ParsedYaml, segments: readonly PropertyKey[]): YamlPlace | undefined {
  for (let n = segments.length; n >= 0; n--) {
    const place = parsed.places.get(pathKey(segments.slice(0, n)));
    if (place) return place;
  }
  return undefined;
}
