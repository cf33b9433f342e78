// What the build and the sandbox process (sandbox-process.ts) say to each other.

/** A value as sent: a data scope the sandbox already holds (by id), or the value itself. */
export type Wire = { scope: number } | { value: unknown };

/** Why JSONata stopped an evaluation: its own error object, as far as it can be sent. */
export interface JsonataFailure {
  code?: string | undefined;
  position?: number | undefined;
  token?: string | undefined;
  value?: unknown;
  index?: number | undefined;
  message?: string | undefined;
}

/** An evaluation's outcome in the sandbox. Entries of the result that are entries of the scope carry their path there. */
export type Evaluation = { ok: true; value: unknown; paths: ((string | number)[] | undefined)[] | undefined } | { ok: false; failure: JsonataFailure };

/** One entry of a check that did not pass, or the failure that ended the check. */
export interface CheckOutcome {
  /** The entry's index among the check's entries. */
  index: number;
  /** For entries of a `varje` expression: the entry, and its path in the scope when it is an entry of the data. */
  entry?: { value: unknown; path: (string | number)[] | undefined } | undefined;
  /** Which expression failed (with `failure`), or gave `value` (the condition: anything but true). */
  stage: 'each' | 'applies' | 'condition';
  failure?: JsonataFailure | undefined;
  value?: unknown;
  /** What the condition compared, for the message (failed entries only). */
  comparison?: (string | number)[] | undefined;
}

/** A check's run over all its entries: the first `cap` entries that did not pass, and how many more did not. */
export interface CheckRun {
  outcomes: CheckOutcome[];
  more: number;
}

/** A job for the sandbox. */
export type SandboxJob =
  | { kind: 'evaluate'; text: string; input: Wire; bindings: Record<string, Wire>; budgetMs: number }
  | {
      kind: 'check';
      /** The entries: paths into the scope, or a `varje` expression over it. */
      each: { paths: (string | number)[][] } | { text: string } | undefined;
      applies: string | undefined;
      condition: string;
      scope: number;
      cap: number;
      budgetMs: number;
    }
  | { kind: 'chart'; spec: Record<string, unknown>; budgetMs: number };

/** A chart drawn to SVG text, or why it could not be. */
export type ChartDrawing = { svg: string } | { reason: string };

/** What a job gives. */
export type SandboxResult = { kind: 'evaluate'; evaluation: Evaluation } | { kind: 'check'; run: CheckRun } | { kind: 'chart'; drawing: ChartDrawing } | { kind: 'crashed'; reason: string };

/** A message to the sandbox: a job, with the scopes it needs that the sandbox does not hold yet. */
export interface ToSandbox {
  id: number;
  scopes: Record<number, unknown>;
  job: SandboxJob;
}

/** A message from the sandbox. */
export type FromSandbox = { ready: true } | { started: number } | { id: number; result: SandboxResult };
