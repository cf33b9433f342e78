import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import { isRealDate } from '../format/real-date.js';

export { isRealDate } from '../format/real-date.js';

/** Unicode's private-use area: the build marks places in the text with some of these; no fact needs one. */
export const PRIVATE_USE = /[\uE000-\uF8FF]/;

/** A text that can only be a date: a month alone (`2024-77`) may as well be a diary number. */
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with one value of the data, as a catalogue id with its parameters; undefined when nothing. */
export type ValueProblem =
  | { id: 'data-value.reserved-character'; params: { code: string } }
  | { id: 'data-value.impossible-date'; params: { value: string } }
  | { id: 'data-value.unsafe-number'; params: { value: string } };

/**
 * What no report can use in a value, whatever its schema says: a
 * private-use character (it could forge the build's own markers), a date
 * (`YYYY-MM-DD`) that does not exist (a month is checked where it is read as
 * one: `2024-77` may be a diary number), and a number outside the range in which
 * every whole number is exact (±9 007 199 254 740 991; 1e300, infinity).
 */
export function valueProblem(value: unknown): ValueProblem | undefined {
  if (typeof value === 'string') {
    const reserved = PRIVATE_USE.exec(value);
    if (reserved) return { id: 'data-value.reserved-character', params: { code: (reserved[0].codePointAt(0) ?? 0).toString(16).toUpperCase() } };
    if (FULL_DATE.test(value) && !isRealDate(value)) return { id: 'data-value.impossible-date', params: { value } };
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return { id: 'data-value.unsafe-number', params: { value: String(value) } };
  }
  return undefined;
}

/**
 * Reports every value (and mapping key) under `value` that valueProblem
 * refuses, at its place (`at` maps a path to the author's point; `written`
 * gives the text written there).
 */
export function checkValues(value: unknown, file: string, at: (segments: readonly (string | number)[]) => Point | undefined, diagnostics: Diagnostics, written?: (point: Point) => string | undefined): void {
  const visit = (node: unknown, segments: (string | number)[]): void => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...segments, i]));
    else if (node && typeof node === 'object') {
      for (const [key, inner] of Object.entries(node as Record<string, unknown>)) {
        const keyProblem = PRIVATE_USE.test(key) ? valueProblem(key) : undefined;
        if (keyProblem) diagnostics.error(keyProblem.id, file, at([...segments, key]), keyProblem.params as never);
        visit(inner, [...segments, key]);
      }
    } else {
      const problem = valueProblem(node);
      if (!problem) return;
      const point = at(segments);
      // A number as the author wrote it (9007199254740993 is 9007199254740992 once read).
      const shown = problem.id === 'data-value.unsafe-number' && point && written ? written(point) : undefined;
      diagnostics.error(problem.id, file, point, (shown ? { value: shown } : problem.params) as never);
    }
  };
  visit(value, []);
}
