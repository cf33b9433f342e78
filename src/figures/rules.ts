import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the figures stage reports while it reads the images and draws the charts (prepare.ts, images.ts, image-asset.ts) and opens the attached appendix PDFs (attached-pdfs.ts). */
export const FIGURE_RULES: readonly RuleDeclaration[] = [{ family: 'figures', ids: ['figure-chart', 'image-alt-missing', 'image-missing', 'image-outside', 'image-format', 'image-too-large', 'image-svg-unsafe'] }, { family: 'references', ids: ['appendix-pdf', 'appendix-pdf-cleaned', 'appendix-pdf-number'] }];
