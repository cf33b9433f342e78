import { message } from '../message.js';

/** Messages about the Markdown of chapters and appendix bodies. */
export const MARKDOWN_MESSAGES = {
  'markdown-raw-html': message({
    example: { snippet: '"<script>alert(1)</script>"' },
    sv: (p) => `HTML är inte tillåtet i rapportens text (${p.snippet}): skriv det i Markdown, eller gör en tabell i data/tabeller.yaml`,
    en: (p) => `raw HTML is not allowed in the report (${p.snippet}): write it in Markdown, or declare a table in data/tabeller.yaml`,
  }),
  'markdown-raw-html.comment-text': message({
    example: { text: '"Denna mening försvinner."' },
    sv: (p) => `texten ${p.text} står på samma rad som en HTML-kommentar (<!-- … -->) och skulle försvinna med den: lägg kommentaren på egna rader`,
    en: (p) => `the text ${p.text} shares a line with an HTML comment (<!-- … -->) and would vanish with it: put the comment on lines of its own`,
  }),
  'markdown-raw-html.comment-unclosed': message({
    example: {},
    sv: () => `HTML-kommentaren (<!--) avslutas aldrig med -->, så all text efter den skulle försvinna: avsluta den med -->`,
    en: () => `the HTML comment (<!--) is never closed with -->, so all the text after it would vanish: close it with -->`,
  }),
  'chapter-heading.first': message({
    example: {},
    sv: () => `ett kapitel börjar med sin rubrik på nivå 1: lägg till '# Rubrik' som första rad`,
    en: () => `a chapter starts with its title as a level-1 heading: add '# Title' as the first line`,
  }),
  'chapter-heading.second': message({
    example: {},
    sv: () => `ett kapitel har en rubrik på nivå 1: börja en ny fil i content/ för ett nytt kapitel, eller använd '##' för ett avsnitt`,
    en: () => `a chapter has one level-1 heading: start a new file in content/ for a new chapter, or use '##' for a section`,
  }),
  'markdown-link': message({
    example: { url: 'javascript:alert(1)' },
    sv: (p) => `länken till "${p.url}" går inte: länkar i rapporten går till http(s)-adresser, mailto: eller ett ställe i rapporten (#…); rätta adressen`,
    en: (p) => `link to "${p.url}": links in the report go to http(s) addresses, mailto: or a place in the report (#…); correct the address`,
  }),
  'markdown-image': message({
    example: { url: 'https://example.org/bild.png' },
    sv: (p) => `bilden "${p.url}" går inte att använda: en bild i rapporten är en fil i rapportmappen, skriven ![Vad den visar](bilder/fil.png); bilder utifrån hämtas aldrig`,
    en: (p) => `the image "${p.url}" cannot be used: an image in the report is a file in the report's folder, written ![What it shows](bilder/file.png); images from elsewhere are never fetched`,
  }),
  'markdown-too-large': message({
    example: { size: 300000, limit: 262144 },
    sv: (p, f) => `kapitlet är ${f.n(p.size)} tecken, mer än gränsen ${f.n(p.limit)}: dela upp det i flera kapitelfiler`,
    en: (p, f) => `the chapter is ${f.n(p.size)} characters, over the limit of ${f.n(p.limit)}: split it into several chapter files`,
  }),
  'markdown-pathological': message({
    example: { count: 3000, brackets: false },
    sv: (p, f) => `stycket har ${f.n(p.count)} ${p.brackets ? 'hakparenteser' : 'betoningstecken (* eller _)'}, fler än någon rapport behöver och långsamt att läsa in: ta bort dem eller skriv dem med ett omvänt snedstreck före`,
    en: (p, f) => `this paragraph has ${f.n(p.count)} ${p.brackets ? 'square brackets' : 'emphasis markers (* or _)'}, more than any report needs and slow to parse: remove them or escape them with a backslash`,
  }),
  'markdown-too-deep.indent': message({
    example: { indent: 42, limit: 40 },
    sv: (p) => `raden är indragen ${p.indent} blanksteg, djupare listor än någon rapport behöver (högst ${p.limit}): gör listan plattare`,
    en: (p) => `this line is indented ${p.indent} spaces, nesting lists deeper than any report needs (at most ${p.limit}): flatten the list`,
  }),
  'markdown-too-deep.lists': message({
    example: { depth: 2000, limit: 20 },
    sv: (p, f) => `raden öppnar ${f.n(p.depth)} listor i varandra (högst ${p.limit}): gör listan plattare, eller skriv tecknet med ett omvänt snedstreck före (\\-)`,
    en: (p, f) => `this line opens ${f.n(p.depth)} lists inside each other (at most ${p.limit}): flatten the list, or escape the marker with a backslash (\\-)`,
  }),
  'markdown-too-deep.quotes': message({
    example: { depth: 5000, limit: 10 },
    sv: (p, f) => `citatblock ${f.n(p.depth)} nivåer djupt (högst ${p.limit}): gör dem plattare`,
    en: (p, f) => `block quotes nested ${f.n(p.depth)} deep (at most ${p.limit}): flatten them`,
  }),
  'footnote-undefined': message({
    example: { label: 'saknas', known: ['uppdrag'] },
    sv: (p) => `fotnoten [^${p.label}] har ingen fotnotstext i det här kapitlet: lägg till en rad '[^${p.label}]: Text.' under stycket${p.known.length ? ` (här finns ${p.known.map((k) => `[^${k}]`).join(', ')})` : ''}`,
    en: (p) => `footnote reference [^${p.label}] has no definition in this chapter: add a line '[^${p.label}]: text.' below the paragraph${p.known.length ? ` (defined here: ${p.known.map((k) => `[^${k}]`).join(', ')})` : ''}`,
  }),
  'footnote-unused': message({
    example: { label: 'oanvand' },
    sv: (p) => `fotnoten [^${p.label}] har en text men används aldrig: skriv [^${p.label}] där den hör hemma i texten, eller ta bort texten`,
    en: (p) => `footnote [^${p.label}] is defined but never referenced: add [^${p.label}] where it belongs in the text, or delete the definition`,
  }),
  'footnote-duplicate': message({
    example: { label: 'uppdrag', first: 'content/01-sammanfattning.md:7' },
    sv: (p) => `fotnoten [^${p.label}] har text på två ställen (första i ${p.first}): ge den ena en annan etikett`,
    en: (p) => `footnote [^${p.label}] is defined twice (first at ${p.first}): give one of them another label`,
  }),
};
