import type { RuleDeclaration } from '../diagnostics/rule.js';

/**
 * The rules the parse stage reports while it reads the YAML and the schemas.
 * A schema that cannot be compiled is `schema-invalid` too, reported by the
 * model, which compiles it.
 */
export const PARSE_RULES: readonly RuleDeclaration[] = [
  { family: 'data', ids: ['yaml-empty', 'yaml-syntax'], origin: ['parse/yaml.ts'] },
  { family: 'data', ids: ['data-missing-file', 'schema-unused'], origin: ['parse/parse-data.ts'] },
  { family: 'data', ids: ['schema-invalid'], origin: ['parse/parse-data.ts', 'model/validators.ts'] },
  { family: 'data', ids: ['data-value'], origin: ['parse/value-checks.ts'] },
];
