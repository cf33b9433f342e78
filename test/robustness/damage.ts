import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers.js';

/** The real report's source files, relative to the report root. */
export const REAL_FILES: string[] = [
  ...readdirSync(path.join(REPO, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => `content/${f}`),
  ...readdirSync(path.join(REPO, 'data')).map((f) => `data/${f}`),
  // The report's own schemas (the core ones beside them are the tool's).
  ...readdirSync(path.join(REPO, 'schemas'))
    .filter((f) => !/^(rapport|bilagor|tabeller|figurer|berakning|kontroller)\./.test(f))
    .map((f) => `schemas/${f}`),
].sort();

/** One way to damage a file: what an editor, a paste or a bad merge does to text. */
export type Damage =
  | { kind: 'delete-line' | 'duplicate-line' | 'swap-lines'; file: string; at: number }
  | { kind: 'truncate'; file: string; at: number }
  | { kind: 'insert'; file: string; at: number; text: string }
  | { kind: 'wrong-type'; file: string; at: number; value: string }
  | { kind: 'empty' | 'remove'; file: string }
  | { kind: 'hostile'; file: string; text: string }
  | { kind: 'pattern'; file: string; pattern: string };

const STRAY = ['\uFEFF', '\u200B', '\u202E', '\u2066', '\u0000', '\uE000', '\t', '\r', '{{', '}}', '[^', '](', '<b>', '*', '_', '---\n', ': ', '- ', '"', "'", '&', '\\', '\n\n', '|', '#'];
const WRONG = ['[1, 2]', '{ a: 1 }', '"text"', '-5', '1.5', 'null', '~', 'true', '""', '2020-13-45', '"2024-02-30"', '1e300', '9007199254740993', '1234.5678', '"\\uE010x\\uE011"', '"=cmd|\' /C calc\'!A0"', '&x 1', '*x', '!!binary aGVq'];

/**
 * What an attacker or a careless author programs into a report: expressions
 * that fill the memory or run for ever, checks over huge lists, charts that
 * crash Vega or bring data of their own, Markdown nested on one line.
 */
const HOSTILE_EXPRESSIONS = [
  '$length($pad("", 400000000))',
  '$pad("", 100000000)',
  '$count([1..199999])',
  '$reduce([1..30], function($a, $i) { $a & $a }, "x")',
  '$sum([1..150000].($count([1..1000])))',
  '$sort([1..150000], function($a, $b) { $a < $b })[0]',
  '$split($pad("", 10000000), "")',
  '$string($)',
  '($f := function($x) { $f($x + 1) }; $f(0))',
  '$join([1..100000].$string(), $pad("", 1000))',
];
const HOSTILE_CHECKS = [
  '- id: langsam\n  varje: "[1..1000]"\n  villkor: $count([1..150000]) > 0\n  meddelande: x\n',
  '- id: manga\n  varje: "[1..199999]"\n  villkor: $ > 199999\n  meddelande: Talet är för litet\n',
  '- id: minne\n  villkor: $length($pad("", 400000000)) > 0\n  meddelande: x\n',
];
const VEGA_LITE = [
  '{ mark: bar, encoding: { x: { field: titel, type: nominal }, y: { aggregate: count, type: quantitative }, href: { value: "https://example.org/" } } }',
  '{ layer: [ { data: { sequence: { start: 0, stop: 100000000, as: s } }, mark: point, encoding: { x: { field: s, type: quantitative } } } ] }',
  '{ mark: point, transform: [ { calculate: "sequence(0, 100000000)", as: s } ], encoding: { x: { field: titel, type: nominal } } }',
  '{ mark: text, encoding: { text: { value: "x" } }, transform: [ { calculate: "pad(\'\', 100000000)", as: s } ] }',
];
const HOSTILE_MARKDOWN = [`${'- '.repeat(2000)}x`, `${'- '.repeat(25)}x`, `${'> - '.repeat(15)}x`, `${'> '.repeat(11)}x`, `${'1. '.repeat(21)}x`];
const PATTERNS = ['^(\\w+\\s?)+$', '^(a+)+$', '^(a|a)*$', '(x+x+)+y', '^(a)\\1$', '(?=a)b', '^([a-zåäö]+\\s*)*$'];
const SCHEMAS = REAL_FILES.filter((f) => f.startsWith('schemas/'));
const CHAPTERS = REAL_FILES.filter((f) => /^content\/\d/.test(f));

const hostileArbitrary: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('hostile'), file: fc.constant('data/berakning.yaml'), text: fc.constantFrom(...HOSTILE_EXPRESSIONS).map((e) => `fuzz: '${e}'\n`) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('hostile'), file: fc.constant('data/kontroller.yaml'), text: fc.constantFrom(...HOSTILE_CHECKS) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('hostile'), file: fc.constant('data/figurer.yaml'), text: fc.constantFrom(...VEGA_LITE).map((spec) => `fuzz:\n  rubrik: Projekt\n  beskrivning: Ett diagram.\n  vegaLite: ${spec.replace('{ ', '{ data: { tabell: projekttabell }, ')}\n`) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('hostile'), file: fc.constantFrom(...CHAPTERS), text: fc.constantFrom(...HOSTILE_MARKDOWN).map((line) => `\n\n${line}\n`) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('pattern'), file: fc.constantFrom(...SCHEMAS), pattern: fc.constantFrom(...PATTERNS) }) as fc.Arbitrary<Damage>,
);

/** fast-check arbitrary of damages to the real report's files. */
export const damageArbitrary: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'swap-lines'), file: fc.constantFrom(...REAL_FILES), at: fc.nat() }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('truncate'), file: fc.constantFrom(...REAL_FILES), at: fc.nat() }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('insert'), file: fc.constantFrom(...REAL_FILES), at: fc.nat(), text: fc.oneof(fc.constantFrom(...STRAY), fc.string({ maxLength: 6 })) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('wrong-type'), file: fc.constantFrom(...REAL_FILES.filter((f) => f.endsWith('.yaml'))), at: fc.nat(), value: fc.constantFrom(...WRONG) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constantFrom('empty', 'remove'), file: fc.constantFrom(...REAL_FILES) }) as fc.Arbitrary<Damage>,
  hostileArbitrary,
);

/** How many of the damages are hostile programs (each may use up its own time budget). */
export function hostileCount(damages: readonly Damage[]): number {
  return damages.filter((d) => d.kind === 'hostile' || d.kind === 'pattern').length;
}

/** Applies damages to a map of file texts (undefined = removed). Pure. */
export function applyDamage(files: Map<string, string | undefined>, damage: Damage): void {
  if (damage.kind === 'hostile') {
    files.set(damage.file, `${files.get(damage.file) ?? ''}${damage.text}`);
    return;
  }
  const text = files.get(damage.file);
  if (text === undefined) return;
  const lines = text.split('\n');
  const line = 'at' in damage ? damage.at % Math.max(1, lines.length) : 0;
  switch (damage.kind) {
    case 'delete-line':
      lines.splice(line, 1);
      break;
    case 'duplicate-line':
      lines.splice(line, 0, lines[line] ?? '');
      break;
    case 'swap-lines': {
      const next = (line + 1) % lines.length;
      [lines[line], lines[next]] = [lines[next] ?? '', lines[line] ?? ''];
      break;
    }
    case 'truncate':
      files.set(damage.file, text.slice(0, damage.at % (text.length + 1)));
      return;
    case 'insert': {
      const at = damage.at % (text.length + 1);
      files.set(damage.file, text.slice(0, at) + damage.text + text.slice(at));
      return;
    }
    case 'wrong-type': {
      const target = lines[line] ?? '';
      lines[line] = /:\s*\S/.test(target) ? target.replace(/:\s*.*$/, `: ${damage.value}`) : `${target}${damage.value}`;
      break;
    }
    case 'empty':
      files.set(damage.file, '');
      return;
    case 'pattern':
      // The first text field of the schema gets the pattern.
      files.set(damage.file, text.replace('"type": "string"', `"type": "string", "pattern": ${JSON.stringify(damage.pattern)}`));
      return;
    case 'remove':
      files.set(damage.file, undefined);
      return;
  }
  files.set(damage.file, lines.join('\n'));
}

/** The real report's files as texts. */
export function realTexts(): Map<string, string | undefined> {
  return new Map(REAL_FILES.map((f) => [f, readFileSync(path.join(REPO, f), 'utf8')]));
}
