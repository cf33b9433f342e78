import type { RuleDeclaration } from '../diagnostics/rule.js';

/**
 * The rules the expand stage reports while it expands the chapters, places
 * the tables and figures and checks the layouts. (A helper misused in a
 * chapter, `template-unknown-helper` and `template-helper`, is declared with
 * the model, which reports it first, in a check's message.)
 */
export const EXPAND_RULES: readonly RuleDeclaration[] = [
  { family: 'files', ids: ['source-reserved-character'], origin: ['expand/expand-chapter.ts'] },
  { family: 'templates', ids: ['template-syntax', 'template-render'], origin: ['expand/expand-chapter.ts'] },
  { family: 'templates', ids: ['template-missing-key', 'template-unknown-partial'], origin: ['expand/template-scope.ts'] },
  { family: 'templates', ids: ['template-layout'], origin: ['expand/layout-templates.ts'] },
  { family: 'model', ids: ['table-placed-twice'], origin: ['expand/placements.ts'] },
  { family: 'figures', ids: ['figure-placed-twice'], origin: ['expand/placements.ts'] },
];
