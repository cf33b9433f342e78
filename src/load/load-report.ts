import { readFileSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { SourceFile, Sources } from './source-file.js';

/** Largest source file the build reads; larger ones are refused with a diagnostic. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * The tool's own folder (holds the built-in `templates/`, `starter/` and
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

const TEMPLATE_NAMES = ['layout.hbs', 'print.hbs', 'partials/letterhead.hbs', 'style.css', 'print.css', 'pdf.css'];

/**
 * Reads a report root: chapters, data files, appendix bodies and templates.
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
    templates: new Map(),
  };

  for (const folder of ['content', 'data']) {
    const info = await stat(path.join(absoluteRoot, folder)).catch(() => undefined);
    if (!info?.isDirectory()) {
      diagnostics.error(
        'report-root',
        `${folder}/`,
        undefined,
        `no ${folder}/ folder in ${absoluteRoot}: a report root holds content/ (Markdown chapters) and data/ (YAML facts); pass the report's folder or run 'redovisning init' to create one`,
      );
    }
  }
  if (diagnostics.hasErrors) return sources;

  const contentFiles = await listFiles(path.join(absoluteRoot, 'content'));
  for (const relative of contentFiles.sort()) {
    if (!relative.endsWith('.md')) continue;
    const file = await readSource(absoluteRoot, `content/${relative}`, diagnostics);
    if (!file) continue;
    if (relative.includes('/')) sources.extraContent.set(relative, file);
    else sources.chapters.push(file);
  }

  for (const relative of (await listFiles(path.join(absoluteRoot, 'data'))).sort()) {
    const match = /^([^/]+)\.ya?ml$/.exec(relative);
    if (!match?.[1]) continue;
    const file = await readSource(absoluteRoot, `data/${relative}`, diagnostics);
    if (file) sources.data.set(match[1], file);
  }

  for (const name of TEMPLATE_NAMES) {
    const own = path.join(absoluteRoot, 'templates', name);
    const useOwn = await stat(own).then((s) => s.isFile(), () => false);
    const file = useOwn
      ? await readSource(absoluteRoot, `templates/${name}`, diagnostics)
      : await readSource(TOOL_ROOT, `templates/${name}`, diagnostics);
    if (file) sources.templates.set(name, file);
  }
  return sources;
}

/** Lists files under `dir` recursively, as paths relative to it with `/`. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
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
      diagnostics.error(
        'file-too-large',
        relative,
        undefined,
        `file is ${info.size} bytes, over the limit of ${MAX_SOURCE_BYTES} bytes: split it into smaller chapters or data files`,
      );
      return undefined;
    }
    const bytes = await readFile(absolute);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      diagnostics.error('file-encoding', relative, undefined, 'file is not valid UTF-8: save it as UTF-8');
      return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { path: relative, absolute, text };
  } catch (error) {
    diagnostics.error('file-unreadable', relative, undefined, `cannot read the file (${(error as Error).message})`);
    return undefined;
  }
}
