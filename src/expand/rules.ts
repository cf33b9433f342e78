import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the expand stage reports while it expands the chapters and checks the layouts (expand-chapter.ts, template-scope.ts, layout-templates.ts, placements.ts, the helpers). */
export const EXPAND_RULES: readonly RuleDeclaration[] = [
  { family: 'files', ids: ['source-reserved-character'] },
  { family: 'templates', ids: ['template-missing-key', 'template-unknown-helper', 'template-unknown-partial', 'template-syntax', 'template-render', 'template-layout', 'template-helper'] },
  { family: 'model', ids: ['table-placed-twice'] },
  { family: 'figures', ids: ['figure-placed-twice'] },
];
