import { isRealDate } from '../format/real-date.js';
import { describeValue } from '../messages/message.js';

/** A day as the data writes it: `2024-03-01`. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A day or a month: `2024-03-01`, `2024-03`. */
const DAY_OR_MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const MS_PER_DAY = 86_400_000;

/** Why a date function refused an argument: thrown as JSONata throws its own errors, and worded by the catalogue (`jsonata.<code>`). */
function refuse(code: 'date' | 'days', token: string, index: number, value: unknown): never {
  throw { code, token, index, value: describeValue(value) };
}

/** The argument as a real date (or month, with `month`); undefined stays undefined, as in JSONata's own functions. */
function dateArgument(name: string, index: number, value: unknown, month = false): RegExpExecArray | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? (month ? DAY_OR_MONTH : DAY).exec(value) : null;
  if (!match || !isRealDate(value as string)) refuse('date', name, index, value);
  return match;
}

/** The day as milliseconds since 1970 (UTC: a day is always 24 hours). */
function utc(match: RegExpExecArray): number {
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * Date functions for the report's expressions, named for what an author
 * asks of dates written `ÅÅÅÅ-MM-DD`. None reads the clock, so the same
 * data gives the same answer at every build. An argument that is not a
 * date stops the expression with a located error; a missing one gives
 * nothing, as JSONata's own functions do.
 */
export const DATE_FUNCTIONS = {
  /** `$dagarMellan("2024-03-01", "2024-03-20")` → `19`: days from the first date to the second (negative when it is earlier). */
  dagarMellan(from: unknown, to: unknown): number | undefined {
    const a = dateArgument('dagarMellan', 1, from);
    const b = dateArgument('dagarMellan', 2, to);
    return a && b ? Math.round((utc(b) - utc(a)) / MS_PER_DAY) : undefined;
  },
  /** `$ar("2024-03-01")` → `2024`: the year of a date or a month, as a number. */
  ar(date: unknown): number | undefined {
    const match = dateArgument('ar', 1, date, true);
    return match ? Number(match[1]) : undefined;
  },
  /** `$manad("2024-03-01")` → `3`: the month of a date or a month, 1–12. */
  manad(date: unknown): number | undefined {
    const match = dateArgument('manad', 1, date, true);
    return match ? Number(match[2]) : undefined;
  },
  /** `$plusDagar("2024-03-01", 30)` → `"2024-03-31"`: the date a number of days later (earlier when negative). */
  plusDagar(date: unknown, days: unknown): string | undefined {
    const match = dateArgument('plusDagar', 1, date);
    if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || Math.abs(days) > 1_000_000)) refuse('days', 'plusDagar', 2, days);
    if (!match || days === undefined) return undefined;
    const later = new Date(utc(match) + days * MS_PER_DAY).toISOString().slice(0, 10);
    if (!DAY.test(later)) refuse('days', 'plusDagar', 2, days);
    return later;
  },
} as const;
