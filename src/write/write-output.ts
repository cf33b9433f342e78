import { copyFile, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TextId } from '../messages/catalogue.js';
import { ToolError } from '../messages/tool-error.js';
import { alive } from './alive.js';
import { looksLikeOutput, OUTPUT_MARKER, OUTPUT_MARKER_TEXT, OutputFolderError } from './output-folder.js';

/** One file to write, relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** A file to copy into the output folder (fonts, attached PDFs). */
export interface OutputCopy {
  from: string;
  to: string;
}

/**
 * Shared with the command's signal handlers: while `committing` is true the
 * output folder is being swapped and an interrupt must wait for it.
 */
export interface WriteGuard {
  committing: boolean;
  temporary: string | undefined;
}

/** Thrown when another build holds the output folder for too long. */
export class OutputBusyError<K extends TextId = TextId> extends ToolError<K> {}

/**
 * Takes the output folder's lock (`<out>.lock` holding the builder's pid).
 * A lock left by a process that no longer runs is taken over; a live one is
 * waited for, up to `waitMs`.
 */
async function lock(target: string, waitMs: number): Promise<() => Promise<void>> {
  const file = `${target}.lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(file, 'utf8').catch(() => 'NaN'));
      if (!Number.isInteger(holder) || !alive(holder)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new OutputBusyError('output.busy', { pid: holder, target, lock: file });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Puts the output folder back in order after a build that was killed:
 * restores `<out>` from `<out>.old-*` if the swap was cut in half, and removes
 * temporary folders of builds that no longer run.
 */
async function recover(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const hasTarget = entries.includes(base);
  for (const entry of entries) {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-\\d+$`).exec(entry);
    if (!m || alive(Number(m[2]))) continue;
    const full = path.join(parent, entry);
    if (m[1] === 'old' && !hasTarget) await rename(full, target);
    else await rm(full, { recursive: true, force: true });
  }
}

/**
 * Writes the output all or nothing: everything goes to a fresh temporary
 * folder beside `outDir`, which then replaces `outDir` by rename, under a
 * lock so that two builds never interleave. If anything fails (or the build
 * is interrupted) before the swap, the previous output is untouched.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], copies: readonly OutputCopy[], guard: WriteGuard = { committing: false, temporary: undefined }, waitMs = 120_000): Promise<void> {
  const target = path.resolve(outDir);
  await mkdir(path.dirname(target), { recursive: true });
  const unlock = await lock(target, waitMs);
  try {
    await recover(target);
    // Only a folder that is an earlier output is replaced (and so removed).
    if (!(await looksLikeOutput(target))) throw new OutputFolderError('output.not-ours', { out: outDir, marker: OUTPUT_MARKER });
    const stamp = `${process.pid}-${Date.now()}`;
    const temporary = `${target}.tmp-${stamp}`;
    const old = `${target}.old-${stamp}`;
    guard.temporary = temporary;
    try {
      await mkdir(temporary, { recursive: true });
      await writeFile(path.join(temporary, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
      for (const file of files) {
        const destination = path.join(temporary, file.path);
        await mkdir(path.dirname(destination), { recursive: true });
        await writeFile(destination, file.content);
      }
      for (const copy of copies) {
        const destination = path.join(temporary, copy.to);
        await mkdir(path.dirname(destination), { recursive: true });
        await copyFile(copy.from, destination);
      }
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    guard.committing = true;
    try {
      const hadOld = await rename(target, old).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      try {
        await rename(temporary, target);
      } catch (error) {
        if (hadOld) await rename(old, target);
        throw error;
      }
      guard.temporary = undefined;
      if (hadOld) await rm(old, { recursive: true, force: true });
    } finally {
      guard.committing = false;
    }
  } finally {
    await unlock();
  }
}
