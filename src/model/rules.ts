import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the model stage reports while it validates the data and computes values, checks, tables and figures. */
export const MODEL_RULES: readonly RuleDeclaration[] = [
  // validate.ts, tables.ts
  { family: 'data', ids: ['data-schema', 'data-unknown-key', 'id-duplicate', 'data-reference'] },
  // expressions.ts, computed.ts, checks.ts, tables.ts
  { family: 'model', ids: ['expression-syntax', 'expression-not-allowed', 'expression-failed', 'expression-missing-path', 'expression-no-value', 'expression-timeout', 'expression-cycle', 'expression-type', 'check-failed', 'check-message', 'table-rows', 'table-column-unknown', 'table-lookup', 'table-format'] },
  // expressions.ts, checks.ts: variables and places
  { family: 'model', ids: ['expression-unknown-variable', 'check-place'] },
  // figures.ts
  { family: 'figures', ids: ['figure-key-taken', 'figure-table-unknown', 'figure-data', 'figure-field', 'figure-value', 'figure-description', 'figure-mark'] },
];
