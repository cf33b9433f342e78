import { readFileSync } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { FONT_TYPES, locateProfile, PROFILE_FILE, profileFiles, shownPath } from './load-profile.js';
import type { SourceFile, Sources } from './source-file.js';

/** Largest source file the build reads; larger ones are refused with a diagnostic. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * The tool's own folder (holds the built-in `templates/`, `schemas/`, `starters/` and
 * `node_modules/`): the nearest folder above this module with the tool's
 * package.json, whether it runs from src/ (tests) or from the bundle in lib/.
 */
export const TOOL_ROOT = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'redovisning') return dir;
    } catch {
      // no package.json here
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the redovisning package folder');
    dir = parent;
  }
})();

/** The built-in templates; a report root's `templates/` may override each, and add partials of its own. */
const TEMPLATE_NAMES = ['layout.hbs', 'print.hbs', 'partials/letterhead.hbs', 'partials/beslut.hbs', 'style.css', 'print.css', 'pdf.css'];

/** The files every report may have whose shape the tool knows; it ships their JSON Schemas. */
export const CORE_FILES = ['rapport', 'bilagor', 'tabeller', 'figurer', 'berakning', 'kontroller'] as const;
export type CoreFile = (typeof CORE_FILES)[number];

/**
 * Reads a report root: chapters, data files, schemas, appendix bodies and
 * templates (with the tool's core schemas and built-in templates).
 * Problems an author can cause (missing folders, unreadable or oversized
 * files, bad encodings) become diagnostics; nothing here throws for them.
 */
export async function loadReport(root: string, diagnostics: Diagnostics): Promise<Sources> {
  // The real path, so that links inside the report can be told from links leading out of it.
  const absoluteRoot = await realpath(path.resolve(root)).catch(() => path.resolve(root));
  const sources: Sources = {
    root: absoluteRoot,
    chapters: [],
    extraContent: new Map(),
    data: new Map(),
    schemas: new Map(),
    coreSchemas: new Map(),
    templates: new Map(),
    fonts: new Map(),
  };

  // A folder may be a symbolic link within the report; one that leads out of it is never read.
  for (const folder of ['content', 'data', 'schemas', 'templates']) await insideRoot(absoluteRoot, folder, diagnostics);
  if (diagnostics.hasErrors) return sources;
  for (const folder of ['content', 'data']) {
    const info = await stat(path.join(absoluteRoot, folder)).catch(() => undefined);
    if (!info?.isDirectory()) {
      diagnostics.error('report-root', `${folder}/`, undefined, { folder, root: absoluteRoot });
    }
  }
  if (diagnostics.hasErrors) return sources;

  // Every file is listed first, then all are read at once: the reads overlap instead of waiting in turn.
  const list = (folder: string): Promise<string[]> => listFiles(absoluteRoot, folder, diagnostics);
  const [contentFiles, dataFiles, schemaFiles, partialFiles, ownTemplates, ownFonts] = await Promise.all([list('content'), list('data'), list('schemas'), list('templates/partials'), list('templates'), list('fonts')]);
  const reads: Promise<void>[] = [];
  const read = (base: string, relative: string, keep: (file: SourceFile) => void): void => {
    reads.push(readSource(base, relative, diagnostics).then((file) => file && keep(file)));
  };
  const chapters: (SourceFile | undefined)[] = [];
  contentFiles.sort().forEach((relative) => {
    if (!relative.endsWith('.md')) return;
    if (relative.includes('/')) read(absoluteRoot, `content/${relative}`, (file) => sources.extraContent.set(relative, file));
    else {
      const at = chapters.push(undefined) - 1;
      read(absoluteRoot, `content/${relative}`, (file) => (chapters[at] = file));
    }
  });
  for (const relative of dataFiles.sort()) {
    const name = /^([^/]+)\.ya?ml$/.exec(relative)?.[1];
    if (name) read(absoluteRoot, `data/${relative}`, (file) => sources.data.set(name, file));
  }
  for (const relative of schemaFiles.sort()) {
    const name = /^([^/]+)\.schema\.json$/.exec(relative)?.[1];
    // The tool's own schemas (of the core files, and of a profile) are read from the tool.
    if (name && !(CORE_FILES as readonly string[]).includes(name) && name !== 'profil') read(absoluteRoot, `schemas/${relative}`, (file) => sources.schemas.set(name, file));
  }
  for (const name of CORE_FILES) read(TOOL_ROOT, `schemas/${name}.schema.json`, (file) => sources.coreSchemas.set(name, file));
  // The built-in templates the report does not override come from its profile, when it has one (below).
  const fromProfileOrTool = TEMPLATE_NAMES.filter((name) => !ownTemplates.includes(name));
  for (const name of TEMPLATE_NAMES) if (ownTemplates.includes(name)) read(absoluteRoot, `templates/${name}`, (file) => sources.templates.set(name, file));
  // The report's own partials (tables drawn by a template of their own).
  for (const relative of partialFiles.sort()) {
    const name = `partials/${relative}`;
    if (relative.endsWith('.hbs') && !TEMPLATE_NAMES.includes(name)) read(absoluteRoot, `templates/${name}`, (file) => sources.templates.set(name, file));
  }
  await Promise.all(reads);
  reads.length = 0;
  const profile = await locateProfile(absoluteRoot, sources.data.get('rapport'), TOOL_ROOT, diagnostics);
  const profileHas = profile ? await profileFiles(profile.dir) : { templates: [], fonts: [] };
  if (profile) {
    const shown = (relative: string): string => shownPath(absoluteRoot, path.join(profile.dir, relative));
    const readShown = (relative: string, keep: (file: SourceFile) => void): void => {
      const at = shown(relative);
      read(path.isAbsolute(at) ? path.sep : absoluteRoot, at, keep);
    };
    readShown(PROFILE_FILE, (file) => (sources.profile = { name: profile.name, root: profile.dir, file, wordList: shown('ordlista.txt') }));
    read(TOOL_ROOT, 'schemas/profil.schema.json', (file) => (sources.profileSchema = file));
    // The profile's own partials, unless the report has one of the same name.
    for (const name of profileHas.templates.sort()) {
      const own = name.startsWith('partials/') && partialFiles.includes(name.slice('partials/'.length));
      if (name.startsWith('partials/') && name.endsWith('.hbs') && !TEMPLATE_NAMES.includes(name) && !own) readShown(`templates/${name}`, (file) => sources.templates.set(name, file));
    }
    for (const name of fromProfileOrTool) if (profileHas.templates.includes(name)) readShown(`templates/${name}`, (file) => sources.templates.set(name, file));
    for (const font of profileHas.fonts) sources.fonts.set(font, path.join(profile.dir, 'fonts', font));
  }
  for (const name of fromProfileOrTool) if (!profileHas.templates.includes(name)) read(TOOL_ROOT, `templates/${name}`, (file) => sources.templates.set(name, file));
  for (const font of ownFonts) if (!font.includes('/') && Object.hasOwn(FONT_TYPES, path.extname(font).slice(1).toLowerCase())) sources.fonts.set(font, path.join(absoluteRoot, 'fonts', font));
  await Promise.all(reads);
  sources.chapters = chapters.filter((c): c is SourceFile => c !== undefined);
  // Maps in a stable order, whatever order the reads finished in.
  sources.data = new Map([...sources.data].sort(([a], [b]) => a.localeCompare(b)));
  sources.schemas = new Map([...sources.schemas].sort(([a], [b]) => a.localeCompare(b)));
  sources.extraContent = new Map([...sources.extraContent].sort(([a], [b]) => a.localeCompare(b)));
  sources.coreSchemas = new Map([...sources.coreSchemas].sort(([a], [b]) => a.localeCompare(b)));
  sources.templates = new Map([...sources.templates].sort(([a], [b]) => a.localeCompare(b)));
  return sources;
}

/**
 * A report root without chapters (`content/` empty), said once the other
 * stages have read: only when nothing else is wrong, since a root that
 * fails to load has no chapters either.
 */
export function reportNoChapters(sources: Sources, diagnostics: Diagnostics): void {
  if (sources.chapters.length === 0 && !diagnostics.hasErrors) diagnostics.error('content-empty', 'content/', undefined, {});
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * True when `relative` (a folder or file of the report) is no symbolic link,
 * or one to a place inside the report root; a link out of it is an error at
 * its path, and what it leads to is never read.
 */
async function insideRoot(root: string, relative: string, diagnostics: Diagnostics): Promise<boolean> {
  const absolute = path.join(root, relative);
  const info = await lstat(absolute).catch(() => undefined);
  if (!info?.isSymbolicLink()) return true;
  const target = await realpath(absolute).catch(() => undefined);
  if (target === undefined) {
    diagnostics.error('file-unreadable', relative, undefined, { reason: 'ENOENT' });
    return false;
  }
  if (within(target, root)) return true;
  diagnostics.error('file-outside', info.isSymbolicLink() && (await stat(absolute)).isDirectory() ? `${relative}/` : relative, undefined, { path: relative, target });
  return false;
}

/**
 * Lists the files under a folder of the report recursively, as paths relative
 * to the folder with `/`. A symbolic link to a file or folder inside the root
 * counts as what it leads to; one leading out of the root (or nowhere) is an
 * error at its path.
 */
async function listFiles(root: string, folder: string, diagnostics: Diagnostics, seen = new Set<string>()): Promise<string[]> {
  const dir = path.join(root, folder);
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const relative = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (e.isFile()) out.push(relative);
    else if (e.isSymbolicLink() && (await insideRoot(root, `${folder}/${relative}`, diagnostics))) {
      const info = await stat(path.join(dir, relative)).catch(() => undefined);
      if (info?.isFile()) out.push(relative);
      else if (info?.isDirectory()) out.push(...(await listFiles(root, `${folder}/${relative}`, diagnostics, seen)).map((f) => `${relative}/${f}`));
    }
  }
  return out;
}

/**
 * Reads one UTF-8 text file, refusing oversized files and invalid UTF-8.
 * A leading BOM is dropped (editors on Windows add one).
 */
export async function readSource(
  root: string,
  relative: string,
  diagnostics: Diagnostics,
): Promise<SourceFile | undefined> {
  const absolute = path.join(root, relative);
  try {
    const info = await stat(absolute);
    if (info.size > MAX_SOURCE_BYTES) {
      diagnostics.error('file-too-large', relative, undefined, { size: info.size, limit: MAX_SOURCE_BYTES });
      return undefined;
    }
    const bytes = await readFile(absolute);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      diagnostics.error('file-encoding', relative, undefined, {});
      return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { path: relative, absolute, text };
  } catch (error) {
    diagnostics.error('file-unreadable', relative, undefined, { reason: (error as Error).message });
    return undefined;
  }
}
