import { message } from '../message.js';

/** Messages about references: appendices and tables, mentioned, placed and attached. */
export const REFERENCE_MESSAGES = {
  'appendix-unknown': message({
    example: { number: 9, count: 6 },
    sv: (p) => `bilaga ${p.number} finns inte: data/bilagor.yaml har ${p.count === 0 ? 'inga bilagor' : p.count === 1 ? 'bilaga 1' : `bilaga 1–${p.count}`}. Rätta numret eller lägg till bilagan`,
    en: (p) => `bilaga ${p.number} does not exist: data/bilagor.yaml registers ${p.count === 0 ? 'no appendices' : p.count === 1 ? 'bilaga 1' : `bilaga 1–${p.count}`}; correct the number or add the appendix`,
  }),
  'appendix-order': message({
    example: { number: 2, expected: 1 },
    sv: (p) => `bilaga ${p.number} nämns före bilaga ${p.expected}: bilagorna numreras i den ordning de först nämns, så ändra ordningen i data/bilagor.yaml`,
    en: (p) => `bilaga ${p.number} is mentioned before bilaga ${p.expected}: appendices are numbered in order of first mention, so reorder data/bilagor.yaml`,
  }),
  'appendix-unreferenced': message({
    example: { number: 3, title: 'Bedömningspanelen', key: 'panel' },
    sv: (p) => `bilaga ${p.number} (${p.title}) nämns aldrig i texten: hänvisa till den som 'bilaga ${p.number}' eller {{bilaga "${p.key}"}}, eller ta bort den ur data/bilagor.yaml`,
    en: (p) => `bilaga ${p.number} (${p.title}) is never referred to in the text: mention it as 'bilaga ${p.number}' or {{bilaga "${p.key}"}}, or remove it from the register`,
  }),
  'appendix-no-body': message({
    example: { number: 3, title: 'Bedömningspanelen' },
    sv: (p) => `bilaga ${p.number} (${p.title}) har inget innehåll: dess sida säger att den lämnas separat. Lägg till 'innehall: <fil>.md' eller 'pdf: <fil>.pdf' för att ta med den`,
    en: (p) => `bilaga ${p.number} (${p.title}) has no body: its page will say it is submitted separately; add 'innehall: <file>.md' or 'pdf: <file>.pdf' to include it`,
  }),
  'appendix-fonts.not-embedded': message({
    example: { number: 2, path: 'bilagor/program.pdf', fonts: 'Helvetica, Helvetica-Bold' },
    sv: (p) => `bilaga ${p.number}: ${p.path} bäddar inte in typsnitten ${p.fonts}, så redovisning.pdf kan inte bli PDF/A-2u eller PDF/UA-1. Exportera bilagan som PDF/A (i Word: Spara som PDF, Alternativ, 'PDF/A-kompatibel'), eller skriv ut den till PDF med typsnitten inbäddade`,
    en: (p) => `bilaga ${p.number}: ${p.path} does not embed the fonts ${p.fonts}, so redovisning.pdf cannot be PDF/A-2u or PDF/UA-1; export the appendix as PDF/A (in Word: Save as PDF, Options, 'PDF/A compliant') or print it to PDF with its fonts embedded`,
  }),
  'appendix-file-missing.body': message({
    example: { path: 'bilagor/saknas.md' },
    sv: (p) => `content/${p.path} finns inte: skapa filen eller rätta sökvägen (räknat från content/)`,
    en: (p) => `content/${p.path} does not exist: create it or correct the path (relative to content/)`,
  }),
  'appendix-file-missing.pdf': message({
    example: { path: 'bilagor/program.pdf' },
    sv: (p) => `${p.path} finns inte: lägg PDF-filen i rapportmappen eller rätta sökvägen (räknat från rapportmappen)`,
    en: (p) => `${p.path} does not exist: put the PDF in the report's folder or correct the path (relative to the report root)`,
  }),
  'appendix-path-outside.body': message({
    example: { path: '../../etc/passwd.md' },
    sv: (p) => `'${p.path}' pekar utanför content/: en bilagas text ska ligga under content/`,
    en: (p) => `'${p.path}' points outside content/: appendix bodies must live under content/`,
  }),
  'appendix-path-outside.pdf': message({
    example: { path: '../../etc/passwd.pdf' },
    sv: (p) => `'${p.path}' pekar utanför rapportmappen: bifoga bara PDF-filer som ligger i rapportens mapp`,
    en: (p) => `'${p.path}' points outside the report root: attach only PDFs inside the report's folder`,
  }),
  'appendix-pdf.folder': message({
    example: { number: 2, path: 'bilagor/program.pdf' },
    sv: (p) => `bilaga ${p.number}: ${p.path} är en mapp, inte en PDF-fil: ange sökvägen till PDF-filen`,
    en: (p) => `bilaga ${p.number}: ${p.path} is a folder, not a PDF file: give the path of the PDF file`,
  }),
  'appendix-pdf.not-file': message({
    example: { number: 2, path: 'bilagor/program.pdf' },
    sv: (p) => `bilaga ${p.number}: ${p.path} är ingen vanlig fil (en namngiven rörledning eller en enhet), inte en PDF-fil: ange sökvägen till PDF-filen`,
    en: (p) => `bilaga ${p.number}: ${p.path} is not a regular file (a named pipe or a device), not a PDF file: give the path of the PDF file`,
  }),
  'appendix-pdf.too-large': message({
    example: { number: 2, path: 'bilagor/program.pdf', size: 200000000, limit: 20000000 },
    sv: (p, f) => `bilaga ${p.number}: ${p.path} är ${f.n(p.size)} byte, mer än gränsen ${f.n(p.limit)} byte: spara den med lägre bildupplösning (i PDF-programmets "Minska filstorlek") eller dela upp den`,
    en: (p, f) => `bilaga ${p.number}: ${p.path} is ${f.n(p.size)} bytes, over the limit of ${f.n(p.limit)} bytes: save it with a lower image resolution ("Reduce file size" in a PDF program) or split it`,
  }),
  'appendix-pdf.broken': message({
    example: { number: 2, path: 'bilagor/program.pdf', reason: 'Failed to parse PDF document (line:0 col:0 offset=0): No PDF header found' },
    sv: (p) => `bilaga ${p.number}: ${p.path} går inte att läsa som PDF (${p.reason}): spara om den som PDF från programmet den gjordes i`,
    en: (p) => `bilaga ${p.number}: ${p.path} cannot be read as a PDF (${p.reason}): save it as PDF again from the program that made it`,
  }),
  'appendix-pdf.empty': message({
    example: { number: 2, path: 'bilagor/program.pdf' },
    sv: (p) => `bilaga ${p.number}: ${p.path} har inga sidor som går att läsa (filen är skadad eller avkortad): spara om den som PDF från programmet den gjordes i`,
    en: (p) => `bilaga ${p.number}: ${p.path} has no pages that can be read (the file is damaged or cut short): save it as PDF again from the program that made it`,
  }),
  'appendix-pdf.encrypted': message({
    example: { number: 2, path: 'bilagor/program.pdf' },
    sv: (p) => `bilaga ${p.number}: ${p.path} är krypterad (lösenordsskyddad eller med begränsade rättigheter), så den kan varken fogas till rapportens PDF eller publiceras öppet: spara en kopia utan lösenord och säkerhetsinställningar`,
    en: (p) => `bilaga ${p.number}: ${p.path} is encrypted (a password or restricted permissions), so it can neither be joined to the report's PDF nor published openly: save a copy without password and security settings`,
  }),
  'appendix-pdf-cleaned': message({
    example: { number: 2, path: 'bilagor/program.pdf', removed: ['/JavaScript', '/Launch', '/OpenAction'] },
    sv: (p, f) => `bilaga ${p.number}: ${p.path} innehöll aktivt innehåll (${f.list(p.removed)}: skript, åtgärder, inbäddade filer eller formulär) som har tagits bort ur den publicerade kopian i bilagor/ och ur rapportens PDF: kontrollera att bilagan ser ut som den ska, eller spara den utan sådant innehåll`,
    en: (p, f) => `bilaga ${p.number}: ${p.path} held active content (${f.list(p.removed)}: scripts, actions, embedded files or forms), removed from the copy published in bilagor/ and from the report's PDF: check that the appendix looks as it should, or save it without such content`,
  }),
  'appendix-pdf-number': message({
    example: { number: 2, path: 'bilagor/program.pdf', named: 3, title: 'Program för startmötet' },
    sv: (p) => `bilaga ${p.number} (${p.title}): första sidan i ${p.path} säger 'Bilaga ${p.named}', men i data/bilagor.yaml är den bilaga ${p.number} (numret följer ordningen där, kanske ändrad sedan PDF-filen gjordes): ändra till 'Bilaga ${p.number}' i dokumentet som PDF-filen gjordes från och spara om den som PDF`,
    en: (p) => `bilaga ${p.number} (${p.title}): the first page of ${p.path} says 'Bilaga ${p.named}', but data/bilagor.yaml makes it bilaga ${p.number} (the number follows the order there, perhaps changed since the PDF was made): change it to 'Bilaga ${p.number}' in the document the PDF was made from and save it as PDF again`,
  }),
  'table-unknown': message({
    example: { number: 3, count: 2 },
    sv: (p) => `tabell ${p.number} finns inte: rapporten har ${p.count === 0 ? 'inga tabeller' : p.count === 1 ? 'en tabell (tabell 1)' : `tabell 1–${p.count}`}, numrerade i den ordning de placeras med {{> namn}}`,
    en: (p) => `tabell ${p.number} does not exist: the report has ${p.count === 0 ? 'no tables' : p.count === 1 ? 'one table (tabell 1)' : `tabell 1–${p.count}`}, numbered in the order they are placed with {{> name}}`,
  }),
  'table-unreferenced': message({
    example: { number: 1, key: 'regiontabell' },
    sv: (p) => `tabell ${p.number} (${p.key}) nämns aldrig i texten: hänvisa till den, till exempel 'se tabell ${p.number}' eller {{tabell "${p.key}"}}`,
    en: (p) => `tabell ${p.number} (${p.key}) is never referred to in the text: mention it, e.g. 'se tabell ${p.number}' or {{tabell "${p.key}"}}`,
  }),
  'table-reference-before': message({
    example: { number: 2, key: 'kostnadstabell' },
    sv: (p) => `tabell ${p.number} (${p.key}) nämns i ett kapitel före det där tabellen står, så läsaren har inte sett den än: flytta hänvisningen eller tabellen`,
    en: (p) => `tabell ${p.number} (${p.key}) is mentioned in a chapter before the one that shows it, so the reader has not seen it yet: move the reference or the table`,
  }),
  'table-template-data': message({
    example: { table: 'karta', template: 'karttabell' },
    sv: (p) => `tabellen ${p.table} ritas av mallen templates/partials/${p.template}.hbs men har inga rader och kolumner, så den publiceras inte som öppna data (CSV och Excel): lägg till 'rader' och 'kolumner' så blir den det`,
    en: (p) => `table ${p.table} is drawn by templates/partials/${p.template}.hbs but declares no rows and columns, so it is not published as open data (CSV and Excel): add 'rader' and 'kolumner' to publish it`,
  }),
  'table-template-missing': message({
    example: { table: 'karta', template: 'karttabell' },
    sv: (p) => `tabellen ${p.table} ska ritas av mallen templates/partials/${p.template}.hbs, som inte finns: skapa den eller rätta 'mall'`,
    en: (p) => `table ${p.table} is drawn by templates/partials/${p.template}.hbs, which does not exist: create it or correct 'mall'`,
  }),
  'table-unplaced': message({
    example: { table: 'kostnadstabell' },
    sv: (p) => `tabellen ${p.table} finns i data/tabeller.yaml men placeras inte i texten: skriv {{> ${p.table}}} där den ska stå, eller ta bort den`,
    en: (p) => `table ${p.table} is declared in data/tabeller.yaml but never placed: write {{> ${p.table}}} where it belongs, or remove it`,
  }),
};
