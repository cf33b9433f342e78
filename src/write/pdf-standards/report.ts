import { text } from '../../messages/catalogue.js';
import type { Lang } from '../../messages/message.js';
import type { PdfStandardChoice, StandardShortfall } from '../pdf-finish.js';
import { srgbProfileFile } from './srgb-file.js';

/** Why a standard was left out, in the author's language. */
function why(shortfall: StandardShortfall, lang: Lang): string {
  switch (shortfall.why) {
    case 'pdf.why.no-profile':
      return text(lang, shortfall.why, { path: srgbProfileFile() });
    case 'pdf.why.appendix-fonts':
      return text(lang, shortfall.why, { number: shortfall.number, fonts: shortfall.fonts });
    case 'pdf.why.structure':
      return text(lang, shortfall.why, { reason: shortfall.reason });
  }
}

/**
 * The build's last lines about the PDF: the standards it meets, and for
 * each one it does not, why (the XMP then does not claim it).
 */
export function pdfStandardLines(pdf: { standards: string[]; shortfalls: StandardShortfall[] }, choice: PdfStandardChoice, lang: Lang): string[] {
  if (choice === 'none') return [text(lang, 'pdf.standards-none', { option: '--pdf-standard none' })];
  const lines: string[] = [];
  if (pdf.standards.length) lines.push(text(lang, 'pdf.standards', { standards: pdf.standards.join(', ') }));
  const byStandard = new Map<string, string[]>();
  for (const s of pdf.shortfalls) byStandard.set(s.standard, [...(byStandard.get(s.standard) ?? []), why(s, lang)]);
  for (const [standard, reasons] of byStandard) lines.push(text(lang, 'pdf.standard-left-out', { standard, why: [...new Set(reasons)].join('; ') }));
  return lines;
}
