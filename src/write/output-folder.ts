import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { TextId } from '../messages/catalogue.js';
import { ToolError } from '../messages/tool-error.js';

/**
 * The file every output folder gets: a build replaces (and so removes) only a
 * folder that holds it, or one that holds exactly what an output holds.
 */
export const OUTPUT_MARKER = '.redovisning-utdata';

/** What the marker says to someone who finds it. */
export const OUTPUT_MARKER_TEXT = 'Skriven av redovisning build: mappen ersätts helt vid nästa bygge.\nWritten by redovisning build: the folder is replaced as a whole by the next build.\n';

/** The entries at the top of an output folder (as earlier versions wrote it too, without the marker). */
const OUTPUT_ENTRIES = new Set(['index.html', 'assets', 'data', 'bilagor', 'redovisning.pdf', 'redovisning.docx', OUTPUT_MARKER]);

/** The report's folders that hold what the author wrote. */
const SOURCE_FOLDERS = ['content', 'data', 'schemas', 'templates'];

/** Thrown when the output folder would overwrite or remove what the author wrote; the message says which folder to choose. */
export class OutputFolderError<K extends TextId = TextId> extends ToolError<K> {}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor's real path, with the rest added. */
async function realFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    const real = await realpath(current).catch(() => undefined);
    if (real) return path.join(real, ...rest.reverse());
    const parent = path.dirname(current);
    if (parent === current) return absolute;
    rest.push(path.basename(current));
    current = parent;
  }
}

/**
 * True when an existing folder may be replaced: it is empty, carries the
 * marker, or holds only what an output of ours holds (a page we wrote among
 * the output's own entries).
 */
export async function looksLikeOutput(folder: string): Promise<boolean> {
  const entries: string[] | undefined = await readdir(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : undefined));
  if (!entries) return false;
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return true;
  if (!entries.every((e) => OUTPUT_ENTRIES.has(e)) || !entries.includes('index.html')) return false;
  const page = await readFile(path.join(folder, 'index.html'), 'utf8').catch(() => '');
  // Earlier versions name the tool alone, later ones with their version (`redovisning 0.2.0`).
  return /<meta name="generator" content="redovisning(?: [^"<>]*)?">/.test(page);
}

/**
 * Refuses an output folder that would overwrite or remove what the author
 * wrote: the report root itself, a folder that holds the root, a folder in
 * content/, data/, schemas/ or templates/, in a folder of a file the report
 * reads (images, attached PDFs) or holding one, and an existing folder that
 * is not an earlier output. `reads` are the report's files, relative to the
 * root (none before the report is read).
 */
export async function checkOutputFolder(root: string, out: string, reads: readonly string[] = []): Promise<void> {
  const realRoot = await realFolder(root);
  const target = await realFolder(out);
  const suggestion = path.join(root, 'dist');
  if (target === realRoot) throw new OutputFolderError('output.is-root', { out, suggestion });
  if (within(realRoot, target)) throw new OutputFolderError('output.holds-root', { out, root, suggestion });
  for (const folder of SOURCE_FOLDERS) {
    if (within(target, path.join(realRoot, folder))) throw new OutputFolderError('output.in-sources', { out, folder: `${folder}/`, suggestion });
  }
  for (const file of reads) {
    const absolute = path.join(realRoot, file);
    const folder = path.dirname(absolute);
    if (within(absolute, target) || (folder !== realRoot && within(target, folder))) {
      throw new OutputFolderError('output.in-sources', { out, folder: `${path.relative(realRoot, folder).split(path.sep).join('/') || '.'}/`, suggestion });
    }
  }
  if (!(await looksLikeOutput(target))) throw new OutputFolderError('output.not-ours', { out, marker: OUTPUT_MARKER });
}
