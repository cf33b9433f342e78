import { message } from '../message.js';

/** `redovisning doktor`: what the tool uses from the machine, and how to install what is missing. */
export const DOKTOR_TEXTS = {
  'cli.doktor': message({
    example: {},
    sv: () => 'kontrollera att datorn har det verktyget använder (Chromium, Hunspell med svensk ordlista, typsnitt) och visa kommandot som installerar det som saknas',
    en: () => 'check that the machine has what the tool uses (Chromium, Hunspell with a Swedish dictionary, fonts) and show the command that installs what is missing',
  }),
  'doktor.chromium': message({ example: {}, sv: () => 'Chromium (skriver ut PDF-filen)', en: () => 'Chromium (prints the PDF)' }),
  'doktor.hunspell': message({ example: {}, sv: () => 'Hunspell (kontrollerar stavningen)', en: () => 'Hunspell (checks the spelling)' }),
  'doktor.hunspell-sv': message({ example: {}, sv: () => 'Hunspells svenska ordlista', en: () => "Hunspell's Swedish dictionary" }),
  'doktor.fonts': message({ example: {}, sv: () => 'reservtypsnitt för Chromium (DejaVu)', en: () => 'fallback font for Chromium (DejaVu)' }),
  'doktor.poppler': message({ example: {}, sv: () => 'poppler (läser PDF-filen tillbaka, för tester och CI)', en: () => 'poppler (reads the PDF back, for tests and CI)' }),
  'doktor.libreoffice': message({ example: {}, sv: () => 'LibreOffice (öppnar Word-filen, när rapporten skrivs till Word)', en: () => 'LibreOffice (opens the Word file, when the report is written to Word)' }),
  'doktor.found': message({
    example: { what: 'Chromium (skriver ut PDF-filen)', path: '/usr/lib/chromium/chromium-headless-shell' },
    sv: (p) => `finns: ${p.what}: ${p.path}`,
    en: (p) => `found: ${p.what}: ${p.path}`,
  }),
  'doktor.missing': message({
    example: { what: 'Hunspell (kontrollerar stavningen)', looked: 'hunspell (PATH)', debian: 'hunspell' },
    sv: (p) => `saknas: ${p.what}: ${p.looked} finns inte (Debian-paketet ${p.debian})`,
    en: (p) => `missing: ${p.what}: ${p.looked} not found (the Debian package ${p.debian})`,
  }),
  'doktor.optional-missing': message({
    example: { what: 'poppler (läser PDF-filen tillbaka, för tester och CI)', looked: 'pdftotext (PATH)', debian: 'poppler-utils' },
    sv: (p) => `valfritt, saknas: ${p.what}: ${p.looked} finns inte (Debian-paketet ${p.debian})`,
    en: (p) => `optional, missing: ${p.what}: ${p.looked} not found (the Debian package ${p.debian})`,
  }),
  'doktor.install': message({
    example: { command: 'sudo apt-get update && sudo apt-get install -y hunspell hunspell-sv' },
    sv: (p) => `Installera det som saknas med: ${p.command}`,
    en: (p) => `Install what is missing with: ${p.command}`,
  }),
  'doktor.install-optional': message({
    example: { command: 'sudo apt-get update && sudo apt-get install -y poppler-utils' },
    sv: (p) => `Det valfria installeras med: ${p.command}`,
    en: (p) => `The optional parts install with: ${p.command}`,
  }),
  'doktor.ready': message({ example: {}, sv: () => 'Allt som verktyget behöver finns.', en: () => 'Everything the tool needs is there.' }),
};
