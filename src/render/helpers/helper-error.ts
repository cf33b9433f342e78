/** Where a Handlebars expression sits in its template (1-based line, 0-based column). */
export interface TemplateLoc {
  start: { line: number; column: number };
}

/**
 * Thrown by a helper when its arguments are wrong (a missing value, a wrong
 * type). Carries the expression's location so the diagnostic can point at it.
 */
export class HelperError extends Error {
  constructor(
    message: string,
    readonly loc: TemplateLoc | undefined,
  ) {
    super(message);
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
  throw new HelperError(`{{${helper}}} needs a number, got ${value === undefined ? 'nothing (is the data key spelt right?)' : JSON.stringify(value)}`, options.loc);
}

/** Requires a string argument. */
export function requireString(helper: string, value: unknown, options: HelperOptions): string {
  if (typeof value === 'string') return value;
  throw new HelperError(`{{${helper}}} needs text, got ${value === undefined ? 'nothing (is the data key spelt right?)' : JSON.stringify(value)}`, options.loc);
}

/** Reads an integer hash option (`decimaler=2`) with a default. */
export function intOption(helper: string, options: HelperOptions, name: string, fallback: number): number {
  const value = options.hash[name];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6) return value;
  throw new HelperError(`{{${helper}}}: ${name}= must be a whole number from 0 to 6`, options.loc);
}

/** Reads a boolean hash option (`kronor=false`) with a default. */
export function boolOption(helper: string, options: HelperOptions, name: string, fallback: boolean): boolean {
  const value = options.hash[name];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new HelperError(`{{${helper}}}: ${name}= must be true or false`, options.loc);
}
