import { message, type ValueDesc } from '../message.js';

/** Messages about figures (charts and images) and the images of the report. */
export const FIGURE_MESSAGES = {
  'figure-key-taken': message({
    example: { key: 'regioner' },
    sv: (p) => `'${p.key}' är redan en tabell i data/tabeller.yaml: tabeller och figurer placeras båda med {{> nyckel}}, så ge figuren en annan nyckel`,
    en: (p) => `'${p.key}' is already a table in data/tabeller.yaml: tables and figures are both placed with {{> key}}, so give the figure another key`,
  }),
  'figure-table-unknown': message({
    example: { figure: 'medel', table: 'regionr', known: ['regioner', 'kostnader'] },
    sv: (p, f) => `figuren ${p.figure} ritar tabellen '${p.table}', som inte finns i data/tabeller.yaml${p.known.length ? `; tabellerna är ${f.names(p.known)}` : ''}`,
    en: (p, f) => `figure ${p.figure} draws the table '${p.table}', which is not in data/tabeller.yaml${p.known.length ? `; the tables are ${f.names(p.known)}` : ''}`,
  }),
  'figure-data': message({
    example: { figure: 'medel', found: { kind: 'text', text: 'x' } as ValueDesc },
    sv: (p, f) => `figuren ${p.figure}: datan ska vara en lista av poster (mappningar), men är ${f.value(p.found)}`,
    en: (p, f) => `figure ${p.figure}: the data must be a list of entries (mappings), but is ${f.value(p.found)}`,
  }),
  'figure-field': message({
    example: { figure: 'medel', field: 'beviljt', hint: 'beviljat' as string | undefined, known: ['namn', 'beviljat'] },
    sv: (p, f) => `figuren ${p.figure}: fältet '${p.field}' finns inte i datan; ${p.hint ? `menar du '${p.hint}'?` : `där finns ${f.names(p.known)}`}`,
    en: (p, f) => `figure ${p.figure}: there is no field '${p.field}' in the data; ${p.hint ? `did you mean '${p.hint}'?` : `it has ${f.names(p.known)}`}`,
  }),
  'figure-value': message({
    example: { figure: 'medel', field: 'beviljat', found: { kind: 'text', text: 'tre' } as ValueDesc },
    sv: (p, f) => `figuren ${p.figure}: värdena i '${p.field}' ska vara tal, men ett är ${f.value(p.found)}`,
    en: (p, f) => `figure ${p.figure}: the values of '${p.field}' must be numbers, but one is ${f.value(p.found)}`,
  }),
  'figure-value.scale': message({
    example: { figure: 'andel', from: 0.9, to: 0.8 },
    sv: (p) => `figuren ${p.figure}: skalan ska börja under där den slutar, men skala.fran är ${String(p.from).replace('.', ',')} och skala.till ${String(p.to).replace('.', ',')}: byt plats på dem eller rätta den ena`,
    en: (p) => `figure ${p.figure}: the scale must start below where it ends, but skala.fran is ${p.from} and skala.till ${p.to}: swap them or correct one`,
  }),
  'figure-description': message({
    example: { figure: 'medel', key: 'regioner.[0].beviljt' as string | undefined, reason: '"beviljt" not defined in [object Object]' },
    sv: (p) => (p.key ? `beskrivningen av figuren ${p.figure} nämner {{${p.key}}}, som inte finns i datan: rätta namnet` : `beskrivningen av figuren ${p.figure} går inte att skriva ut: ${p.reason}`),
    en: (p) => (p.key ? `the description of figure ${p.figure} names {{${p.key}}}, which is not in the data: correct the name` : `the description of figure ${p.figure} cannot be rendered: ${p.reason}`),
  }),
  'figure-mark': message({
    example: { figure: 'medel', mark: 'cirkel', hint: 'circle' as string | undefined, known: ['arc', 'bar', 'circle'] },
    sv: (p, f) => `diagrammet ${p.figure}: markeringen '${p.mark}' finns inte i Vega-Lite; ${p.hint ? `menar du '${p.hint}'?` : `markeringarna är ${f.names(p.known)}`}`,
    en: (p, f) => `the chart ${p.figure}: Vega-Lite has no mark '${p.mark}'; ${p.hint ? `did you mean '${p.hint}'?` : `the marks are ${f.names(p.known)}`}`,
  }),
  'figure-data.nested': message({
    example: { figure: 'medel' },
    sv: (p) => `diagrammet ${p.figure} har egen data inne i specifikationen: ett diagram ritar bara datan överst (data: { tabell: … } eller { uttryck: … }); ta bort den inre datan`,
    en: (p) => `the chart ${p.figure} has data of its own inside its specification: a chart draws only the data at its top (data: { tabell: … } or { uttryck: … }); remove the inner data`,
  }),
  'figure-chart': message({
    example: { figure: 'medel', reason: 'Invalid specification' },
    sv: (p) => `diagrammet ${p.figure} gick inte att rita (${p.reason}): rätta specifikationen`,
    en: (p) => `the chart ${p.figure} could not be drawn (${p.reason}): correct its specification`,
  }),
  'figure-unknown': message({
    example: { number: 3, count: 2 },
    sv: (p) => `figur ${p.number} finns inte: rapporten har ${p.count === 0 ? 'inga figurer' : p.count === 1 ? 'en figur (figur 1)' : `figur 1–${p.count}`}, numrerade i den ordning de placeras med {{> namn}}`,
    en: (p) => `figur ${p.number} does not exist: the report has ${p.count === 0 ? 'no figures' : p.count === 1 ? 'one figure (figur 1)' : `figur 1–${p.count}`}, numbered in the order they are placed with {{> name}}`,
  }),
  'figure-unreferenced': message({
    example: { number: 1, key: 'medel' },
    sv: (p) => `figur ${p.number} (${p.key}) nämns aldrig i texten: hänvisa till den, till exempel 'se figur ${p.number}' eller {{figur "${p.key}"}}`,
    en: (p) => `figur ${p.number} (${p.key}) is never referred to in the text: mention it, e.g. 'se figur ${p.number}' or {{figur "${p.key}"}}`,
  }),
  'figure-reference-before': message({
    example: { number: 2, key: 'medel' },
    sv: (p) => `figur ${p.number} (${p.key}) nämns i ett kapitel före det där figuren står, så läsaren har inte sett den än: flytta hänvisningen eller figuren`,
    en: (p) => `figur ${p.number} (${p.key}) is mentioned in a chapter before the one that shows it, so the reader has not seen it yet: move the reference or the figure`,
  }),
  'figure-unplaced': message({
    example: { figure: 'medel' },
    sv: (p) => `figuren ${p.figure} finns i data/figurer.yaml men placeras inte i texten: skriv {{> ${p.figure}}} där den ska stå, eller ta bort den`,
    en: (p) => `figure ${p.figure} is declared in data/figurer.yaml but never placed: write {{> ${p.figure}}} where it belongs, or remove it`,
  }),
  'figure-placed-twice': message({
    example: { figure: 'medel', first: 'content/02-ekonomi.md:5' },
    sv: (p) => `figuren ${p.figure} placeras en andra gång (första gången i ${p.first}): en figur står på ett ställe; hänvisa till den med {{figur "${p.figure}"}}`,
    en: (p) => `figure ${p.figure} is placed a second time (first at ${p.first}): a figure stands in one place; refer to it with {{figur "${p.figure}"}}`,
  }),
  'image-alt-missing': message({
    example: { path: 'bilder/karta.png' },
    sv: (p) => `bilden ${p.path} har ingen alternativtext: skriv vad den visar mellan hakparenteserna, ![Så här ser det ut](${p.path})`,
    en: (p) => `the image ${p.path} has no text alternative: write what it shows between the brackets, ![What it shows](${p.path})`,
  }),
  'image-missing': message({
    example: { path: 'bilder/karta.png' },
    sv: (p) => `bilden ${p.path} finns inte: lägg filen i rapportmappen eller rätta sökvägen (räknat från rapportmappen)`,
    en: (p) => `the image ${p.path} does not exist: put the file in the report's folder or correct the path (relative to the report root)`,
  }),
  'image-outside': message({
    example: { path: '../../etc/bild.png' },
    sv: (p) => `'${p.path}' pekar utanför rapportmappen: använd bara bilder som ligger i rapportens mapp`,
    en: (p) => `'${p.path}' points outside the report root: use only images inside the report's folder`,
  }),
  'image-format': message({
    example: { path: 'bilder/karta.gif' },
    sv: (p) => `${p.path} är ingen PNG-, JPEG- eller SVG-bild (filens innehåll och ändelse ska stämma): spara den som PNG, JPEG eller SVG`,
    en: (p) => `${p.path} is not a PNG, JPEG or SVG image (the file's contents and extension must agree): save it as PNG, JPEG or SVG`,
  }),
  'image-too-large': message({
    example: { path: 'bilder/foto.jpg', size: 12000000, limit: 5000000 },
    sv: (p, f) => `bilden ${p.path} är ${f.n(p.size)} byte, mer än gränsen ${f.n(p.limit)}: minska den (en bild i en rapport behöver sällan mer än 2 000 bildpunkter i bredd)`,
    en: (p, f) => `the image ${p.path} is ${f.n(p.size)} bytes, over the limit of ${f.n(p.limit)}: make it smaller (an image in a report rarely needs more than 2,000 pixels across)`,
  }),
  'image-format.damaged': message({
    example: { path: 'bilder/karta.png' },
    sv: (p) => `bilden ${p.path} är skadad eller avkortad (bilddatan tar slut för tidigt eller stämmer inte): spara om den i ett bildprogram eller hämta filen på nytt`,
    en: (p) => `the image ${p.path} is damaged or cut short (its image data end too early or do not add up): save it again from an image editor or fetch the file again`,
  }),
  'image-too-large.pixels': message({
    example: { path: 'bilder/foto.png', width: 20000, height: 20000, side: 10000, pixels: 40000000 },
    sv: (p, f) => `bilden ${p.path} är ${f.n(p.width)} × ${f.n(p.height)} bildpunkter, mer än gränsen ${f.n(p.side)} bildpunkter per sida och ${f.n(p.pixels)} bildpunkter totalt: skala ned den (en bild i en rapport behöver sällan mer än 2 000 bildpunkter i bredd)`,
    en: (p, f) => `the image ${p.path} is ${f.n(p.width)} × ${f.n(p.height)} pixels, over the limit of ${f.n(p.side)} pixels a side and ${f.n(p.pixels)} pixels in all: scale it down (an image in a report rarely needs more than 2,000 pixels across)`,
  }),
  'image-svg-unsafe': message({
    example: { path: 'bilder/karta.svg', removed: ['<script>', 'onclick', 'href="https://example.org/x.png"'] },
    sv: (p, f) => `SVG-bilden ${p.path} innehöll sådant som inte får följa med i rapporten och som har tagits bort: ${f.list(p.removed)}. Spara bilden utan skript och utan hänvisningar till andra filer`,
    en: (p, f) => `the SVG image ${p.path} held things that may not go into the report and were removed: ${f.list(p.removed)}; save it without scripts and without references to other files`,
  }),
};
