import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Sources } from '../load/source-file.js';
import { DATA_SCHEMAS, type DataName, type ReportData } from './schemas.js';
import { validateData } from './validate-data.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

/** The data stage's hand-off: typed data (when every file is valid) and the parsed files. */
export interface ParsedData {
  data: ReportData | undefined;
  files: Map<DataName, ParsedYaml>;
}

/**
 * Parses and validates every data file the report needs. Every problem in
 * every file is reported; `data` is only set when all files are valid.
 */
export function parseData(sources: Sources, diagnostics: Diagnostics): ParsedData {
  const files = new Map<DataName, ParsedYaml>();
  const values: Partial<Record<DataName, unknown>> = {};
  let valid = true;
  const names = Object.keys(DATA_SCHEMAS) as DataName[];
  for (const name of names) {
    const file = sources.data.get(name);
    if (!file) {
      diagnostics.error('data-missing-file', `data/${name}.yaml`, undefined, `the data file data/${name}.yaml is missing: the report needs it (see 'redovisning init' for an example)`);
      valid = false;
      continue;
    }
    const parsed = parseYaml(file, diagnostics);
    if (!parsed) {
      valid = false;
      continue;
    }
    files.set(name, parsed);
    const value = validateData(parsed, DATA_SCHEMAS[name], diagnostics);
    if (value === undefined) valid = false;
    else values[name] = value;
  }
  for (const [name, file] of sources.data) {
    if (!(names as string[]).includes(name)) {
      diagnostics.warn('data-unknown-file', file.path, undefined, `data file '${name}' is not used by the report: expected ${names.join(', ')}; rename or remove it`);
    }
  }
  return { data: valid ? (values as ReportData) : undefined, files };
}
