import { cp, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CORE_FILES, TOOL_ROOT } from '../load/load-report.js';

/** The starter reports `init` copies, each small, complete and clean under every check. */
export const STARTERS_DIR = path.join(TOOL_ROOT, 'starters');

/** The starters by name: a generic report, and one shaped like a pilot-project report. */
export const STARTERS = ['generisk', 'pilotprojekt'] as const;
export type StarterName = (typeof STARTERS)[number];

/**
 * `redovisning init <dir>`: creates a new report root from a starter, with
 * copies of the tool's core schemas in `schemas/` so that the editor hints
 * in the data files work. Refuses a folder that already has files, so
 * nothing is overwritten. Returns the exit code.
 */
export async function initCommand(dir: string, starter: StarterName, say: (line: string) => void): Promise<number> {
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) {
    process.stderr.write(`redovisning init: ${target} is not empty: choose a new folder (nothing was changed)\n`);
    return 2;
  }
  if (existing === undefined && (await stat(target).catch(() => undefined))) {
    process.stderr.write(`redovisning init: ${target} is a file, not a folder\n`);
    return 2;
  }
  await cp(path.join(STARTERS_DIR, starter), target, { recursive: true });
  for (const name of CORE_FILES) await cp(path.join(TOOL_ROOT, 'schemas', `${name}.schema.json`), path.join(target, 'schemas', `${name}.schema.json`));
  const data = (await readdir(path.join(target, 'data'))).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  say(`created a report in ${target}:`);
  say(`  data/       the facts (YAML): ${data.join(', ')}`);
  say('  schemas/    JSON Schemas of the data files (your editor uses them too)');
  say('  content/    the chapters (Markdown with {{helpers}}), one file per chapter, and appendix bodies');
  say(`next: redovisning dev ${dir}   (live preview), then redovisning build ${dir}`);
  return 0;
}
