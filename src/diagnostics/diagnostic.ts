/** Severity of a diagnostic: an error stops the build, a warning does not. */
export type Severity = 'error' | 'warning';

/** A 1-based line and column in an author's file. */
export interface Point {
  line: number;
  column: number;
}

/**
 * One problem found in the report, located in the author's own file.
 * `file` is relative to the report root (e.g. `data/budget.yaml`).
 */
export interface Diagnostic {
  file: string;
  point: Point | undefined;
  severity: Severity;
  ruleId: string;
  message: string;
}

/**
 * Collects diagnostics for one run. Created once per run and passed down;
 * there is no module-level state.
 */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  /** Records an error at `file:point`. */
  error(ruleId: string, file: string, point: Point | undefined, message: string): void {
    this.list.push({ file, point, severity: 'error', ruleId, message });
  }

  /** Records a warning at `file:point`. */
  warn(ruleId: string, file: string, point: Point | undefined, message: string): void {
    this.list.push({ file, point, severity: 'warning', ruleId, message });
  }

  /** True when at least one error was recorded. */
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  /** Diagnostics ordered by file, line and column, so output is stable. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        (a.point?.line ?? 0) - (b.point?.line ?? 0) ||
        (a.point?.column ?? 0) - (b.point?.column ?? 0) ||
        a.ruleId.localeCompare(b.ruleId),
    );
  }
}

/**
 * Formats a diagnostic like a compiler does:
 * `data/budget.yaml:14:17: error: message [rule-id]`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.point ? `${d.file}:${d.point.line}:${d.point.column}` : d.file;
  return `${where}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

/** The closing line: how many errors and warnings a run found. */
export function formatSummary(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
