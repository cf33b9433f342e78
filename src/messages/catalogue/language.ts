import { message, type Bilingual } from '../message.js';

/** Messages of the language checks (klarspråk): spelling, words, sentences, terms and readability. */
export const LANGUAGE_MESSAGES = {
  spelling: message({
    example: { word: 'regerinsuppdrag', suggestions: ['regeringsuppdrag', 'utredningsuppdrag'], wordList: 'ordlista.txt' },
    sv: (p, f) => `'${p.word}' finns inte i ordlistan${p.suggestions.length ? `: menar du ${f.list(p.suggestions.map((s) => `'${s}'`)).replace(/ och /, ' eller ')}?` : '.'} Är ordet rätt, skriv det i ${p.wordList}`,
    en: (p, f) => `'${p.word}' is not in the dictionary${p.suggestions.length ? `: did you mean ${f.list(p.suggestions.map((s) => `'${s}'`)).replace(/ and /, ' or ')}?` : '.'} If it is right, add it to ${p.wordList}`,
  }),
  'spelling.hyphen': message({
    example: { word: 'sam-läsas', joined: 'samläsas' },
    sv: (p) => `'${p.word}' skrivs ihop: '${p.joined}' (bindestrecket är troligen kvar från en avstavning)`,
    en: (p) => `'${p.word}' is written as one word: '${p.joined}' (the hyphen is probably left from a line break)`,
  }),
  'plain-language': message({
    example: { word: 'pressrelease', better: 'pressmeddelande' },
    sv: (p) => `skriv hellre '${p.better}' än '${p.word}' (klarspråk)`,
    en: (p) => `prefer '${p.better}' to '${p.word}' (plain Swedish)`,
  }),
  'word-confusion': message({
    example: { word: 'avsats', meant: 'avsatts' },
    sv: (p) => `'${p.word}' är ett annat ord än det som troligen menas här: '${p.meant}'`,
    en: (p) => `'${p.word}' is another word than the one probably meant here: '${p.meant}'`,
  }),
  'adverb-form': message({
    example: { written: 'mer strategisk', suggestion: 'mer strategiskt' },
    sv: (p) => `'${p.written}' säger hur något görs och skrivs då '${p.suggestion}'`,
    en: (p) => `'${p.written}' says how something is done, which Swedish writes '${p.suggestion}'`,
  }),
  'doubled-word': message({
    example: { words: 'att att' },
    sv: (p) => `'${p.words}': samma ord två gånger i rad; stryk det ena`,
    en: (p) => `'${p.words}': the same word twice in a row; delete one`,
  }),
  'doubled-word.unit': message({
    example: { words: 'mkr kr' },
    sv: (p) => `'${p.words}': två enheter efter varandra; stryk den ena`,
    en: (p) => `'${p.words}': two units in a row; delete one`,
  }),
  'sentence-length': message({
    example: { words: 41, limit: 35 },
    sv: (p) => `meningen har ${p.words} ord, fler än ${p.limit}: dela den, så blir den lättare att läsa (gränsen sätts med sprakkontroll.meningslangd i data/rapport.yaml)`,
    en: (p) => `the sentence has ${p.words} words, more than ${p.limit}: split it to make it easier to read (set the limit with sprakkontroll.meningslangd in data/rapport.yaml)`,
  }),
  'sentence-end': message({
    example: { last: 'i ett Det' },
    sv: (p) => `stycket slutar utan punkt ('… ${p.last}'): avsluta meningen, eller ta bort det som blivit kvar`,
    en: (p) => `the paragraph ends without a full stop ('… ${p.last}'): finish the sentence, or delete what was left behind`,
  }),
  'bracket-unclosed': message({
    example: { text: '(MAMPE' },
    sv: (p) => `parentesen '${p.text}' öppnas men stängs aldrig: lägg till ')'`,
    en: (p) => `the parenthesis '${p.text}' is opened but never closed: add ')'`,
  }),
  'term-variant': message({
    example: { written: 'Umeå Universitet', other: 'Umeå universitet', where: 'data/institutioner.yaml:7:9' },
    sv: (p) => `'${p.written}' skrivs '${p.other}' på andra ställen i rapporten (${p.where}): skriv det på ett sätt`,
    en: (p) => `'${p.written}' is written '${p.other}' elsewhere in the report (${p.where}): write it one way`,
  }),
  lix: message({
    example: { chapter: 'Bakgrund', lix: 58, limit: 50, band: { sv: 'svår', en: 'difficult' } as Bilingual },
    sv: (p) => `kapitlet ${p.chapter} har LIX ${p.lix} (${p.band.sv} text), över gränsen ${p.limit}: korta meningarna och byt långa ord mot kortare (gränsen sätts med sprakkontroll.lix i data/rapport.yaml)`,
    en: (p) => `the chapter ${p.chapter} has LIX ${p.lix} (${p.band.en} text), above the limit of ${p.limit}: shorten the sentences and replace long words (set the limit with sprakkontroll.lix in data/rapport.yaml)`,
  }),
  'language-unavailable': message({
    example: {},
    sv: () => 'stavningen kontrollerades inte: Hunspell med svensk ordlista saknas. Installera dem med sudo apt-get install hunspell hunspell-sv (npx redovisning doktor visar allt verktyget använder)',
    en: () => 'spelling was not checked: Hunspell with a Swedish dictionary is missing; install them with sudo apt-get install hunspell hunspell-sv (npx redovisning doktor shows everything the tool uses)',
  }),
};
