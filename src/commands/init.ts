import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CORE_FILES, TOOL_ROOT } from '../load/load-report.js';
import { text } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { findInitProfile, useProfile } from './init-profile.js';
import { repositoryFiles } from './init-repository.js';

/** The starter reports `init` copies, each small, complete and clean under every check. */
export const STARTERS_DIR = path.join(TOOL_ROOT, 'starters');

/** The starters by name: a generic report, and one shaped like a pilot-project report. */
export const STARTERS = ['generisk', 'pilotprojekt'] as const;
export type StarterName = (typeof STARTERS)[number];

/**
 * A starter's comments in English, beside the starter
 * (`starters/<name>.comments.json`: each Swedish comment as the starter has
 * it, with its English).
 */
export async function starterComments(starter: StarterName): Promise<Map<string, string>> {
  return new Map(Object.entries(JSON.parse(await readFile(path.join(STARTERS_DIR, `${starter}.comments.json`), 'utf8')) as Record<string, string>));
}

/**
 * A starter file's comments in another language: each comment the
 * starter's translations know (YAML `# …` or Handlebars `{{!-- … --}}`),
 * replaced whole.
 */
export function translateComments(source: string, lang: Lang, english: ReadonlyMap<string, string>): string {
  if (lang === 'sv') return source;
  return source
    .split('\n')
    .map((line) => {
      const yaml = /^(.*?#\s)(.*)$/.exec(line);
      if (yaml?.[2] !== undefined && english.has(yaml[2].trim())) return `${yaml[1]}${english.get(yaml[2].trim())}`;
      const hbs = /^\{\{!-- (.*) --\}\}$/.exec(line);
      if (hbs?.[1] !== undefined && english.has(hbs[1])) return `{{!-- ${english.get(hbs[1])} --}}`;
      return line;
    })
    .join('\n');
}

/**
 * `redovisning init <dir>`: creates a new report root from a starter, with
 * copies of the tool's core schemas in `schemas/` so that the editor hints
 * in the data files work, and its comments in the author's language; and
 * what makes the folder a repository of its own (package.json, .gitignore, CI).
 * With a profile (`--profil`), the report names it and takes the agency's
 * fields from it. Refuses a folder that already has files, so nothing is overwritten.
 * Returns the exit code.
 */
export async function initCommand(dir: string, starter: StarterName, lang: Lang, say: (line: string) => void, profileName?: string): Promise<number> {
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) {
    process.stderr.write(`${text(lang, 'init.not-empty', { target })}\n`);
    return 2;
  }
  if (existing === undefined && (await stat(target).catch(() => undefined))) {
    process.stderr.write(`${text(lang, 'init.is-file', { target })}\n`);
    return 2;
  }
  const profile = profileName === undefined ? undefined : await findInitProfile(target, profileName);
  if (profileName !== undefined && !profile) {
    process.stderr.write(`${text(lang, 'init.profile-missing', { name: profileName })}\n`);
    return 2;
  }
  await cp(path.join(STARTERS_DIR, starter), target, { recursive: true });
  for (const name of CORE_FILES) await cp(path.join(TOOL_ROOT, 'schemas', `${name}.schema.json`), path.join(target, 'schemas', `${name}.schema.json`));
  const english = await starterComments(starter);
  for (const entry of await readdir(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ya?ml|md)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = await readFile(file, 'utf8');
    const translated = translateComments(source, lang, english);
    if (translated !== source) await writeFile(file, translated);
  }
  if (profile) {
    const rapport = path.join(target, 'data', 'rapport.yaml');
    const source = await readFile(rapport, 'utf8');
    const logo = /^logotyp:\s*(\S+)/m.exec(source)?.[1];
    await writeFile(rapport, useProfile(source, profile, text(lang, 'init.profile-comment')));
    // The starter's logo gives way to the agency's.
    if (logo && Object.hasOwn(profile.fields, 'logotyp')) await rm(path.join(target, logo), { force: true });
  }
  for (const file of repositoryFiles(target, lang)) {
    await mkdir(path.dirname(path.join(target, file.path)), { recursive: true });
    await writeFile(path.join(target, file.path), file.content, { flag: 'wx' });
  }
  const data = (await readdir(path.join(target, 'data'))).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  say(text(lang, 'init.created', { target }));
  say(text(lang, 'init.data', { files: data.join(', ') }));
  say(text(lang, 'init.schemas'));
  say(text(lang, 'init.content'));
  say(text(lang, 'init.repository'));
  say(text(lang, 'init.next', { dir }));
  return 0;
}
