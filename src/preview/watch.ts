import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** What the preview watches besides its fixed folders: the images' folders and the word list, as the last build named them. */
export interface Watched {
  /** The image paths the last build named. */
  named(): string[];
  /** The word list's name in the report root. */
  wordList(): string;
}

/** The watchers of a report root: `rescan` picks up new folders, `close` stops them all. */
export interface ReportWatch {
  rescan(): Promise<void>;
  close(): void;
}

/**
 * Watches a report root for saves: content/, data/, schemas/, templates/,
 * bilder/ and the folders of the images the report names, and the word
 * list in the root. One watcher per folder (not `recursive`, which loses
 * files that editors replace by rename); folders created later are picked
 * up on the next event.
 */
export async function watchReport(root: string, watched: Watched, changed: () => void): Promise<ReportWatch> {
  const watchers = new Map<string, FSWatcher>();
  const watchFolders = async (): Promise<void> => {
    // The images' folders too: those of the images the report names (an image not there yet included).
    const imageFolders = watched.named().map((p) => path.dirname(path.normalize(p))).filter((d) => d !== '.' && !d.startsWith('..') && !path.isAbsolute(d));
    for (const folder of new Set(['content', 'data', 'schemas', 'templates', 'bilder', ...imageFolders])) {
      const top = path.join(root, folder);
      const entries = await readdir(top, { withFileTypes: true, recursive: true }).catch(() => undefined);
      if (!entries) continue;
      const dirs = [top, ...entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))];
      for (const dir of dirs) {
        if (watchers.has(dir)) continue;
        try {
          watchers.set(dir, watch(dir, (event) => {
            changed();
            // Only a rename can be a new folder to watch.
            if (event === 'rename') void watchFolders();
          }));
        } catch {
          // The folder vanished meanwhile; the next event rescans.
        }
      }
    }
  };
  await watchFolders();
  // The report root itself, not its subfolders (dist/, node_modules/): only the word list there matters.
  try {
    watchers.set(root, watch(root, (_, filename) => {
      if (filename && filename === watched.wordList()) changed();
    }));
  } catch {
    // A root that cannot be watched: the word list is read again on the next rebuild.
  }
  return {
    rescan: watchFolders,
    close() {
      for (const w of watchers.values()) w.close();
    },
  };
}
