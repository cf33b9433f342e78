import { message } from '../message.js';

/** Messages about references: appendices, tables and amounts written in the prose. */
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
  'open-data-metadata': message({
    example: { missing: ['webbadress', 'kontakt'] },
    sv: (p, f) => `tabellerna publiceras som öppna data, men beskrivningen för Sveriges dataportal (DCAT-AP-SE) behöver ${f.list(p.missing.map((m) => `oppnaData.${m}`))} i data/rapport.yaml: ange ${p.missing.includes('webbadress') ? 'adressen där dist/ publiceras' : ''}${p.missing.length === 2 ? ' och ' : ''}${p.missing.includes('kontakt') ? 'en kontakt med namn och e-post' : ''}. Allt annat byggs ändå`,
    en: (p, f) => `the tables are published as open data, but their description for Sveriges dataportal (DCAT-AP-SE) needs ${f.list(p.missing.map((m) => `oppnaData.${m}`))} in data/rapport.yaml: give ${p.missing.includes('webbadress') ? 'the address where dist/ is published' : ''}${p.missing.length === 2 ? ' and ' : ''}${p.missing.includes('kontakt') ? 'a contact with a name and an e-mail address' : ''}. Everything else is built all the same`,
  }),
  'open-data-metadata.recommended': message({
    example: { missing: ['dcterms:spatial (oppnaData.omrade)', 'dcterms:temporal (oppnaData.tidsperiod)'] },
    sv: (p, f) => `beskrivningen för Sveriges dataportal saknar ${p.missing.length === 1 ? 'en egenskap' : 'egenskaper'} som DCAT-AP rekommenderar: ${f.list(p.missing)}. Ange ${p.missing.length === 1 ? 'fältet' : 'fälten'} i data/rapport.yaml, så hittar den som söker i portalen datan`,
    en: (p, f) => `the description for Sveriges dataportal lacks ${p.missing.length === 1 ? 'a property' : 'properties'} DCAT-AP recommends: ${f.list(p.missing)}; give ${p.missing.length === 1 ? 'the field' : 'the fields'} in data/rapport.yaml so that people searching the portal find the data`,
  }),
  'open-data-metadata.publisher': message({
    example: { address: 'https://www.myndigheten.se/rapporter/2025-00042/#utgivare' },
    sv: (p) => `utan oppnaData.organisationsnummer får utgivaren adressen ${p.address}, som Sveriges dataportal inte känner igen som myndigheten: ange organisationsnumret (t.ex. "202100-0000") så blir utgivaren http://dataportal.se/organisation/SE<organisationsnummer>`,
    en: (p) => `without oppnaData.organisationsnummer the publisher gets the address ${p.address}, which Sveriges dataportal does not recognise as the agency: give the organisation number (e.g. "202100-0000") and the publisher becomes http://dataportal.se/organisation/SE<organisationsnummer>`,
  }),
  'prose-amount': message({
    example: { written: 'cirka 1,1 miljoner', nearestName: 'uppdrag.medel[0].belopp', nearest: 1000000, suggestion: '1', unit: 'miljoner', helper: 'miljoner' },
    sv: (p, f) => `'${p.written}' stämmer inte med något belopp i datan: närmast är ${p.nearestName} = ${f.n(p.nearest)} kronor (${p.suggestion} ${p.unit}). Rätta texten, eller skriv beloppet med en hjälpfunktion, till exempel {{${p.helper} ${p.nearestName}}}`,
    en: (p, f) => `'${p.written}' matches no figure in the data: the nearest is ${p.nearestName} = ${f.n(p.nearest)} kronor (${p.suggestion} ${p.unit}); correct the text or write the figure with a helper such as {{${p.helper} ${p.nearestName}}}`,
  }),
};
