import { message } from '../message.js';

/** Messages about amounts written in the prose. */
export const PROSE_AMOUNT_MESSAGES = {
  'prose-amount': message({
    example: { written: 'cirka 1,1 miljoner', nearestName: 'uppdrag.medel[0].belopp', nearest: 1000000, suggestion: '1', unit: 'miljoner', helper: 'miljoner' },
    sv: (p, f) => `'${p.written}' stämmer inte med något belopp i datan: närmast är ${p.nearestName} = ${f.n(p.nearest)} kronor (${p.suggestion} ${p.unit}). Rätta texten, eller skriv beloppet med en hjälpfunktion, till exempel {{${p.helper} ${p.nearestName}}}`,
    en: (p, f) => `'${p.written}' matches no figure in the data: the nearest is ${p.nearestName} = ${f.n(p.nearest)} kronor (${p.suggestion} ${p.unit}); correct the text or write the figure with a helper such as {{${p.helper} ${p.nearestName}}}`,
  }),
};
