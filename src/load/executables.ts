import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The first executable file of this name in a folder of PATH, as a shell would find it; undefined when there is none. */
export function findOnPath(name: string, searchPath: string = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The one command that installs Debian packages (their lists refreshed first): with sudo unless already root. */
export function installCommand(packages: readonly string[]): string {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
}
