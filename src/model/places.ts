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
    if (!this.paths) {
      const paths = new WeakMap<object, (string | number)[]>();
      const walk = (v: unknown, at: (string | number)[]): void => {
        if (!v || typeof v !== 'object' || paths.has(v)) return;
        paths.set(v, at);
        if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]));
        else for (const [k, item] of Object.entries(v)) walk(item, [...at, k]);
      };
      for (const [name, parsed] of this.files) walk(parsed.value, [name]);
      this.paths = paths;
    }
    return this.paths.get(value);
  }
}
