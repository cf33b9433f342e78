import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_ROOT } from '../load/load-report.js';
import type { FromSandbox, SandboxJob, SandboxResult, ToSandbox, Wire } from './sandbox-protocol.js';

/**
 * Bounds on the sandbox, the process that runs the report's expressions and
 * charts: its heap, and how long past a job's own budget it may take to
 * answer before it is killed.
 */
export const SANDBOX_LIMITS = { memoryMb: 256, graceMs: 1500, startMs: 30_000 } as const;

/** A job that did not finish: it ran out of time, or of memory (or the sandbox ended for another reason, given). */
export type Stopped = { kind: 'stopped'; why: 'time' | 'memory'; reason?: string };

/** A job that was waiting when the sandbox was stopped for another: it is run again. */
type Again = { kind: 'stopped'; why: 'again' };

/** The sandbox's program: beside this module in the bundle (lib/), else the compiled one (when the sources run, as in tests). */
function program(): string {
  const beside = fileURLToPath(new URL('./sandbox-process.js', import.meta.url));
  return existsSync(beside) ? beside : path.join(TOOL_ROOT, 'lib', 'sandbox-process.js');
}

interface Pending {
  resolve: (result: SandboxResult | Stopped | Again) => void;
  timer: NodeJS.Timeout | undefined;
  budgetMs: number;
  message: ToSandbox;
}

/** The running sandbox process, started when first needed and again after it was stopped. */
class Sandbox {
  readonly child: ChildProcess;
  readonly ready: Promise<boolean>;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  /** Why the process ended: killed for time, or on its own (memory, a crash). */
  private killedForTime = false;
  ended = false;

  constructor(charts: boolean) {
    this.child = fork(program(), charts ? ['--charts'] : [], {
      execArgv: [`--max-old-space-size=${SANDBOX_LIMITS.memoryMb}`, '--max-semi-space-size=16'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    // The sandbox never keeps the build (or a test) running by itself.
    this.child.unref();
    this.child.channel?.unref();
    // Until the sandbox is ready, this timer keeps the process waiting for it (the channel does not).
    this.ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), SANDBOX_LIMITS.startMs);
      const settle = (ok: boolean): void => {
        clearTimeout(timer);
        resolve(ok);
      };
      this.child.once('message', (m: FromSandbox) => settle('ready' in m));
      this.child.once('exit', () => settle(false));
      this.child.once('error', () => settle(false));
    });
    this.child.on('message', (m: FromSandbox) => {
      if ('started' in m) {
        const started = this.pending.get(m.started);
        if (started) this.arm(started);
        return;
      }
      if (!('id' in m)) return;
      const job = this.pending.get(m.id);
      if (!job) return;
      clearTimeout(job.timer);
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.child.channel?.unref();
      job.resolve(m.result);
    });
    this.child.on('exit', () => {
      this.ended = true;
      // The job it was running is stopped; the ones waiting behind it run again in a new sandbox.
      let first = true;
      for (const job of this.pending.values()) {
        clearTimeout(job.timer);
        job.resolve(first ? { kind: 'stopped', why: this.killedForTime ? 'time' : 'memory' } : { kind: 'stopped', why: 'again' });
        first = false;
      }
      this.pending.clear();
    });
    this.child.on('error', () => undefined);
  }

  /** Runs a job; the clock of its budget starts when the sandbox has the job. */
  run(message: Omit<ToSandbox, 'id'>): Promise<SandboxResult | Stopped | Again> {
    const id = this.next++;
    const full = { ...message, id };
    return new Promise((resolve) => {
      const job: Pending = { resolve, timer: undefined, budgetMs: message.job.budgetMs, message: full };
      this.pending.set(id, job);
      // While a job is out, the answer keeps the process waiting for it.
      this.child.channel?.ref();
      // Jobs are answered in turn: each one's clock starts when the one before it is answered.
      this.child.send(full, (error) => {
        if (error) {
          this.pending.delete(id);
          resolve({ kind: 'stopped', why: 'memory', reason: error.message });
        }
      });
    });
  }

  /** Starts the clock of a job the sandbox has begun: past its budget and the grace, the sandbox is killed. */
  private arm(job: Pending): void {
    job.timer = setTimeout(() => {
      this.killedForTime = true;
      this.child.kill('SIGKILL');
    }, job.budgetMs + SANDBOX_LIMITS.graceMs);
  }
}

let sandbox: Sandbox | undefined;
/** Scopes by object, with the sandbox process that holds them. */
const scopes = new WeakMap<object, { id: number; holder: Sandbox | undefined }>();
let nextScope = 1;

/** The sandbox, started (or started again after it was stopped). */
function current(charts = false): Sandbox {
  if (!sandbox || sandbox.ended) sandbox = new Sandbox(charts);
  return sandbox;
}

/**
 * Starts the sandbox ahead of its first job (a report with expressions or
 * charts), so that it starts while the build reads and validates the data;
 * with `charts`, it loads Vega meanwhile too.
 */
export function startSandbox(options: { charts?: boolean } = {}): void {
  current(options.charts ?? false);
}

/**
 * Marks an object as a data scope: it is sent to the sandbox once and then
 * named by id. Call `scopeChanged` after changing it.
 */
export function shareScope(scope: object): void {
  if (!scopes.has(scope)) scopes.set(scope, { id: nextScope++, holder: undefined });
}

/** The scope has changed (a computed value was added): it is sent again with the next job. */
export function scopeChanged(scope: object): void {
  const known = scopes.get(scope);
  if (known) known.holder = undefined;
}

/** The path of a value in the scope, followed in the build's own objects. */
export function followPath(scope: unknown, segments: readonly (string | number)[]): unknown {
  let v = scope;
  for (const key of segments) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

/** The id of a shared scope, or undefined for a value sent as it is. */
export function scopeId(value: unknown): number | undefined {
  return value && typeof value === 'object' ? scopes.get(value)?.id : undefined;
}

/**
 * Runs a job in the sandbox: values that are shared scopes are named by id
 * and sent only when the sandbox does not hold them. Resolves with the
 * job's result, or `stopped` when it outlived its budget or the sandbox's
 * memory.
 */
export async function runInSandbox(job: SandboxJob, uses: readonly unknown[] = []): Promise<SandboxResult | Stopped> {
  for (let attempt = 0; ; attempt++) {
    const box = current();
    if (!(await box.ready)) return { kind: 'stopped', why: 'memory', reason: 'the sandbox process did not start' };
    const sent: Record<number, unknown> = {};
    for (const value of uses) {
      const known = value && typeof value === 'object' ? scopes.get(value) : undefined;
      if (known && known.holder !== box) {
        sent[known.id] = value;
        known.holder = box;
      }
    }
    const result = await box.run({ scopes: sent, job });
    if (result.kind !== 'stopped' || result.why !== 'again') return result;
    if (attempt >= 3) return { kind: 'stopped', why: 'time' };
  }
}

/** A value as sent: a shared scope by id, anything else as it is. */
export function wire(value: unknown): Wire {
  const id = scopeId(value);
  return id === undefined ? { value } : { scope: id };
}
