import { message } from '../message.js';

/** Messages about the figures written in the prose: shares, hedge words, counts and dates. */
export const PROSE_MESSAGES = {
  'prose-share': message({
    example: { written: '90 procent', nearestName: 'berakning.andel', nearest: '87,8 procent', ways: ['knappt 88 procent', 'drygt 87 procent'], helper: '{{ungefar (procent berakning.andel)}}' },
    sv: (p) => `'${p.written}' stämmer inte med någon andel i datan: närmast är ${p.nearestName} = ${p.nearest}. Skriv ${p.ways.map((w) => `'${w}'`).join(' eller ')}, eller låt hjälpfunktionen skriva det: ${p.helper}`,
    en: (p) => `'${p.written}' matches no share in the data: the nearest is ${p.nearestName} = ${p.nearest}; write ${p.ways.map((w) => `'${w}'`).join(' or ')}, or let the helper write it: ${p.helper}`,
  }),
  'prose-share.none': message({
    example: { written: 'hälften' },
    sv: (p) => `'${p.written}' är en andel, men rapportens data har inga andelar (tal mellan 0 och 1) att jämföra med. Räkna ut andelen i data/berakning.yaml och skriv den med {{procent berakning.<namn>}}`,
    en: (p) => `'${p.written}' is a share, but the report's data holds no shares (numbers from 0 to 1) to compare it with; compute it in data/berakning.yaml and write it with {{procent berakning.<name>}}`,
  }),
  'prose-hedge': message({
    example: { written: 'drygt 88 procent', value: '87,76 procent', ways: ['knappt 88 procent', 'drygt 87 procent'], helper: '{{ungefar (procent berakning.andel)}}' },
    sv: (p) => `'${p.written}' pekar åt fel håll: värdet är ${p.value}. Skriv ${p.ways.map((w) => `'${w}'`).join(' eller ')}, eller låt hjälpfunktionen välja ordet: ${p.helper}`,
    en: (p) => `'${p.written}' points the wrong way: the value is ${p.value}; write ${p.ways.map((w) => `'${w}'`).join(' or ')}, or let the helper choose the word: ${p.helper}`,
  }),
  'prose-hedge.share': message({
    example: { written: 'drygt 88 procent', nearestName: 'berakning.andel', nearest: '87,8 procent', ways: ['knappt 88 procent', 'drygt 87 procent'], helper: '{{ungefar (procent berakning.andel)}}' },
    sv: (p) => `'${p.written}' pekar åt fel håll: andelen ${p.nearestName} är ${p.nearest}. Skriv ${p.ways.map((w) => `'${w}'`).join(' eller ')}, eller låt hjälpfunktionen välja ordet: ${p.helper}`,
    en: (p) => `'${p.written}' points the wrong way: the share ${p.nearestName} is ${p.nearest}; write ${p.ways.map((w) => `'${w}'`).join(' or ')}, or let the helper choose the word: ${p.helper}`,
  }),
  'prose-hedge.amount': message({
    example: { written: 'drygt 33 miljoner kronor', nearestName: 'berakning.summa.totalt', nearest: 32217058, ways: ['drygt 32 miljoner kronor', 'knappt 33 miljoner kronor'], helper: '{{ungefar (mkr berakning.summa.totalt)}}' },
    sv: (p, f) => `'${p.written}' pekar åt fel håll: ${p.nearestName} är ${f.n(p.nearest)} kronor. Skriv ${p.ways.map((w) => `'${w}'`).join(' eller ')}, eller låt hjälpfunktionen välja ordet: ${p.helper}`,
    en: (p, f) => `'${p.written}' points the wrong way: ${p.nearestName} is ${f.n(p.nearest)} kronor; write ${p.ways.map((w) => `'${w}'`).join(' or ')}, or let the helper choose the word: ${p.helper}`,
  }),
  'prose-count': message({
    example: { written: 'tio kurser', noun: 'kurser', counts: ['kurser: 9'], suggestion: 'nio', helper: '{{antal kurser}}' },
    sv: (p) => `'${p.written}' stämmer inte med datan: ${p.noun} räknas där som ${p.counts.join(', ')}. Skriv '${p.suggestion}', eller låt hjälpfunktionen räkna: ${p.helper}`,
    en: (p) => `'${p.written}' does not match the data: it counts ${p.noun} as ${p.counts.join(', ')}; write '${p.suggestion}', or let the helper count: ${p.helper}`,
  }),
  'prose-count.part': message({
    example: { written: 'tolv av elva regioner', part: 12, total: 11 },
    sv: (p, f) => `'${p.written}': delen (${f.n(p.part)}) är större än helheten (${f.n(p.total)}). Rätta siffrorna`,
    en: (p, f) => `'${p.written}': the part (${f.n(p.part)}) is larger than the whole (${f.n(p.total)}); correct the figures`,
  }),
  'prose-date': message({
    example: { written: '6 april 2018', names: ['mötet'], dates: ['22 mars 2018 (moten.start.datum)', '5 april 2018 (moten.uppfoljning.datum)'], helper: '{{datum moten.uppfoljning.datum}}' },
    sv: (p, f) => `'${p.written}' är inget datum i datan för det meningen nämner (${f.list(p.names)}): där finns ${f.list(p.dates)}. Rätta datumet, eller skriv det med ${p.helper}`,
    en: (p, f) => `'${p.written}' is no date of the data for what the sentence names (${f.list(p.names)}): it has ${f.list(p.dates)}; correct the date, or write it with ${p.helper}`,
  }),
};
