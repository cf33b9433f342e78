import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Copies a report root to a temporary folder, to break it on purpose. */
export async function copyOfReport(root: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-copy-'));
  await cp(root, dir, { recursive: true, filter: (src) => !/\/(dist|node_modules)$/.test(src) });
  return dir;
}
