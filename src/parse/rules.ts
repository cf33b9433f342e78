import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the parse stage reports while it reads the YAML and the schemas (yaml.ts, parse-data.ts, value-checks.ts). */
export const PARSE_RULES: readonly RuleDeclaration[] = [{ family: 'data', ids: ['yaml-empty', 'yaml-syntax', 'data-missing-file', 'schema-invalid', 'schema-unused', 'data-value'] }];
