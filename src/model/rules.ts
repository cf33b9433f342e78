import type { RuleDeclaration } from '../diagnostics/rule.js';

/**
 * The rules the model stage reports while it validates the data and computes
 * values, checks, tables and figures. It also reports two ids of other
 * stages: a schema that cannot be compiled (`schema-invalid`, whose JSON the
 * parse stage reads) and a helper misused in a check's message (the
 * chapters' helpers are expand's).
 */
export const MODEL_RULES: readonly RuleDeclaration[] = [
  { family: 'data', ids: ['data-schema', 'data-unknown-key', 'id-duplicate'], origin: ['model/validate.ts'] },
  { family: 'data', ids: ['data-reference'], origin: ['model/validate.ts', 'model/tables.ts'] },
  { family: 'data', ids: ['schema-invalid'], origin: ['model/validators.ts'] },
  { family: 'model', ids: ['expression-syntax', 'expression-not-allowed', 'expression-unknown-variable', 'expression-failed', 'expression-timeout'], origin: ['model/expressions.ts'] },
  { family: 'model', ids: ['expression-missing-path', 'expression-no-value'], origin: ['model/expressions.ts', 'model/tables.ts'] },
  { family: 'model', ids: ['expression-cycle'], origin: ['model/computed.ts'] },
  { family: 'model', ids: ['expression-type', 'check-failed', 'check-place'], origin: ['model/checks.ts'] },
  { family: 'model', ids: ['check-message'], origin: ['model/checks.ts', 'model/check-message.ts'] },
  { family: 'templates', ids: ['template-unknown-helper', 'template-helper'], origin: ['model/check-message.ts'] },
  { family: 'model', ids: ['table-rows', 'table-column-unknown', 'table-lookup', 'table-format'], origin: ['model/tables.ts'] },
  { family: 'figures', ids: ['figure-key-taken', 'figure-table-unknown', 'figure-data', 'figure-field', 'figure-value', 'figure-description', 'figure-mark'], origin: ['model/figures.ts'] },
];
