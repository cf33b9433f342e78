import type { MessageId, ParamsOf } from '../../messages/catalogue.js';
import { describeValue } from '../../messages/message.js';

/** Where a Handlebars expression sits in its template (1-based line, 0-based column). */
export interface TemplateLoc {
  start: { line: number; column: number };
}

/**
 * Thrown by a helper when its arguments are wrong (a missing value, a wrong
 * type). Carries the message (by catalogue id) and the expression's
 * location, so the diagnostic points at the author's expression.
 */
export class HelperError<K extends MessageId = MessageId> extends Error {
  constructor(
    readonly id: K,
    readonly params: ParamsOf<K>,
    readonly loc: TemplateLoc | undefined,
  ) {
    super(id);
  }
}

/** The part of Handlebars' helper options a helper reads. */
export interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: TemplateLoc;
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
  name?: string;
}

/** Requires a finite number argument; throws a located HelperError otherwise. */
export function requireNumber(helper: string, value: unknown, options: HelperOptions): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new HelperError('template-helper.number', { helper, got: describeValue(value) }, options.loc);
}

/** Requires a string argument. */
export function requireString(helper: string, value: unknown, options: HelperOptions): string {
  if (typeof value === 'string') return value;
  throw new HelperError('template-helper.text', { helper, got: describeValue(value) }, options.loc);
}

/** Reads an integer hash option (`decimaler=2`) with a default. */
export function intOption(helper: string, options: HelperOptions, name: string, fallback: number): number {
  const value = options.hash[name];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6) return value;
  throw new HelperError('template-helper.option', { helper, option: name, allowed: { sv: 'ett heltal 0–6', en: 'a whole number from 0 to 6' } }, options.loc);
}

/** Reads a boolean hash option (`kronor=false`) with a default. */
export function boolOption(helper: string, options: HelperOptions, name: string, fallback: boolean): boolean {
  const value = options.hash[name];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new HelperError('template-helper.option', { helper, option: name, allowed: { sv: 'true eller false', en: 'true or false' } }, options.loc);
}

/** Reads a hash option that must be one of a few words. */
export function choiceOption<T extends string>(helper: string, options: HelperOptions, name: string, allowed: readonly T[], fallback: T): T {
  const value = options.hash[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `"${a}"`);
  throw new HelperError('template-helper.option', { helper, option: name, allowed: { sv: list.join(', '), en: list.join(', ') } }, options.loc);
}
