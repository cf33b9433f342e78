import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from './load-report.js';

/** The tool's own package.json: its name and version. */
const TOOL_PACKAGE = JSON.parse(readFileSync(path.join(TOOL_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The tool's version (package.json's): `--version`, the PDF's Producer and the page's generator. */
export const TOOL_VERSION: string = TOOL_PACKAGE.version;

/** The tool's name and version as the outputs name their maker: `redovisning 0.2.0`. */
export const TOOL_PRODUCER = `${TOOL_PACKAGE.name} ${TOOL_VERSION}`;

/**
 * The folder of a package the tool depends on, found as Node finds it: in
 * the `node_modules/` of the tool's folder or of a folder above it (an
 * installed tool's dependencies sit beside it, in the project's
 * `node_modules/`). For files a package's exports do not list (Paged.js'
 * polyfill, the font files).
 */
export function packageDir(name: string, from: string = TOOL_ROOT): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, 'node_modules', name);
  }
}
