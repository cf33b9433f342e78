import { message, type ValueDesc } from '../message.js';
import { yamlReasonText, type YamlReason } from './yaml.js';

/** Appends a schema's description of the field, as a sentence of its own. */
const about = (description: string): string => (description ? ` ${description.trim().replace(/([^.!?])$/, '$1.')}` : '');
/** "did you mean …?" or the list of what there is. */
const hintSv = (hint: string | undefined, known: readonly string[], names: (k: readonly string[]) => string): string =>
  hint ? `menar du '${hint}'?` : known.length ? `det finns ${names(known.slice(0, 12))}${known.length > 12 ? ' …' : ''}` : 'det finns inga';
const hintEn = (hint: string | undefined, known: readonly string[], names: (k: readonly string[]) => string): string =>
  hint ? `did you mean '${hint}'?` : known.length ? `expected one of ${names(known.slice(0, 12))}${known.length > 12 ? ' …' : ''}` : 'there are none';

const TYPE_SV: Record<string, string> = { string: 'text', number: 'ett tal', integer: 'ett heltal', boolean: 'true eller false', array: 'en lista', object: 'en mappning (nyckel: värde)', null: 'inget värde' };
const TYPE_EN: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping (key: value)', null: 'no value' };
const typeSv = (t: string): string => t.split(',').map((x) => TYPE_SV[x] ?? x).join(' eller ');
const typeEn = (t: string): string => t.split(',').map((x) => TYPE_EN[x] ?? x).join(' or ');

/** ' (den har bara kommentarer)' for a file of comments and nothing else. */
const emptySv = (comments: boolean): string => (comments ? ' (den har bara kommentarer)' : '');
const emptyEn = (comments: boolean): string => (comments ? ' (it holds only comments)' : '');

/** Messages of the data files: YAML syntax, schemas, references between files. */
export const DATA_MESSAGES = {
  'data-value.reserved-character': message({
    example: { code: 'E010' },
    sv: (p) => `värdet innehåller tecknet U+${p.code} ur Unicodes privata område, som verktyget använder för sina egna markeringar: ta bort det (det syns inte i de flesta redigerare; i YAML kan det vara skrivet \\u${p.code})`,
    en: (p) => `the value holds the character U+${p.code} from Unicode's private-use area, which the build uses for its own markers: delete it (it is invisible in most editors; in YAML it may be written \\u${p.code})`,
  }),
  'data-value.impossible-date': message({
    example: { value: '2024-02-30' },
    sv: (p) => `${p.value} är skrivet som ett datum men finns inte i kalendern: rätta det (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM)`,
    en: (p) => `${p.value} is written as a date but does not exist: correct it (YYYY-MM-DD or YYYY-MM)`,
  }),
  'data-value.unsafe-number': message({
    example: { value: '1e+300' },
    sv: (p) => `talet ${p.value} ligger utanför det som kan räknas exakt (högst 9 007 199 254 740 991 till beloppet): en siffra skulle ändras i tysthet. Skriv det som text inom citattecken om det är ett id-nummer, annars rätta det`,
    en: (p) => `the number ${p.value} is outside the range that is counted exactly (at most 9,007,199,254,740,991 in size): a digit would change silently. Write it as text in quotes if it is an identifier, else correct it`,
  }),
  'yaml-empty': message({
    example: { comments: true, name: 'insatser' },
    sv: (p) => `datafilen är tom${emptySv(p.comments)}: skriv in dess data, en lista (- …) eller en mappning (nyckel: värde), som kapitlen sedan når som ${p.name}; eller ta bort filen`,
    en: (p) => `the data file is empty${emptyEn(p.comments)}: write its data, a list (- …) or a mapping (key: value), which the chapters then reach as ${p.name}; or delete the file`,
  }),
  'yaml-empty.rapport': message({
    example: { comments: true },
    sv: (p) => `data/rapport.yaml är tom${emptySv(p.comments)}: den ska hålla brevhuvudet och dokumentets uppgifter, en mappning med titel, beskrivning, datum, dnr och mottagare (och myndighet, om ingen profil ger den), till exempel 'titel: Redovisning av uppdraget' på en rad och 'datum: 2025-03-28' på nästa (redovisning init skriver en att utgå från)`,
    en: (p) => `data/rapport.yaml is empty${emptyEn(p.comments)}: it holds the letterhead and the document's facts, a mapping with titel, beskrivning, datum, dnr and mottagare (and myndighet, unless a profile gives it), e.g. 'titel: Redovisning av uppdraget' on one line and 'datum: 2025-03-28' on the next (redovisning init writes one to start from)`,
  }),
  'yaml-empty.bilagor': message({
    example: { comments: true },
    sv: (p) => `data/bilagor.yaml är tom${emptySv(p.comments)}: den ska hålla bilageförteckningen, en lista med en post per bilaga, till exempel '- { nyckel: program, titel: Program för mötet, innehall: bilagor/program.md }' (eller pdf: bilagor/program.pdf); ta bort filen om rapporten inte har några bilagor`,
    en: (p) => `data/bilagor.yaml is empty${emptyEn(p.comments)}: it holds the appendix register, a list with one entry per appendix, e.g. '- { nyckel: program, titel: Program för mötet, innehall: bilagor/program.md }' (or pdf: bilagor/program.pdf); delete the file if the report has no appendices`,
  }),
  'yaml-empty.tabeller': message({
    example: { comments: true },
    sv: (p) => `data/tabeller.yaml är tom${emptySv(p.comments)}: den ska hålla rapportens tabeller, en mappning från tabellens namn till dess rubrik, rader och kolumner, till exempel 'regioner: { rubrik: Medel per region, rader: regioner, kolumner: { namn: { rubrik: Region } } }'; ta bort filen om rapporten inte har några tabeller`,
    en: (p) => `data/tabeller.yaml is empty${emptyEn(p.comments)}: it holds the report's tables, a mapping from each table's name to its caption, rows and columns, e.g. 'regioner: { rubrik: Medel per region, rader: regioner, kolumner: { namn: { rubrik: Region } } }'; delete the file if the report has no tables`,
  }),
  'yaml-empty.figurer': message({
    example: { comments: true },
    sv: (p) => `data/figurer.yaml är tom${emptySv(p.comments)}: den ska hålla rapportens figurer, en mappning från figurens namn till rubrik, beskrivning och diagram eller bild, till exempel 'karta: { rubrik: Regionerna, beskrivning: En karta över …, bild: bilder/karta.png }'; ta bort filen om rapporten inte har några figurer`,
    en: (p) => `data/figurer.yaml is empty${emptyEn(p.comments)}: it holds the report's figures, a mapping from each figure's name to its caption, description and chart or image, e.g. 'karta: { rubrik: Regionerna, beskrivning: En karta över …, bild: bilder/karta.png }'; delete the file if the report has no figures`,
  }),
  'yaml-empty.berakning': message({
    example: { comments: true },
    sv: (p) => `data/berakning.yaml är tom${emptySv(p.comments)}: den ska hålla rapportens beräknade värden, en mappning från namn till JSONata-uttryck, till exempel 'kostnad: $sum(insatser.kostnad)'; ta bort filen om rapporten inte beräknar några värden`,
    en: (p) => `data/berakning.yaml is empty${emptyEn(p.comments)}: it holds the report's computed values, a mapping from names to JSONata expressions, e.g. 'kostnad: $sum(insatser.kostnad)'; delete the file if the report computes no values`,
  }),
  'yaml-empty.kontroller': message({
    example: { comments: true },
    sv: (p) => `data/kontroller.yaml är tom${emptySv(p.comments)}: den ska hålla rapportens egna kontroller, en lista med id, villkor och meddelande, till exempel '- { id: inom-medel, villkor: berakning.kostnad <= uppdrag.medel, meddelande: Kostnaden är större än medlen }'; ta bort filen om rapporten inte har några egna kontroller`,
    en: (p) => `data/kontroller.yaml is empty${emptyEn(p.comments)}: it holds the report's own checks, a list with id, villkor and meddelande, e.g. '- { id: inom-medel, villkor: berakning.kostnad <= uppdrag.medel, meddelande: Kostnaden är större än medlen }'; delete the file if the report has no checks of its own`,
  }),
  'yaml-syntax.unquoted': message({
    example: { key: 'villkor', value: "$exists(a) and { $: b }", quoted: "'$exists(a) and { $: b }'", colon: true },
    sv: (p) => `YAML-fel: värdet av '${p.key}' ${p.colon ? "innehåller ': ', som YAML läser som början på en ny nyckel" : "börjar med '{', som YAML läser som en mappning"} (${p.value}). Sätt värdet inom citattecken, ${p.key}: ${p.quoted} (en ' inuti skrivs två gånger), eller skriv '${p.key}: >-' och värdet indraget på raden under`,
    en: (p) => `YAML syntax: the value of '${p.key}' ${p.colon ? "holds ': ', which YAML reads as the start of a new key" : "starts with '{', which YAML reads as a mapping"} (${p.value}). Put the value in quotes, ${p.key}: ${p.quoted} (a ' inside is written twice), or write '${p.key}: >-' and the value indented on the line below`,
  }),
  'yaml-syntax.documents': message({
    example: { count: 2 },
    sv: (p) => `filen har ${p.count} YAML-dokument men ska ha ett: ta bort de extra '---'-avgränsarna`,
    en: (p) => `expected one YAML document, found ${p.count}: remove the extra '---' separators`,
  }),
  'yaml-syntax': message({
    example: { reason: { code: 'mapping-indentation', message: 'bad indentation of a mapping entry' } as YamlReason },
    sv: (p, f) => `YAML-fel: ${yamlReasonText(p.reason, 'sv', f)}. Rätta raden (indrag, ett saknat ':' eller ett specialtecken som behöver citattecken)`,
    en: (p, f) => `YAML syntax: ${yamlReasonText(p.reason, 'en', f)}; fix the line (indentation, a missing ':' or an unquoted special character)`,
  }),
  'data-missing-file': message({
    example: { file: 'data/rapport.yaml' },
    sv: (p) => `${p.file} saknas: varje rapport har den (se 'redovisning init' för ett exempel)`,
    en: (p) => `${p.file} is missing: every report needs it (see 'redovisning init' for an example)`,
  }),
  'data-schema.type': message({
    example: { path: 'projekt[1].uppdrag', expected: 'integer', found: { kind: 'text', text: '300000' } as ValueDesc, description: 'Belopp i hela kronor' },
    sv: (p, f) => `${p.path} ska vara ${typeSv(p.expected)}, men är ${f.value(p.found)}.${about(p.description)}`,
    en: (p, f) => `${p.path}: expected ${typeEn(p.expected)}, found ${f.value(p.found)}.${about(p.description)}`,
  }),
  'data-schema.type-mapping': message({
    example: { path: 'beslut', fields: ['beslutsfattare', 'foredragande', 'deltagare'], example: 'beslut: { beslutsfattare: { namn: …, titel: … }, foredragande: { namn: …, titel: … } }', found: { kind: 'text', text: 'Anna Andersson' } as ValueDesc, description: 'Beslutsraderna som avslutar rapporten' },
    sv: (p, f) => `${p.path} ska vara en mappning med fälten ${f.names(p.fields)}, men är ${f.value(p.found)}: skriv till exempel ${p.example} (eller ett fält per rad, indraget under ${p.path.replace(/^.*[.\]]/, '') || p.path}:).${about(p.description)}`,
    en: (p, f) => `${p.path} must be a mapping with the fields ${f.names(p.fields)}, found ${f.value(p.found)}: write, for example, ${p.example} (or one field a line, indented under ${p.path.replace(/^.*[.\]]/, '') || p.path}:).${about(p.description)}`,
  }),
  'data-schema.required': message({
    example: { path: 'rapport', key: 'ertDnr', description: 'Departementets diarienummer' },
    sv: (p) => `'${p.key}' saknas i ${p.path}: lägg till den.${about(p.description)}`,
    en: (p) => `missing required value '${p.key}' in ${p.path}: add it.${about(p.description)}`,
  }),
  'data-schema.pattern': message({
    example: { path: 'datum', value: { kind: 'text', text: '30 mars' } as ValueDesc, description: 'Datum, skrivet ÅÅÅÅ-MM-DD' },
    sv: (p, f) => `${p.path}: ${f.value(p.value)} har inte rätt form.${about(p.description)}`,
    en: (p, f) => `${p.path}: ${f.value(p.value)} is not in the expected form.${about(p.description)}`,
  }),
  'data-schema.minimum': message({
    example: { path: 'belopp', value: -5, limit: 0, exclusive: false, description: '' },
    sv: (p, f) => `${p.path} är ${f.n(p.value)} men ska vara ${p.exclusive ? 'större än' : 'minst'} ${f.n(p.limit)}.${about(p.description)}`,
    en: (p, f) => `${p.path} is ${f.n(p.value)} but must be ${p.exclusive ? 'greater than' : 'at least'} ${f.n(p.limit)}.${about(p.description)}`,
  }),
  'data-schema.maximum': message({
    example: { path: 'andel', value: 2, limit: 1, exclusive: false, description: '' },
    sv: (p, f) => `${p.path} är ${f.n(p.value)} men ska vara ${p.exclusive ? 'mindre än' : 'högst'} ${f.n(p.limit)}.${about(p.description)}`,
    en: (p, f) => `${p.path} is ${f.n(p.value)} but must be ${p.exclusive ? 'less than' : 'at most'} ${f.n(p.limit)}.${about(p.description)}`,
  }),
  'data-schema.length': message({
    example: { path: 'kortTitel', limit: 70, max: true, description: '' },
    sv: (p) => `${p.path} ska ha ${p.max ? 'högst' : 'minst'} ${p.limit} tecken.${about(p.description)}`,
    en: (p) => `${p.path} must have ${p.max ? 'at most' : 'at least'} ${p.limit} characters.${about(p.description)}`,
  }),
  'data-schema.items': message({
    example: { path: 'mottagare', limit: 1, max: false, description: '' },
    sv: (p) => `listan ${p.path} ska ha ${p.max ? 'högst' : 'minst'} ${p.limit} ${p.limit === 1 ? 'post' : 'poster'}.${about(p.description)}`,
    en: (p) => `the list ${p.path} must have ${p.max ? 'at most' : 'at least'} ${p.limit} ${p.limit === 1 ? 'item' : 'items'}.${about(p.description)}`,
  }),
  'data-schema.enum': message({
    example: { path: 'format', value: { kind: 'text', text: 'valuta' } as ValueDesc, allowed: ['text', 'kronor'], description: '' },
    sv: (p, f) => `${p.path}: ${f.value(p.value)} är inte tillåtet; välj ${f.list(p.allowed.map((a) => `'${a}'`))}.${about(p.description)}`,
    en: (p, f) => `${p.path}: ${f.value(p.value)} is not allowed; choose ${f.list(p.allowed.map((a) => `'${a}'`))}.${about(p.description)}`,
  }),
  'data-schema.alternatives': message({
    example: { path: 'pdf', description: 'En PDF-fil i rapportmappen' },
    sv: (p) => `${p.path} har inte något av de tillåtna formerna.${about(p.description)}`,
    en: (p) => `${p.path} matches none of the allowed forms.${about(p.description)}`,
  }),
  'data-schema.other': message({
    example: { path: 'x', detail: 'must be multiple of 2', description: '' },
    sv: (p) => `${p.path} följer inte schemat (${p.detail}).${about(p.description)}`,
    en: (p) => `${p.path} does not follow the schema (${p.detail}).${about(p.description)}`,
  }),
  'data-unknown-key': message({
    example: { key: 'titl', where: '[0]', hint: 'titel' as string | undefined, known: ['id', 'titel'] },
    sv: (p, f) => `okänd nyckel '${p.key}'${p.where ? ` i ${p.where}` : ''}: ${hintSv(p.hint, p.known, f.names)}`,
    en: (p, f) => `unknown key '${p.key}'${p.where ? ` in ${p.where}` : ''}: ${hintEn(p.hint, p.known, f.names)}`,
  }),
  'id-duplicate': message({
    example: { field: 'id', value: 'skane', file: 'data/regioner.yaml', first: 1 },
    sv: (p) => `${p.field} '${p.value}' finns två gånger i ${p.file} (första gången i post ${p.first}): varje ${p.field} ska vara unikt`,
    en: (p) => `${p.field} '${p.value}' is used twice in ${p.file} (first at entry ${p.first}): each ${p.field} must be unique`,
  }),
  'data-reference': message({
    example: { value: 'skåne', target: 'regioner.id', hint: 'skane' as string | undefined, known: ['skane', 'halland'] },
    sv: (p, f) => `'${p.value}' finns inte bland ${p.target}: ${p.hint ? `menar du '${p.hint}'?` : p.known.length ? `där finns ${f.names(p.known.slice(0, 12))}${p.known.length > 12 ? ' …' : ''}; lägg till den där eller rätta värdet` : 'där finns ännu inget; lägg till den där'}`,
    en: (p, f) => `'${p.value}' is not one of ${p.target}: ${p.hint ? `did you mean '${p.hint}'?` : p.known.length ? `it has ${f.names(p.known.slice(0, 12))}${p.known.length > 12 ? ' …' : ''}; add it there or correct the value` : 'it has nothing yet; add it there'}`,
  }),
  'schema-invalid.json': message({
    example: { reason: 'unexpected end of the stream' },
    sv: (p) => `schemat är inte giltig JSON (${p.reason}): rätta filen`,
    en: (p) => `the schema is not valid JSON (${p.reason}): correct the file`,
  }),
  'schema-invalid.keyword': message({
    example: { keyword: 'requird' },
    sv: (p) => `okänt nyckelord '${p.keyword}' i schemat: rätta stavningen (JSON Schema 2020-12, plus 'referens' och 'uniqueItemProperties')`,
    en: (p) => `unknown keyword '${p.keyword}' in the schema: correct its spelling (JSON Schema 2020-12, plus 'referens' and 'uniqueItemProperties')`,
  }),
  'schema-invalid.meta': message({
    example: { path: 'type', detail: 'type must be JSONType or JSONType[]: objekt' },
    sv: (p) => `schemat har ett felaktigt värde för '${p.path}' (${p.detail}): rätta det efter JSON Schema 2020-12`,
    en: (p) => `the schema has a wrong value for '${p.path}' (${p.detail}): correct it as JSON Schema 2020-12 says`,
  }),
  'schema-invalid.pattern': message({
    example: { pattern: '^(a)\\1$', reason: 'invalid escape sequence: `\\1`' },
    sv: (p) => `mönstret '${p.pattern}' går inte att använda (${p.reason}): mönster körs i linjär tid (RE2), som saknar bakåtreferenser (\\1) och lookaround ((?=…), (?!…), (?<=…)); skriv det utan dem`,
    en: (p) => `the pattern '${p.pattern}' cannot be used (${p.reason}): patterns run in linear time (RE2), which has no backreferences (\\1) and no lookaround ((?=…), (?!…), (?<=…)); write it without them`,
  }),
  'schema-invalid.compile': message({
    example: { reason: 'reference "#/x" resolves to more than one schema' },
    sv: (p) => `schemat går inte att använda (${p.reason})`,
    en: (p) => `the schema cannot be used (${p.reason})`,
  }),
  'schema-unused': message({
    example: { name: 'projekt' },
    sv: (p) => `schemat hör inte till någon datafil: data/${p.name}.yaml finns inte. Byt namn på schemat eller ta bort det`,
    en: (p) => `the schema belongs to no data file: data/${p.name}.yaml does not exist; rename the schema or remove it`,
  }),
};
