import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the write stage reports while it makes an output: an attached PDF whose fonts are not embedded keeps the PDF from its standards. */
export const WRITE_RULES: readonly RuleDeclaration[] = [{ family: 'references', ids: ['appendix-fonts'], origin: ['write/build-pdf.ts'] }];
