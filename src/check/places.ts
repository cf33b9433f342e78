import type { Point } from '../diagnostics/diagnostic.js';
import type { DataName } from '../parse/schemas.js';
import type { CheckContext } from './check-context.js';

/** The file path and point of a value in a data file, by path (`projekt[3].koordinator`). */
export function dataPlace(context: CheckContext, name: DataName, path: string, part: 'value' | 'key' = 'value'): [string, Point | undefined] {
  const parsed = context.data.files.get(name);
  const place = parsed?.places.get(path);
  return [parsed?.file.path ?? `data/${name}.yaml`, part === 'key' ? (place?.key ?? place?.value) : place?.value];
}

