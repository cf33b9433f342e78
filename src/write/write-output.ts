import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
 * Writes the output all or nothing: everything goes to a fresh temporary
 * folder beside `outDir`, which then replaces `outDir` by rename. If anything
 * fails before the rename, the previous output is untouched.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], copies: readonly OutputCopy[]): Promise<void> {
  const target = path.resolve(outDir);
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = `${target}.tmp-${stamp}`;
  const old = `${target}.old-${stamp}`;
  try {
    await mkdir(temporary, { recursive: true });
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
  if (hadOld) await rm(old, { recursive: true, force: true });
}
