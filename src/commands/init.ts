import { cp, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { TOOL_ROOT } from '../load/load-report.js';

/** The starter report `init` copies: small, complete, and clean under every check. */
export const STARTER_DIR = path.join(TOOL_ROOT, 'starter');

/**
 * `redovisning init <dir>`: creates a new report root from the starter report.
 * Refuses a folder that already has files, so nothing is overwritten.
 * Returns the exit code.
 */
export async function initCommand(dir: string, say: (line: string) => void): Promise<number> {
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
  await cp(STARTER_DIR, target, { recursive: true });
  say(`created a report in ${target}:`);
  say('  data/       the facts (YAML): rapport, uppdrag, dialogmoten, utlysning, larosaten, projekt, budget, bilagor');
  say('  content/    the chapters (Markdown with {{helpers}}), one file per chapter, and appendix bodies');
  say(`next: redovisning dev ${dir}   (live preview), then redovisning build ${dir}`);
  return 0;
}
