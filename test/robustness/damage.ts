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
  | { kind: 'empty' | 'remove'; file: string };

const STRAY = ['\uFEFF', '\u200B', '\u202E', '\u2066', '\u0000', '\uE000', '\t', '\r', '{{', '}}', '[^', '](', '<b>', '*', '_', '---\n', ': ', '- ', '"', "'", '&', '\\', '\n\n', '|', '#'];
const WRONG = ['[1, 2]', '{ a: 1 }', '"text"', '-5', '1.5', 'null', '~', 'true', '""', '2020-13-45', '"2024-02-30"', '1e300', '9007199254740993', '1234.5678', '"\\uE010x\\uE011"', '"=cmd|\' /C calc\'!A0"', '&x 1', '*x', '!!binary aGVq'];

/** fast-check arbitrary of damages to the real report's files. */
export const damageArbitrary: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'swap-lines'), file: fc.constantFrom(...REAL_FILES), at: fc.nat() }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('truncate'), file: fc.constantFrom(...REAL_FILES), at: fc.nat() }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('insert'), file: fc.constantFrom(...REAL_FILES), at: fc.nat(), text: fc.oneof(fc.constantFrom(...STRAY), fc.string({ maxLength: 6 })) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constant('wrong-type'), file: fc.constantFrom(...REAL_FILES.filter((f) => f.endsWith('.yaml'))), at: fc.nat(), value: fc.constantFrom(...WRONG) }) as fc.Arbitrary<Damage>,
  fc.record({ kind: fc.constantFrom('empty', 'remove'), file: fc.constantFrom(...REAL_FILES) }) as fc.Arbitrary<Damage>,
);

/** Applies damages to a map of file texts (undefined = removed). Pure. */
export function applyDamage(files: Map<string, string | undefined>, damage: Damage): void {
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
