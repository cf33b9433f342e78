import { render, ruleOf, type MessageId, type ParamsOf } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';

/** Severity of a diagnostic: an error stops the build, a warning does not. */
export type Severity = 'error' | 'warning';

/** A 1-based line and column in an author's file. */
export interface Point {
  line: number;
  column: number;
}

/**
 * One problem found in the report, located in the author's own file.
 * `file` is relative to the report root (e.g. `data/budget.yaml`). The text
 * is not stored: it is rendered from the message id and its parameters in
 * the language the author reads.
 */
export interface Diagnostic {
  file: string;
  point: Point | undefined;
  severity: Severity;
  /** The permanent rule id shown in brackets; a report's own checks bring their own. */
  ruleId: string;
  messageId: MessageId;
  params: object;
}

/**
 * Collects diagnostics for one run. Created once per run and passed down;
 * there is no module-level state.
 */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  /** Records an error at `file:point`; the rule id is the message id's first part. */
  error<K extends MessageId>(id: K, file: string, point: Point | undefined, params: ParamsOf<K>): void {
    this.list.push({ file, point, severity: 'error', ruleId: ruleOf(id), messageId: id, params: params as object });
  }

  /** Records a warning at `file:point`. */
  warn<K extends MessageId>(id: K, file: string, point: Point | undefined, params: ParamsOf<K>): void {
    this.list.push({ file, point, severity: 'warning', ruleId: ruleOf(id), messageId: id, params: params as object });
  }

  /** Records a diagnostic under a rule id of the report's own (a declared check). */
  report<K extends MessageId>(severity: Severity, ruleId: string, id: K, file: string, point: Point | undefined, params: ParamsOf<K>): void {
    this.list.push({ file, point, severity, ruleId, messageId: id, params: params as object });
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

/** The severity word: translated, so a Swedish author reads `fel` and `varning`. */
export const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  sv: { error: 'fel', warning: 'varning' },
  en: { error: 'error', warning: 'warning' },
};

/** A diagnostic's message text in a language. */
export function messageText(d: Diagnostic, lang: Lang): string {
  return render(d.messageId, d.params as ParamsOf<typeof d.messageId>, lang);
}

/**
 * Formats a diagnostic like a compiler does:
 * `data/budget.yaml:14:17: fel: message [rule-id]` (`error` in English).
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = d.point ? `${d.file}:${d.point.line}:${d.point.column}` : d.file;
  return `${where}: ${SEVERITY_WORDS[lang][d.severity]}: ${messageText(d, lang)} [${d.ruleId}]`;
}

/** The closing line: how many errors and warnings a run found. */
export function formatSummary(list: readonly Diagnostic[], lang: Lang): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (lang === 'sv') return `${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
