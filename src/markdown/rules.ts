import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the markdown stage reports before it parses a text. */
export const MARKDOWN_RULES: readonly RuleDeclaration[] = [{ family: 'markdown', ids: ['markdown-too-large', 'markdown-pathological', 'markdown-too-deep'], origin: ['markdown/markdown-limits.ts'] }];
