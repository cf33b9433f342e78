import { message } from '../message.js';

/** Messages of the load stage: the report's folders and files. */
export const FILE_MESSAGES = {
  'report-root': message({
    example: { folder: 'content', root: '/home/anna/rapport' },
    sv: (p) => `mappen ${p.folder}/ saknas i ${p.root}. En rapportmapp har content/ (kapitlen i Markdown) och data/ (fakta i YAML): ange rapportens mapp, eller skapa en med 'redovisning init'`,
    en: (p) => `no ${p.folder}/ folder in ${p.root}: a report root holds content/ (Markdown chapters) and data/ (YAML facts); pass the report's folder or run 'redovisning init' to create one`,
  }),
  'profile-missing.folder': message({
    example: { name: '../profil' },
    sv: (p) => `profilen ${p.name} finns inte: profil: är en mapp i förhållande till rapportmappen (med profil.yaml) eller namnet på ett installerat npm-paket; rätta sökvägen`,
    en: (p) => `the profile ${p.name} does not exist: profil: is a folder relative to the report root (holding profil.yaml) or the name of an installed npm package; correct the path`,
  }),
  'profile-missing.package': message({
    example: { name: '@myndigheten/profil' },
    sv: (p) => `profilen ${p.name} är inte installerad: installera paketet med npm install ${p.name} (eller skriv en mapp, ./${p.name}, om profilen är en mapp)`,
    en: (p) => `the profile ${p.name} is not installed: install the package with npm install ${p.name} (or write a folder, ./${p.name}, if the profile is a folder)`,
  }),
  'profile-missing.file': message({
    example: { name: '../profil', dir: '/home/anna/profil' },
    sv: (p) => `profilen ${p.name} (${p.dir}) har ingen profil.yaml: en profil har profil.yaml med myndighetens uppgifter, och kan ha templates/, fonts/ och ordlista.txt`,
    en: (p) => `the profile ${p.name} (${p.dir}) has no profil.yaml: a profile holds profil.yaml with the agency's fields, and may hold templates/, fonts/ and ordlista.txt`,
  }),
  'file-too-large': message({
    example: { size: 2000000, limit: 1048576 },
    sv: (p, f) => `filen är ${f.n(p.size)} byte, mer än gränsen ${f.n(p.limit)} byte: dela upp den i mindre kapitel eller datafiler`,
    en: (p, f) => `file is ${f.n(p.size)} bytes, over the limit of ${f.n(p.limit)} bytes: split it into smaller chapters or data files`,
  }),
  'file-outside': message({
    example: { path: 'data', target: '/home/anna/annat/data' },
    sv: (p) => `'${p.path}' är en symbolisk länk till ${p.target}, utanför rapportmappen, och läses inte: flytta in det i rapportmappen (eller länka till något inom den)`,
    en: (p) => `'${p.path}' is a symbolic link to ${p.target}, outside the report root, and is not read: move it into the report root (or link to something inside it)`,
  }),
  'file-encoding': message({
    example: {},
    sv: () => 'filen är inte giltig UTF-8: spara den som UTF-8',
    en: () => 'file is not valid UTF-8: save it as UTF-8',
  }),
  'file-unreadable': message({
    example: { reason: 'EACCES' },
    sv: (p) => `filen går inte att läsa (${p.reason})`,
    en: (p) => `cannot read the file (${p.reason})`,
  }),
  'content-empty': message({
    example: {},
    sv: () => 'rapporten har inga kapitel: lägg till Markdown-filer, till exempel content/01-sammanfattning.md',
    en: () => 'no chapters: add Markdown files such as content/01-sammanfattning.md',
  }),
  'source-reserved-character': message({
    example: { code: 'E000' },
    sv: (p) => `tecknet U+${p.code} är reserverat för verktyget: ta bort det (det syns inte i de flesta redigerare)`,
    en: (p) => `the character U+${p.code} is reserved by the build: delete it (it is invisible in most editors)`,
  }),
};
