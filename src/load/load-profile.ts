import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import * as yaml from 'js-yaml';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { SourceFile } from './source-file.js';

/** The file of a profile that holds its default fields of `data/rapport.yaml`. */
export const PROFILE_FILE = 'profil.yaml';

/** The font files a profile (or a report) may publish from its `fonts/`, by extension. */
export const FONT_TYPES: Readonly<Record<string, string>> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', otf: 'font/otf' };

/** An agency profile as the load stage found it: its folder, and what it holds. */
export interface ProfileSources {
  /** The name as `profil:` in data/rapport.yaml writes it (a folder or a package name). */
  name: string;
  /** The profile's folder (its real path). */
  root: string;
  /** `profil.yaml`, with a path relative to the report root (or absolute, when that is shorter). */
  file: SourceFile;
  /** Where the profile's word list would be (`ordlista.txt`), as a path from the report root. */
  wordList: string;
}

/** A path to show for a file of the profile: relative to the report root, or absolute when that is shorter. */
export function shownPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  return relative.length <= absolute.length ? relative : absolute;
}

/** True for a name that is a folder (`./profil`, `../byra/profil`, `/srv/profil`) rather than a package name. */
export function isFolderName(name: string): boolean {
  return name.startsWith('.') || path.isAbsolute(name) || (name.includes('/') && !name.startsWith('@'));
}

/**
 * The `profil:` of data/rapport.yaml and where it is written, read from the
 * text before the parse stage (which reports the file's own problems): the
 * profile's templates are loaded with the report's.
 */
export function profileReference(file: SourceFile): { name: string; point: { line: number; column: number } } | undefined {
  let value: unknown;
  try {
    value = yaml.load(file.text, { maxAliases: 0, maxDepth: 20 });
  } catch {
    return undefined;
  }
  const name = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)['profil'] : undefined;
  if (typeof name !== 'string' || name === '') return undefined;
  const at = /^profil\s*:\s*/m.exec(file.text);
  const point = at ? new LineIndex(file.text).point(at.index + at[0].length) : { line: 1, column: 1 };
  return { name, point };
}

/**
 * Finds a profile's folder: a folder relative to the report root, or an
 * installed npm package, looked for as Node looks for packages (in the
 * `node_modules/` of the report root and of each folder above it), then
 * beside the tool (`toolRoot`: an agency that installs the tool and its profile together).
 */
export async function findProfile(root: string, name: string, toolRoot: string): Promise<string | undefined> {
  const candidates = isFolderName(name)
    ? [path.resolve(root, name)]
    : [root, toolRoot].flatMap((from) => {
        const out: string[] = [];
        for (let dir = from; ; dir = path.dirname(dir)) {
          out.push(path.join(dir, 'node_modules', name));
          if (path.dirname(dir) === dir) return out;
        }
      });
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isDirectory()) return realpath(candidate);
  }
  return undefined;
}

/** Lists a folder's files recursively, as paths relative to it with `/`. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** The profile named by data/rapport.yaml, found and checked to hold a profil.yaml; problems are diagnostics at `profil:`. */
export async function locateProfile(root: string, rapport: SourceFile | undefined, toolRoot: string, diagnostics: Diagnostics): Promise<{ name: string; dir: string } | undefined> {
  const reference = rapport && profileReference(rapport);
  if (!reference) return undefined;
  const dir = await findProfile(root, reference.name, toolRoot);
  if (!dir) {
    diagnostics.error(isFolderName(reference.name) ? 'profile-missing.folder' : 'profile-missing.package', rapport.path, reference.point, { name: reference.name });
    return undefined;
  }
  if (!existsSync(path.join(dir, PROFILE_FILE))) {
    diagnostics.error('profile-missing.file', rapport.path, reference.point, { name: reference.name, dir });
    return undefined;
  }
  return { name: reference.name, dir };
}

/** The files of a profile's folder the load stage reads: its templates and fonts. */
export async function profileFiles(dir: string): Promise<{ templates: string[]; fonts: string[] }> {
  const [templates, fonts] = await Promise.all([listFiles(path.join(dir, 'templates')), listFiles(path.join(dir, 'fonts'))]);
  return { templates, fonts: fonts.filter((f) => !f.includes('/') && Object.hasOwn(FONT_TYPES, path.extname(f).slice(1).toLowerCase())) };
}
