import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import type { RuleDeclaration } from '../../src/diagnostics/rule.js';
import { MESSAGES, ruleOf, type MessageId } from '../../src/messages/catalogue.js';
import { RULES, STAGE_RULES } from '../../src/pipeline.js';

/**
 * Every rule declaration names the files that report its ids (`origin`,
 * paths under `src/`); a check rule or a language rule that names none is
 * the file that exports it. This test reads the sources and holds the
 * declarations to them: an id is declared once, named in each of its origin
 * files and in no other file of the stages, and every id a file of a
 * declaring stage names is declared with that file in its origin.
 */

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

const relative = (file: string): string => path.relative(SRC, file).split(path.sep).join('/');

const RULE_IDS = new Set(RULES.flatMap((r) => r.ids));
const MESSAGE_IDS = new Set(Object.keys(MESSAGES) as MessageId[]);

/** Keys of a syntax tree that hold types, which report nothing. */
const TYPE_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'superTypeArguments']);

/**
 * The rule ids a source names in its code (comments and types left out): a
 * string that is a rule id or a message id (`'yaml-syntax.documents'`), or
 * that starts with a rule id and a dot before what is added to it
 * (`` `yaml-empty.${core}` ``). That is how every emitter gets its id:
 * `diagnostics.error(…)`, `warn(…)`, a `HelperError`, a returned or pushed
 * `{ id }`, a diagnostic built by hand (`ruleId`).
 */
function idsNamed(file: string, text: string): Set<string> {
  const found = new Set<string>();
  const named = (value: string, open: boolean): void => {
    const head = value.endsWith('.') ? value.slice(0, -1) : undefined;
    if (head && RULE_IDS.has(head)) found.add(head);
    else if (!open && RULE_IDS.has(value)) found.add(value);
    else if (!open && MESSAGE_IDS.has(value as MessageId) && RULE_IDS.has(ruleOf(value as MessageId))) found.add(ruleOf(value as MessageId));
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: unknown; quasis?: { value: { cooked: string } }[]; expressions?: unknown[] };
    if (n.type === 'TSTypeAliasDeclaration' || n.type === 'TSInterfaceDeclaration') return;
    if (n.type === 'Literal' && typeof n.value === 'string') named(n.value, false);
    if (n.type === 'TemplateLiteral' && n.quasis?.[0]) named(n.quasis[0].value.cooked, (n.expressions?.length ?? 0) > 0);
    for (const [key, value] of Object.entries(n)) if (!TYPE_KEYS.has(key)) visit(value);
  };
  const parsed = parseSync(file, text, { lang: 'ts' });
  expect(parsed.errors, file).toEqual([]);
  visit(parsed.program);
  return found;
}

/** A declaration, its stage (the folder of `src/` that holds it) and the files it names. */
interface Declared {
  stage: string;
  rule: RuleDeclaration;
  origin: readonly string[];
  /** The file that exports a check rule or a language rule. */
  exportedBy: string | undefined;
}

/** Every declaration with its origin: the one it names, or the file that exports the rule. */
async function declarations(): Promise<Declared[]> {
  const exporters = new Map<RuleDeclaration, string>();
  for (const folder of ['check/rules', 'language/rules']) {
    for (const file of sourceFiles(path.join(SRC, folder))) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const value of Object.values(module)) if (value && typeof value === 'object' && 'run' in value) exporters.set(value as unknown as RuleDeclaration, relative(file));
    }
  }
  return Object.entries(STAGE_RULES).flatMap(([stage, rules]) =>
    rules.map((rule) => {
      const exportedBy = exporters.get(rule);
      return { stage, rule, origin: rule.origin ?? (exportedBy ? [exportedBy] : []), exportedBy };
    }),
  );
}

/** The files of a stage that may report, each with the ids it names (its `rules.ts` declares, it does not report). */
function namedByFile(stage: string): Map<string, Set<string>> {
  const files = sourceFiles(path.join(SRC, stage)).filter((f) => relative(f) !== `${stage}/rules.ts`);
  return new Map(files.map((f) => [relative(f), idsNamed(f, readFileSync(f, 'utf8'))]));
}

describe('rule declarations name the files that report their ids', () => {
  it('finds the ids a source names in its code, not in its comments or types', () => {
    const text = [
      "/** Reports `file-encoding` and 'lix'. */",
      "type Problem = { id: 'data-value.unsafe-number' };",
      "const name: 'spelling' = 'spelling' as 'spelling';",
      "diagnostics.error(`yaml-empty.${core}`, file, at, {}); // 'image-format'",
      "throw new HelperError('template-helper.count', {}, loc);",
      "const found = { id: open ? 'image-missing' : 'image-outside.path' };",
      "warnings.push({ ruleId: 'appendix-fonts', messageId: 'appendix-fonts.not-embedded' });",
      "const other = ['figure', 'chapter-empty.', `data-schema${x}`, 'id-duplicate.', 'pdf.why.appendix-fonts'];",
    ].join('\n');
    expect([...idsNamed('example.ts', text)].sort()).toEqual(['appendix-fonts', 'id-duplicate', 'image-missing', 'spelling', 'template-helper', 'yaml-empty']);
  });

  it('every declaration of a stage names its files, in the stage’s folder or, for an id later stages report too, in theirs', async () => {
    const order = Object.keys(STAGE_RULES);
    const wrong: string[] = [];
    for (const d of await declarations()) {
      const ids = d.rule.ids.join(', ');
      if (!d.exportedBy && !d.rule.origin?.length) wrong.push(`${d.stage}/rules.ts: ${ids} names no origin`);
      if (d.exportedBy && !d.origin.includes(d.exportedBy)) wrong.push(`${d.exportedBy}: the rule of ${ids} does not name its own file`);
      if (!d.origin.some((file) => file.startsWith(`${d.stage}/`))) wrong.push(`${ids} (${d.stage}): no file of ${d.stage}/ reports it`);
      for (const file of d.origin) {
        const stage = file.split('/')[0] ?? '';
        if (file === `${stage}/rules.ts` || order.indexOf(stage) < order.indexOf(d.stage)) wrong.push(`${ids} (${d.stage}): ${file} is not a file of ${d.stage}/ or of a later stage`);
        else if (!existsSync(path.join(SRC, file))) wrong.push(`${ids} (${d.stage}): ${file} does not exist`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each id is declared once and named in every file of its origin and in no other file of the stages; every id a file names is declared', async () => {
    const all = await declarations();
    const wrong: string[] = [];
    const declared = new Map<string, Declared>();
    for (const d of all) {
      for (const id of d.rule.ids) {
        if (declared.has(id)) wrong.push(`${id} is declared twice (${declared.get(id)?.stage}, ${d.stage})`);
        declared.set(id, d);
      }
    }
    const named = new Map([...Object.keys(STAGE_RULES)].flatMap((stage) => [...namedByFile(stage)]));
    for (const d of all) {
      for (const id of d.rule.ids) for (const file of d.origin) if (named.get(file) && !named.get(file)?.has(id)) wrong.push(`${file} does not name ${id}, which its declaration says it reports`);
    }
    for (const [file, ids] of named) {
      for (const id of ids) {
        const d = declared.get(id);
        if (!d) wrong.push(`${file} names ${id}, which no declaration lists`);
        else if (!d.origin.includes(file)) wrong.push(`${file} names ${id}, whose declaration (${d.stage}) names ${d.origin.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the ids the format helpers throw name a file of each stage that reports a helper’s error', async () => {
    const thrown = new Set([...sourceFiles(path.join(SRC, 'format'))].flatMap((f) => [...idsNamed(f, readFileSync(f, 'utf8'))]));
    expect([...thrown]).toContain('template-helper');
    const catching = new Set(sourceFiles(SRC).filter((f) => !relative(f).startsWith('format/') && /\binstanceof HelperError\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(f).split('/')[0] as string));
    expect([...catching].sort()).toEqual(['expand', 'model']);
    const wrong: string[] = [];
    const all = await declarations();
    for (const id of thrown) {
      const origin = all.find((d) => d.rule.ids.includes(id))?.origin ?? [];
      for (const stage of catching) if (!origin.some((file) => file.startsWith(`${stage}/`))) wrong.push(`${stage} reports ${id} from a helper but its declaration names no file of ${stage}/`);
    }
    expect(wrong).toEqual([]);
  });
});
