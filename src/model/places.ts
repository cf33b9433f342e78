import { pathKey, type ParsedYaml } from '../parse/yaml.js';
import { fileLocation, locate, type Located } from './located.js';

/**
 * Finds where a value of the data was written: by path (`uppdrag.medel`,
 * `regioner[3].namn`), or, for an entry an expression handed back, by
 * the entry itself (the same object as in the data).
 */
export class DataPlaces {
  private paths: WeakMap<object, (string | number)[]> | undefined;

  /**
   * `beneath`: files under a data file, by its name, for the values it does not write
   * itself (the agency profile's profil.yaml under data/rapport.yaml).
   */
  constructor(
    private readonly files: ReadonlyMap<string, ParsedYaml>,
    private readonly beneath?: ReadonlyMap<string, ParsedYaml>,
  ) {}

  /** The location of a value by path; the first segment names the data file. */
  locate(segments: readonly (string | number)[], text?: string): Located {
    const [name, ...rest] = segments;
    const parsed = typeof name === 'string' ? this.files.get(name) : undefined;
    const under = typeof name === 'string' ? this.beneath?.get(name) : undefined;
    if (parsed && under && !parsed.places.has(pathKey(rest)) && under.places.has(pathKey(rest))) return locate(under, rest, text);
    return parsed ? locate(parsed, rest, text) : fileLocation(`data/${String(name)}.yaml`);
  }

  /** The path of an entry of the data (a mapping or list), or undefined for a value the data does not hold. */
  pathOf(value: unknown): (string | number)[] | undefined {
    if (!value || typeof value !== 'object') return undefined;
    this.paths ??= indexPaths([...this.files].map(([name, parsed]) => [name, parsed.value]));
    return this.paths.get(value);
  }
}

/**
 * The path of every mapping and list under each named root (`[name, 2, 'id']`),
 * by the object itself: how a value handed back by an expression is found in
 * the data again. The first path to reach an object is its path.
 */
export function indexPaths(roots: Iterable<readonly [string, unknown]>): WeakMap<object, (string | number)[]> {
  const paths = new WeakMap<object, (string | number)[]>();
  const walk = (v: unknown, at: (string | number)[]): void => {
    if (!v || typeof v !== 'object' || paths.has(v)) return;
    paths.set(v, at);
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]));
    else for (const [k, item] of Object.entries(v)) walk(item, [...at, k]);
  };
  for (const [name, value] of roots) walk(value, [name]);
  return paths;
}

/** A data path followed in a value: its segments as the value holds them, or the first part it does not have. */
export type FollowedPath = { segments: (string | number)[] } | { missing: string; known: string[] };

/**
 * Follows a data path (`uppdrag.medel.2024`, `regioner[3].namn`) in a value:
 * a number is an index in a list and a key in a mapping (a year, say), so
 * the segments find the place the value was written.
 */
export function followDataPath(value: unknown, segments: readonly (string | number)[]): FollowedPath {
  const out: (string | number)[] = [];
  let current = value;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number' && segment < current.length) {
      current = current[segment];
      out.push(segment);
    } else if (current && typeof current === 'object' && !Array.isArray(current) && Object.hasOwn(current, String(segment))) {
      current = (current as Record<string, unknown>)[String(segment)];
      out.push(String(segment));
    } else {
      return { missing: String(segment), known: current && typeof current === 'object' && !Array.isArray(current) ? Object.keys(current) : [] };
    }
  }
  return { segments: out };
}
