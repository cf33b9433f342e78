import { message } from '../message.js';

/** `redovisning import`: its help, why a Word file is refused, and its summary. */
export const IMPORT_TEXTS = {
  'cli.import': message({
    example: {},
    sv: () => 'gör om ett Word-utkast (.docx) till en ny rapportmapp: kapitel, fotnoter, tabeller som data, bilder, bilagor och brevhuvud; kontrollerar sedan resultatet',
    en: () => 'turn a Word draft (.docx) into a new report root: chapters, footnotes, tables as data, images, appendices and the letterhead; then check the result',
  }),
  'cli.import.file': message({ example: {}, sv: () => 'Word-filen att importera (.docx)', en: () => 'the Word file to import (.docx)' }),
  'cli.import.dir': message({ example: {}, sv: () => 'den nya rapportmappen (får inte finnas eller måste vara tom)', en: () => 'the new report root (must not exist, or be empty)' }),
  'import.missing': message({ example: { file: 'utkast.docx' }, sv: (p) => `${p.file} finns inte: ange sökvägen till Word-filen`, en: (p) => `${p.file} does not exist: give the path of the Word file` }),
  'import.not-a-file': message({ example: { file: 'utkast' }, sv: (p) => `${p.file} är ingen fil: ange en Word-fil (.docx)`, en: (p) => `${p.file} is not a file: give a Word file (.docx)` }),
  'import.too-large': message({
    example: { file: 'utkast.docx', mb: 80, limit: 50 },
    sv: (p) => `${p.file} är ${p.mb} MB, mer än de ${p.limit} MB som import läser: spara bilderna i lägre upplösning och försök igen`,
    en: (p) => `${p.file} is ${p.mb} MB, more than the ${p.limit} MB import reads: save the images at a lower resolution and try again`,
  }),
  'import.macros': message({
    example: { file: 'utkast.docm' },
    sv: (p) => `${p.file} innehåller makron (.docm), som import inte läser: spara den i Word som "Word-dokument (.docx)" och importera den filen`,
    en: (p) => `${p.file} holds macros (.docm), which import does not read: save it in Word as "Word Document (.docx)" and import that`,
  }),
  'import.encrypted': message({
    example: { file: 'utkast.docx' },
    sv: (p) => `${p.file} är lösenordsskyddad: ta bort lösenordet i Word (Arkiv > Info > Skydda dokument) och importera igen`,
    en: (p) => `${p.file} is password-protected: remove the password in Word (File > Info > Protect Document) and import again`,
  }),
  'import.old-doc': message({
    example: { file: 'utkast.doc' },
    sv: (p) => `${p.file} är en äldre Word-fil (.doc): spara den som "Word-dokument (.docx)" och importera den filen`,
    en: (p) => `${p.file} is an old Word file (.doc): save it as "Word Document (.docx)" and import that`,
  }),
  'import.not-docx': message({
    example: { file: 'utkast.pdf' },
    sv: (p) => `${p.file} är inget Word-dokument (.docx): spara utkastet som .docx i Word eller LibreOffice och importera den filen`,
    en: (p) => `${p.file} is not a Word document (.docx): save the draft as .docx in Word or LibreOffice and import that`,
  }),
  'import.damaged': message({
    example: { file: 'utkast.docx', reason: 'Corrupted zip: missing 210 bytes.' },
    sv: (p) => `${p.file} är skadad och kan inte läsas (${p.reason}): öppna den i Word, spara en ny kopia och importera den`,
    en: (p) => `${p.file} is damaged and cannot be read (${p.reason}): open it in Word, save a new copy and import that`,
  }),
  'import.not-empty': message({
    example: { target: '/home/anna/rapport' },
    sv: (p) => `${p.target} finns redan och är inte tom; import skriver aldrig över något: ange en ny mapp`,
    en: (p) => `${p.target} exists and is not empty; import never overwrites anything: name a new folder`,
  }),
  'import.is-file': message({ example: { target: '/home/anna/rapport' }, sv: (p) => `${p.target} är en fil: ange en ny mapp`, en: (p) => `${p.target} is a file: name a new folder` }),
  'import.done': message({
    example: { file: 'utkast.docx', target: 'rapport', chapters: 4, footnotes: 12, tables: 2, images: 1, appendices: 3 },
    sv: (p) => `importerade ${p.file} till ${p.target}: ${p.chapters} kapitel, ${p.footnotes} fotnoter, ${p.tables} tabeller, ${p.images} bilder, ${p.appendices} bilagor`,
    en: (p) => `imported ${p.file} into ${p.target}: ${p.chapters} chapters, ${p.footnotes} footnotes, ${p.tables} tables, ${p.images} images, ${p.appendices} appendices`,
  }),
  'import.letterhead': message({
    example: { found: 'titel, datum, dnr', missing: ['ertDnr'] as string[] },
    sv: (p) => `  brevhuvudet: läste ${p.found} till data/rapport.yaml${p.missing.length ? `; saknas i utkastet: ${p.missing.join(', ')} (fyll i dem)` : ''}`,
    en: (p) => `  letterhead: read ${p.found} into data/rapport.yaml${p.missing.length ? `; not in the draft: ${p.missing.join(', ')} (fill them in)` : ''}`,
  }),
  'import.decision': message({ example: {}, sv: () => '  beslutet: beslutsraderna flyttade till data/rapport.yaml (beslut)', en: () => '  decision: the decision lines moved to data/rapport.yaml (beslut)' }),
  'import.table': message({
    example: { key: 'insatser', caption: 'Insatser och kostnader', formats: 'namn text, kostnad kronor', sum: true },
    sv: (p) => `  tabell ${p.key} (${p.caption}): ${p.formats}${p.sum ? '; sista raden är summorna och blev en summarad' : ''}`,
    en: (p) => `  table ${p.key} (${p.caption}): ${p.formats}${p.sum ? '; its last row is the sums and became a sum row' : ''}`,
  }),
  'import.sum-mismatch': message({
    example: { key: 'insatser', row: 'Summa' },
    sv: (p) => `  tabell ${p.key}: sista raden "${p.row}" ser ut som en summa men är inte kolumnernas summa; den är kvar som en rad i data/${p.key}.yaml: kontrollera siffrorna`,
    en: (p) => `  table ${p.key}: its last row "${p.row}" looks like a sum but is not the columns' sum; it stays a row of data/${p.key}.yaml: check the figures`,
  }),
  'import.uncaptioned': message({
    example: { count: 1 },
    sv: (p) => `  ${p.count} tabeller saknade en rubrik "Tabell N …" intill sig: deras rubrik i data/tabeller.yaml är kapitlets namn, skriv om den`,
    en: (p) => `  ${p.count} tables had no caption "Tabell N …" beside them: their rubrik in data/tabeller.yaml is the chapter's name, rewrite it`,
  }),
  'import.unplaced': message({
    example: { lines: ['Promemoria'] as string[] },
    sv: (p) => `  försättsbladet: ${p.lines.length} rader hörde inte till brevhuvudet och togs inte med: ${p.lines.map((l) => `"${l}"`).join(', ')}`,
    en: (p) => `  first page: ${p.lines.length} lines were not part of the letterhead and were left out: ${p.lines.map((l) => `"${l}"`).join(', ')}`,
  }),
  'import.skipped-title': message({ example: {}, sv: () => 'inte överfört (platsen i Word-filen):', en: () => 'not carried over (the place in the Word file):' }),
  'import.skipped': message({
    example: { kind: 'field' as 'comment' | 'insertion' | 'deletion' | 'text-box' | 'field' | 'style' | 'image', paragraph: 12, heading: 'Genomförande' as string | undefined, snippet: 'Arbetet har bedrivits i tre steg', detail: 'TOC', more: 2 },
    sv: (p) => {
      const what = { comment: 'en kommentar: inte med i rapporten', insertion: 'en spårad infogning: texten är med som den står', deletion: 'en spårad borttagning: texten är borta', 'text-box': 'en textruta: texten står efter sitt stycke, kontrollera var den hör hemma', field: `ett fält (${p.detail}): dess senast visade text är med`, style: `formatmallen "${p.detail}": vanlig text`, image: `en bild av typen ${p.detail}: inte med (bara PNG, JPEG och SVG)` }[p.kind];
      return `  stycke ${p.paragraph}${p.heading ? ` under "${p.heading}"` : ''}${p.snippet ? ` ("${p.snippet}")` : ''}: ${what}${p.more ? ` (och ${p.more} till)` : ''}`;
    },
    en: (p) => {
      const what = { comment: 'a comment: not in the report', insertion: 'a tracked insertion: the text is in as it stands', deletion: 'a tracked deletion: the text is gone', 'text-box': 'a text box: its text follows its paragraph, check where it belongs', field: `a field (${p.detail}): its last shown text is in`, style: `the style "${p.detail}": plain text`, image: `an image of type ${p.detail}: left out (only PNG, JPEG and SVG)` }[p.kind];
      return `  paragraph ${p.paragraph}${p.heading ? ` under "${p.heading}"` : ''}${p.snippet ? ` ("${p.snippet}")` : ''}: ${what}${p.more ? ` (and ${p.more} more)` : ''}`;
    },
  }),
  'import.nothing-skipped': message({ example: {}, sv: () => 'inget i Word-filen lämnades utanför', en: () => 'nothing in the Word file was left out' }),
  'import.check-clean': message({ example: { warnings: 2 }, sv: (p) => `kontrollen: 0 fel, ${p.warnings} ${p.warnings === 1 ? 'varning' : 'varningar'}`, en: (p) => `check: 0 errors, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}` }),
  'import.check-errors': message({
    example: { errors: 3, warnings: 2, shown: 3 },
    sv: (p) => `kontrollen: ${p.errors} fel, ${p.warnings} ${p.warnings === 1 ? 'varning' : 'varningar'}; de ${p.shown} första att rätta:`,
    en: (p) => `check: ${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}; the first ${p.shown} to fix:`,
  }),
  'import.next': message({ example: { dir: 'rapport' }, sv: (p) => `nästa steg: redovisning dev ${p.dir}   (förhandsvisning), rätta det kontrollen säger, sedan redovisning build ${p.dir}`, en: (p) => `next: redovisning dev ${p.dir}   (live preview), fix what the check says, then redovisning build ${p.dir}` }),
};
