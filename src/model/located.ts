import type { Point } from '../diagnostics/diagnostic.js';
import { pathKey, placeOf, type ParsedYaml } from '../parse/yaml.js';

/** Where a piece of the author's text sits: file, start, and the point of an offset inside it. */
export interface Located {
  file: string;
  point: Point | undefined;
  /** The point of character `offset` of the value, when the value is written on one line as it is. */
  at(offset: number): Point | undefined;
}

/**
 * The location of the value at `segments` in a parsed YAML file (or of its
 * nearest parent). Offsets inside a scalar map to columns when the scalar
 * is written plainly or in quotes on one line, as expressions usually are.
 */
export function locate(parsed: ParsedYaml, segments: readonly PropertyKey[], text?: string): Located {
  // Found when first asked for: a core schema's places are parsed only when one of its values is reported.
  let found: { point: Point | undefined } | undefined;
  const pointOf = (): Point | undefined => (found ??= { point: placeOf(parsed, segments)?.value }).point;
  const at = (offset: number): Point | undefined => {
    const point = pointOf();
    if (!point || text === undefined) return point;
    const start = parsed.index.offset(point.line, point.column);
    const source = parsed.file.text;
    const skip = source.startsWith(text, start) ? 0 : source.startsWith(text, start + 1) ? 1 : undefined;
    if (skip === undefined) return point;
    return { line: point.line, column: point.column + skip + Math.max(0, Math.min(offset, text.length)) };
  };
  return {
    file: parsed.file.path,
    get point() {
      return pointOf();
    },
    at,
  };
}

/** A location with no finer places than the file (or a point) itself. */
export function fileLocation(file: string, point?: Point): Located {
  return { file, point, at: () => point };
}

/** Splits a data path (`budget.projekt[3].totalt`, `projekt.0.id`) into segments. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') continue;
    out.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return out;
}
