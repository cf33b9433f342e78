import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGES, TEXTS } from '../src/messages/catalogue.js';
import { TEMPLATE_TOKENS } from '../src/messages/catalogue/handlebars.js';
import { resolveLang } from '../src/messages/lang.js';
import { formattersFor, type Lang, type MessageDef } from '../src/messages/message.js';
import { cli } from './e2e/build.js';
import { copyOfReport } from './e2e/copy.js';
import { REPO, STARTERS } from './helpers.js';

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

const CATALOGUE = { ...MESSAGES, ...TEXTS } as Record<string, MessageDef<Record<string, unknown>>>;
const render = (def: MessageDef<Record<string, unknown>>, params: Record<string, unknown>, lang: Lang): string => def[lang](params, formattersFor(lang));

/** A stand-in value for a parameter that shows up recognisably in a text, and how it shows. */
function sentinel(example: unknown): { value: unknown; shown: (lang: Lang) => RegExp } | undefined {
  const word = (): RegExp => /ZQXSENTINEL/;
  if (typeof example === 'string' || example === undefined) return { value: 'ZQXSENTINEL', shown: word };
  // A number is written grouped (amounts) or as it is (a bilaga's number, a port).
  if (typeof example === 'number') return { value: 987654, shown: (lang) => new RegExp(`987654|${formattersFor(lang).n(987654)}`) };
  if (Array.isArray(example)) return { value: ['ZQXSENTINEL'], shown: word };
  if (example && typeof example === 'object' && 'kind' in example) return { value: { kind: 'text', text: 'ZQXSENTINEL' }, shown: word };
  if (example && typeof example === 'object' && 'sv' in example && 'en' in example) return { value: { sv: 'ZQXSENTINEL', en: 'ZQXSENTINEL' }, shown: word };
  return undefined; // booleans choose between wordings; both languages are rendered with each value below
}

/** Parameters that choose a wording rather than being printed, with their values. */
const CHOICES: Record<string, unknown[]> = { 'expression-type.expected': ['boolean', 'list', 'number'], 'handlebars.token.token': Object.keys(TEMPLATE_TOKENS), 'import.skipped.kind': ['comment', 'insertion', 'deletion', 'text-box', 'field', 'style', 'image'] };

/** Parameters that only show when another is absent (a list shown when there is no "did you mean"). */
const ALTERNATIVES = ['hint', 'key', 'comparison', 'description'];

describe('the message catalogue', () => {
  it('has every message in Swedish and in English, and they differ where there are words to translate', () => {
    for (const [id, def] of Object.entries(CATALOGUE)) {
      for (const lang of ['sv', 'en'] as const) {
        expect(typeof def[lang], `${id} ${lang}`).toBe('function');
        expect(render(def, def.example, lang).length, `${id} ${lang}`).toBeGreaterThan(0);
      }
      const sv = render(def, def.example, 'sv');
      const en = render(def, def.example, 'en');
      if (/[a-zåäö]{4,}/i.test(sv.replace(/'[^']*'|"[^"]*"|\{\{[^}]*\}\}|\S+\/\S+|ZQX\w+/g, '')) && !/^redovisning: /.test(sv)) expect(sv, id).not.toBe(en);
    }
  });

  it('uses every parameter in both languages', () => {
    const unused: string[] = [];
    for (const [id, def] of Object.entries(CATALOGUE)) {
      for (const [name, example] of Object.entries(def.example)) {
        const choices = typeof example === 'boolean' ? [true, false] : CHOICES[`${id}.${name}`];
        if (choices) {
          // Each value gives its own wording, in both languages.
          for (const lang of ['sv', 'en'] as const) {
            const texts = choices.map((value) => render(def, { ...def.example, [name]: value }, lang));
            expect(new Set(texts).size, `${id}.${name} in ${lang}`).toBe(choices.length);
          }
          continue;
        }
        const stand = sentinel(example);
        if (!stand) continue;
        const variants = [{ ...def.example, [name]: stand.value }, { ...def.example, ...Object.fromEntries(ALTERNATIVES.filter((a) => a !== name && a in def.example).map((a) => [a, undefined])), [name]: stand.value }];
        let used = false;
        for (const params of variants) {
          const inSv = stand.shown('sv').test(render(def, params, 'sv'));
          const inEn = stand.shown('en').test(render(def, params, 'en'));
          expect(inSv, `${id}: parameter '${name}' in Swedish ${inSv ? 'but not' : 'and'} in English`).toBe(inEn);
          used ||= inSv;
        }
        if (!used) unused.push(`${id}.${name}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('formats amounts the Swedish way in Swedish', () => {
    expect(formattersFor('sv').n(19350000)).toBe('19\u00a0350\u00a0000');
    expect(formattersFor('en').n(19350000)).toBe('19,350,000');
    expect(formattersFor('sv').n(0.0017006)).toBe('0,0017');
  });
});

describe('the language', () => {
  it('is --lang, then REDOVISNING_LANG, then the locale; Swedish without any of them', () => {
    expect(resolveLang('en', { REDOVISNING_LANG: 'sv', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { REDOVISNING_LANG: 'en', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_ALL: 'sv_FI.UTF-8', LANG: 'en_US.UTF-8' })).toBe('sv');
    expect(resolveLang(undefined, { LANG: 'C.UTF-8' })).toBe('sv');
    expect(resolveLang(undefined, {})).toBe('sv');
  });

  it('the help follows it', async () => {
    const sv = await cli(['--help']);
    expect(sv.stdout).toContain('Användning: redovisning [alternativ] [kommando]');
    expect(sv.stdout).toContain('kör alla kontroller av en rapport');
    const en = await cli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: redovisning [options] [command]');
    expect(en.stdout).toContain('run every check on a report');
    expect((await cli(['build', '--help'], { env: { REDOVISNING_LANG: 'en' } })).stdout).toContain('skip the PDF');
    expect((await cli(['build', '--help'], { env: { REDOVISNING_LANG: '', LANG: 'en_GB.UTF-8' } })).stdout).toContain('skip the PDF');
    const usage = await cli(['dev', '--port', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--port ska vara ett heltal 0–65535, inte "x"');
    expect((await cli(['bygg'])).stderr).toContain("fel: okänt kommando 'bygg'");
  });

  it('diagnostics keep their places, ids and shape in both languages; only the words change', async () => {
    const root = await copyOfReport(REPO);
    temporary.push(root);
    const budget = path.join(root, 'data', 'budget.yaml');
    await writeFile(budget, (await readFile(budget, 'utf8')).replace('egetArbete: 650000', 'egetArbete: 650001').replace('projekt: kul,', 'projekt: kull,'));
    const chapter = path.join(root, 'content', '03-genomforande.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('(bilaga 2)', '(bilaga 9)'));
    const background = path.join(root, 'content', '02-bakgrund.md');
    await writeFile(background, (await readFile(background, 'utf8')).replace('{{uppdrag.ledning}}', '{{uppdrag.ledningen}}'));
    const sv = await cli(['check', root]);
    const en = await cli(['check', root, '--lang', 'en']);
    expect(sv.code).toBe(1);
    expect(en.code).toBe(1);
    const shape = (out: string): string[] => out.trim().split('\n').map((l) => l.replace(/: (fel|error|varning|warning): .* (\[[a-z0-9-]+\])$/, ': $1: $2').replace(/^\d+ (fel|errors?), .*$/, 'summary'));
    const [svLines, enLines] = [shape(sv.stderr), shape(en.stderr)];
    expect(svLines.map((l) => l.replace(': fel:', ': error:').replace(': varning:', ': warning:'))).toEqual(enLines);
    expect(sv.stderr).toContain("data/budget.yaml:14:16: fel: 'kull' finns inte bland projekt.id: menar du 'kul'? [data-reference]");
    expect(en.stderr).toContain("data/budget.yaml:14:16: error: 'kull' is not one of projekt.id: did you mean 'kul'? [data-reference]");
    expect(sv.stderr).toContain('content/03-genomforande.md:3:1150: fel: bilaga 9 finns inte: data/bilagor.yaml har bilaga 1–6. Rätta numret eller lägg till bilagan [appendix-unknown]');
    expect(en.stderr).toContain('content/03-genomforande.md:3:1150: error: bilaga 9 does not exist: data/bilagor.yaml registers bilaga 1–6; correct the number or add the appendix [appendix-unknown]');
    expect(sv.stderr).toMatch(/^content\/02-bakgrund\.md:3:\d+: fel: '\{\{uppdrag\.ledningen\}\}': det finns ingen 'ledningen' i 'uppdrag'; menar du 'ledning'\? \[template-missing-key\]$/m);
    expect(en.stderr).toMatch(/^content\/02-bakgrund\.md:3:\d+: error: '\{\{uppdrag\.ledningen\}\}': there is no 'ledningen' in 'uppdrag'; did you mean 'ledning'\? \[template-missing-key\]$/m);
    expect(sv.stderr).toContain('(19\u00a0350\u00a0000 + 650\u00a0001 ≠ 20\u00a0000\u00a0000) [budget-assignment-funds]');
    expect(en.stderr).toContain('(19,350,000 + 650,001 ≠ 20,000,000) [budget-assignment-funds]');
    expect(sv.stderr).toMatch(/^\d+ fel, 5 varningar$/m);
    expect(en.stderr).toMatch(/^\d+ errors?, 5 warnings$/m);

    // The README's problem matchers read both: each located line is matched by the pattern of its severity.
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const [errorPattern, warningPattern] = [...readme.matchAll(/"regexp": ("(?:[^"\\]|\\.)*")/g)].map((m) => new RegExp(JSON.parse(m[1] ?? '""') as string));
    for (const line of [...sv.stderr.split('\n'), ...en.stderr.split('\n')].filter((l) => /^\S+:\d+:\d+: /.test(l))) {
      const severe = /: (fel|error): /.test(line);
      expect(errorPattern?.test(line), line).toBe(severe);
      expect(warningPattern?.test(line), line).toBe(!severe);
      expect(errorPattern?.exec(line)?.[5] ?? warningPattern?.exec(line)?.[5]).toMatch(/^[a-z0-9-]+$/);
    }
  });
});

describe('init writes its comments in the author\'s language', () => {
  it.each(['generisk', 'pilotprojekt'])('every comment of the %s starter has its English beside the starter, and every entry is used', (starter) => {
    const comments = new Set<string>();
    const dir = path.join(STARTERS, starter);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ya?ml|md)$/.test(file)) continue;
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        const yaml = /#\s(.*)$/.exec(line)?.[1];
        if (file.endsWith('.yaml') && yaml !== undefined && !yaml.startsWith('yaml-language-server')) comments.add(yaml.trim());
        const hbs = /^\{\{!-- (.*) --\}\}$/.exec(line)?.[1];
        if (hbs !== undefined) comments.add(hbs);
      }
    }
    const english = JSON.parse(readFileSync(path.join(STARTERS, `${starter}.comments.json`), 'utf8')) as Record<string, string>;
    expect([...comments].filter((c) => !Object.hasOwn(english, c))).toEqual([]);
    expect(Object.keys(english).filter((c) => !comments.has(c))).toEqual([]);
    expect(Object.entries(english).filter(([sv, en]) => !en || en === sv).map(([sv]) => sv)).toEqual([]);
  });

  it('Swedish by default, English with --lang en, and the report checks clean either way', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-lang-'));
    temporary.push(parent);
    expect((await cli(['init', path.join(parent, 'sv'), '--quiet'])).code).toBe(0);
    const en = await cli(['init', path.join(parent, 'en'), '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('created a report in');
    const svRapport = await readFile(path.join(parent, 'sv', 'data', 'rapport.yaml'), 'utf8');
    const enRapport = await readFile(path.join(parent, 'en', 'data', 'rapport.yaml'), 'utf8');
    expect(svRapport).toContain("# Brevhuvudet och dokumentets egna uppgifter. Varje redovisning har den här filen.");
    expect(enRapport).toContain("# The letterhead and the document's own facts. Every redovisning has this file.");
    expect(enRapport.replace(/#.*$/gm, '')).toBe(svRapport.replace(/#.*$/gm, ''));
    const english = (await cli(['check', path.join(parent, 'en'), '--lang', 'en'])).stderr.trim().split('\n');
    expect(english[0]).toBe('0 errors, 0 warnings');
    expect(english[1]).toMatch(/^LIX \(readability\): Sammanfattning \d+ · .*; the whole report \d+ \((easy|medium)\)$/);
  });
});
