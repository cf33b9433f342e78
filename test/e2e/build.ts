import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from '../helpers.js';

const run = promisify(execFile);

/** The result of running the CLI as a user would. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node lib/cli.js <args>` (the compiled CLI, as `npm run build` does). */
export async function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO, 'lib', 'cli.js'), ...args], {
      cwd: options.cwd ?? REPO,
      // The tool speaks the locale's language; the tests read Swedish unless they ask otherwise.
      env: { ...process.env, REDOVISNING_LANG: 'sv', ...options.env },
      maxBuffer: 16 * 1024 * 1024,
      // A hung command must not outlive the test.
      timeout: 170_000,
      killSignal: 'SIGKILL',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Builds a report root into a fresh temporary output folder and returns the folder. */
export async function buildInto(root: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ out: string; result: CliRun }> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-out-')), 'dist');
  const result = await cli(['build', root, '--out', out, ...extra], { env });
  return { out, result };
}
