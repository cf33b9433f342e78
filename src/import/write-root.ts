import { dump } from 'js-yaml';
import type { ImportedReport } from './convert.js';
import { tableDeclaration, tableSchema } from './tables.js';

/** A file of the new report root: its path inside the root and its content. */
export interface RootFile {
  path: string;
  content: string | Buffer;
}

const yaml = (value: unknown): string => dump(value, { lineWidth: -1, forceQuotes: true, noRefs: true });
const quoted = (text: string): string => JSON.stringify(text);

/**
 * The files of a report root made from an imported draft: the chapters, the
 * appendix bodies, `data/rapport.yaml` with comments on what to check, each
 * table's data, schema and declaration, the appendix register and the images.
 */
export function rootFiles(report: ImportedReport, source: string): RootFile[] {
  const files: RootFile[] = [];
  for (const chapter of report.chapters) files.push({ path: chapter.file, content: chapter.markdown });
  for (const a of report.appendices) if (a.body) files.push({ path: a.body.file, content: a.body.markdown });
  for (const image of report.images) files.push({ path: image.path, content: image.bytes });
  files.push({ path: 'data/rapport.yaml', content: rapportYaml(report, source) });
  if (report.tables.length > 0) {
    const declarations: Record<string, object> = {};
    for (const table of report.tables) {
      declarations[table.key] = tableDeclaration(table);
      files.push({ path: `data/${table.key}.yaml`, content: `# yaml-language-server: $schema=../schemas/${table.key}.schema.json\n# Tabellen "${table.caption ?? table.key}" ur ${source}: en post per rad.\n${yaml(table.rows)}` });
      files.push({ path: `schemas/${table.key}.schema.json`, content: `${JSON.stringify(tableSchema(table, source), null, 2)}\n` });
    }
    files.push({ path: 'data/tabeller.yaml', content: `# yaml-language-server: $schema=../schemas/tabeller.schema.json\n# Tabellerna ur ${source}. Kontrollera formaten (kronor, tal, procent, datum) och summaraderna.\n${yaml(declarations)}` });
  }
  if (report.appendices.length > 0) {
    const register = report.appendices.map((a) => ({ nyckel: a.key, titel: a.title, ...(a.body ? { innehall: a.body.file.replace(/^content\//, '') } : {}) }));
    files.push({ path: 'data/bilagor.yaml', content: `# yaml-language-server: $schema=../schemas/bilagor.schema.json\n# Bilagorna ur ${source}, i nummerordning. En bilaga utan innehall "lämnas separat":\n# lägg till pdf: <fil> för en bifogad PDF-fil.\n${yaml(register)}` });
  }
  return files;
}

function rapportYaml(report: ImportedReport, source: string): string {
  const h = report.letterhead;
  const check = (fact: 'agency' | 'title' | 'date' | 'description', missing: string): string =>
    h.from[fact] === 'page' ? '' : h.from[fact] === 'properties' ? `   # ur filens egenskaper i ${source}: kontrollera` : `   # ${missing}`;
  const firstParagraph = report.chapters[0]?.markdown.split('\n').find((l) => l.trim() !== '' && !/^(#|>|-|\{\{|!\[|\[\^)/.test(l));
  const plain = firstParagraph?.replace(/\[\^\d+\]/g, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\\(.)/g, '$1');
  const firstSentence = plain?.match(/^(.*?[.!?])(\s|$)/)?.[1];
  const description = h.description ?? firstSentence ?? h.title ?? 'Redovisning av regeringsuppdrag';
  const lines = [
    '# yaml-language-server: $schema=../schemas/rapport.schema.json',
    `# Brevhuvudet och dokumentets uppgifter, lästa ur ${source}. Kontrollera varje rad.`,
    `myndighet: ${quoted(h.agency ?? 'Myndigheten')}${check('agency', 'hittades inte i utkastet: skriv myndighetens namn')}`,
    `titel: ${quoted(h.title ?? 'Redovisning av regeringsuppdrag')}${check('title', 'hittades inte i utkastet: skriv rapportens titel')}`,
    `beskrivning: ${quoted(description)}${h.description ? check('description', '') : '   # en mening om vad rapporten är: skriv om den'}`,
    `datum: ${quoted(h.date ?? '2000-01-01')}${check('date', 'hittades inte i utkastet: skriv beslutsdatumet ÅÅÅÅ-MM-DD')}`,
    `dnr: ${quoted(h.dnr ?? '0000-00000')}${h.dnr ? '' : '   # hittades inte i utkastet: skriv myndighetens diarienummer'}`,
    ...(h.theirDnr ? [`ertDnr: ${quoted(h.theirDnr)}`] : ['# ertDnr: "Fi2024/00123"   # departementets diarienummer, om det finns']),
    'mottagare:',
    ...(h.recipients.length ? h.recipients.map((r) => `  - ${quoted(r)}`) : ['  - "Regeringskansliet"   # hittades inte i utkastet: kontrollera mottagaren']),
    'sprak: sv-SE',
    '# Ett ungt utkast: siffrorna i texten är ännu inte kopplade till datan, så kontrollen av dem',
    '# ger varningar. Skriv beloppen med hjälpfunktioner ({{kronor …}}), och ta sedan bort raden så blir de fel.',
    'sifferkontroll: { belopp: varning, andelar: varning, ordval: varning, antal: varning, datum: varning }',
  ];
  const d = report.decision;
  if (d) {
    const person = (p: { namn: string; titel: string }): string => `{ namn: ${quoted(p.namn)}, titel: ${quoted(p.titel)} }`;
    lines.push(
      '# Beslutsraderna, lästa ur utkastets sista stycken: verktyget skriver dem efter sista kapitlet.',
      'beslut:',
      `  beslutsfattare: ${person(d.beslutsfattare)}`,
      `  foredragande: ${person(d.foredragande)}`,
      ...(d.deltagare.length ? [`  deltagare: [${d.deltagare.map(person).join(', ')}]`] : []),
    );
  }
  return `${lines.join('\n')}\n`;
}
