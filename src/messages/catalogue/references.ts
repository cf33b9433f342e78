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
