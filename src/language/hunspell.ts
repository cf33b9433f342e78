import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findOnPath } from '../load/executables.js';
import { TOOL_ROOT } from '../load/load-report.js';

/**
 * Hunspell and its Swedish dictionary as Debian installs them (`apt-get install hunspell hunspell-sv`):
 * REDOVISNING_HUNSPELL, else `hunspell` on PATH (empty when it is not there: spelling is then not checked).
 */
export const HUNSPELL = process.env['REDOVISNING_HUNSPELL'] ?? findOnPath('hunspell') ?? '';
export const DICTIONARY = process.env['REDOVISNING_DICTIONARY'] ?? '/usr/share/hunspell/sv_SE';

/** Hunspell's verdict on a word: correct, or wrong with its suggestions (best first). */
export type Verdict = { ok: true } | { ok: false; suggestions: string[] };

const CACHE_DIR = path.join(TOOL_ROOT, 'node_modules', '.cache', 'redovisning', 'stavning');

/** The dictionary's identity: its files' sizes and times, so a new dictionary gets a new cache. */
function dictionaryKey(): string | undefined {
  try {
    const hash = createHash('sha256');
    for (const file of [HUNSPELL, `${DICTIONARY}.aff`, `${DICTIONARY}.dic`]) {
      const info = statSync(file);
      hash.update(`${file}\0${info.size}\0${info.mtimeMs}\0`);
    }
    return hash.digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
}

/**
 * Swedish spelling by Hunspell, the spell checker of LibreOffice and
 * Firefox, with the Swedish dictionary of Debian's hunspell-sv: it knows
 * Swedish compounding (kompetensförsörjning, regeringsuppdrag), which the
 * JavaScript ports of Hunspell do not. One Hunspell process serves the
 * whole run (the dictionary loads once, and stays loaded in the live
 * preview), and verdicts are kept on disk per dictionary, so a check asks
 * only about words it has not seen before.
 */
export class Speller {
  private process: ChildProcessWithoutNullStreams | undefined;
  private pending: { words: string[]; resolve: (lines: string[][]) => void; reject: (error: Error) => void; results: string[][]; current: string[] }[] = [];
  private buffer = '';
  private ready: Promise<void> | undefined;
  private readonly known = new Map<string, Verdict>();
  private loaded = false;
  private dirty = false;
  private readonly key = dictionaryKey();

  /** True when Hunspell and the Swedish dictionary are installed. */
  static available(): boolean {
    return existsSync(HUNSPELL) && existsSync(`${DICTIONARY}.dic`) && existsSync(`${DICTIONARY}.aff`);
  }

  /** Verdicts for words (each as written); unknown ones are asked of Hunspell in one batch. */
  async check(words: Iterable<string>): Promise<Map<string, Verdict>> {
    await this.loadCache();
    const result = new Map<string, Verdict>();
    const ask: string[] = [];
    for (const word of new Set(words)) {
      const verdict = this.known.get(word);
      if (verdict) result.set(word, verdict);
      else ask.push(word);
    }
    if (ask.length) {
      const answers = await this.ask(ask);
      ask.forEach((word, i) => {
        const verdict = parseVerdict(answers[i] ?? []);
        this.known.set(word, verdict);
        result.set(word, verdict);
      });
      this.dirty = true;
    }
    return result;
  }

  /** Writes new verdicts to the cache and stops Hunspell (unless `keep`, for the next check of the preview). */
  async finish(options: { keep?: boolean } = {}): Promise<void> {
    if (this.dirty && this.key) {
      this.dirty = false;
      const file = path.join(CACHE_DIR, `${this.key}.json`);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(CACHE_DIR, { recursive: true });
        await writeFile(temporary, JSON.stringify(Object.fromEntries(this.known)));
        await rename(temporary, file);
      } catch {
        // A cache that cannot be written only makes the next check slower.
      }
    }
    if (!options.keep) {
      this.process?.kill();
      this.process = undefined;
      this.ready = undefined;
    }
  }

  private async loadCache(): Promise<void> {
    if (this.loaded || !this.key) return;
    this.loaded = true;
    try {
      const stored = JSON.parse(await readFile(path.join(CACHE_DIR, `${this.key}.json`), 'utf8')) as Record<string, Verdict>;
      for (const [word, verdict] of Object.entries(stored)) if (!this.known.has(word)) this.known.set(word, verdict);
    } catch {
      // No cache yet.
    }
  }

  private start(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const child = spawn(HUNSPELL, ['-a', '-i', 'UTF-8', '-d', DICTIONARY], { stdio: 'pipe', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      this.process = child;
      child.stdout.setEncoding('utf8');
      let banner = false;
      child.stdout.on('data', (chunk: string) => {
        this.buffer += chunk;
        let newline: number;
        while ((newline = this.buffer.indexOf('\n')) >= 0) {
          const line = this.buffer.slice(0, newline);
          this.buffer = this.buffer.slice(newline + 1);
          if (!banner) {
            banner = true;
            resolve();
            continue;
          }
          this.line(line);
        }
      });
      child.on('error', (error) => {
        reject(error);
        for (const p of this.pending.splice(0)) p.reject(error);
      });
      child.on('exit', () => {
        for (const p of this.pending.splice(0)) p.reject(new Error('hunspell stopped'));
        this.process = undefined;
        this.ready = undefined;
      });
    });
    return this.ready;
  }

  /**
   * Keeps the process alive while Hunspell owes an answer, and lets it end
   * while Hunspell idles (the preview keeps it between builds; a finished
   * `check` must not wait for it).
   */
  private hold(waiting: boolean): void {
    const child = this.process;
    if (!child) return;
    for (const handle of [child, child.stdout, child.stdin, child.stderr] as unknown as { ref?: () => void; unref?: () => void }[]) {
      if (waiting) handle.ref?.();
      else handle.unref?.();
    }
  }

  /** One line of Hunspell's answers: a result, or the blank line that ends an input line's results. */
  private line(line: string): void {
    const job = this.pending[0];
    if (!job) return;
    if (line === '') {
      job.results.push(job.current);
      job.current = [];
      if (job.results.length === job.words.length) {
        this.pending.shift();
        if (!this.pending.length) this.hold(false);
        job.resolve(job.results);
      }
    } else job.current.push(line);
  }

  private async ask(words: string[]): Promise<string[][]> {
    await this.start();
    return new Promise<string[][]>((resolve, reject) => {
      this.pending.push({ words, resolve, reject, results: [], current: [] });
      this.hold(true);
      // `^` keeps a line from being read as one of Hunspell's commands.
      this.process?.stdin.write(`${words.map((w) => `^${w}`).join('\n')}\n`);
    });
  }
}

/** Hunspell's answer lines for one word: `*`, `+ root` and `-` are correct; `& w n o: a, b` and `# w o` are not. */
export function parseVerdict(lines: readonly string[]): Verdict {
  const miss = lines.find((l) => l.startsWith('&') || l.startsWith('#'));
  if (!miss) return { ok: true };
  const suggestions = miss.startsWith('&') ? (miss.split(': ')[1] ?? '').split(', ').filter(Boolean) : [];
  return { ok: false, suggestions };
}
