import type { RuleDeclaration } from '../diagnostics/rule.js';

/**
 * The rules the model stage reports while it validates the data and computes
 * values, checks, tables and figures. (It also reports `schema-invalid`, a
 * schema that cannot be compiled, declared with the parse stage that reads
 * the schema.) A helper misused in a check's message is reported here first,
 * and in the chapters by the expand stage.
 */
export const MODEL_RULES: readonly RuleDeclaration[] = [
  { family: 'data', ids: ['data-schema', 'data-unknown-key', 'id-duplicate'], origin: ['model/validate.ts'] },
  { family: 'data', ids: ['data-reference'], origin: ['model/validate.ts', 'model/tables.ts'] },
  { family: 'model', ids: ['expression-syntax', 'expression-not-allowed', 'expression-unknown-variable', 'expression-failed', 'expression-timeout'], origin: ['model/expressions.ts'] },
  { family: 'model', ids: ['expression-missing-path', 'expression-no-value'], origin: ['model/expressions.ts', 'model/tables.ts'] },
  { family: 'model', ids: ['expression-cycle'], origin: ['model/computed.ts'] },
  { family: 'model', ids: ['expression-type', 'check-failed', 'check-place'], origin: ['model/checks.ts'] },
  { family: 'model', ids: ['check-message'], origin: ['model/checks.ts', 'model/check-message.ts'] },
  { family: 'templates', ids: ['template-unknown-helper'], origin: ['model/check-message.ts', 'expand/template-scope.ts'] },
  { family: 'templates', ids: ['template-helper'], origin: ['model/check-message.ts', 'expand/template-scope.ts', 'expand/helpers/references.ts'] },
  { family: 'model', ids: ['table-rows', 'table-column-unknown', 'table-lookup', 'table-format'], origin: ['model/tables.ts'] },
  { family: 'figures', ids: ['figure-key-taken', 'figure-table-unknown', 'figure-data', 'figure-field', 'figure-value', 'figure-description', 'figure-mark'], origin: ['model/figures.ts'] },
];
