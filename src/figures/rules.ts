import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the figures stage reports while it reads the images, draws the charts and opens the attached appendix PDFs. */
export const FIGURE_RULES: readonly RuleDeclaration[] = [
  { family: 'figures', ids: ['figure-chart', 'image-alt-missing', 'image-svg-unsafe'], origin: ['figures/prepare.ts'] },
  { family: 'figures', ids: ['image-missing', 'image-outside', 'image-format', 'image-too-large'], origin: ['figures/images.ts'] },
  { family: 'references', ids: ['appendix-pdf', 'appendix-pdf-cleaned', 'appendix-pdf-number'], origin: ['figures/attached-pdfs.ts'] },
];
