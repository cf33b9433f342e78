import { message, type Bilingual, type ValueDesc } from '../message.js';
import { templateProblemText, type TemplateProblem } from './handlebars.js';

const gotSv = (got: ValueDesc, value: (d: ValueDesc) => string): string => (got.kind === 'none' ? 'inget (är nyckeln rätt stavad?)' : value(got));
const gotEn = (got: ValueDesc, value: (d: ValueDesc) => string): string => (got.kind === 'none' ? 'nothing (is the data key spelt right?)' : value(got));

/** Messages about Handlebars templates: chapters, layouts and the helpers they call. */
export const TEMPLATE_MESSAGES = {
  'template-missing-key': message({
    example: { expression: 'uppdrag.beslutt', part: 'beslutt', where: 'uppdrag', hint: 'beslut' as string | undefined, known: ['beslut', 'medel'] },
    sv: (p, f) => `'{{${p.expression}}}': det finns ingen '${p.part}' ${p.where ? `i '${p.where}'` : 'bland rapportens data'}${p.hint ? `; menar du '${p.hint}'?` : p.known.length ? `; där finns ${f.names(p.known.slice(0, 12))}` : ''}`,
    en: (p, f) => `'{{${p.expression}}}': there is no '${p.part}' ${p.where ? `in '${p.where}'` : 'at the top level of the data'}${p.hint ? `; did you mean '${p.hint}'?` : p.known.length ? `; it has ${f.names(p.known.slice(0, 12))}` : ''}`,
  }),
  'template-unknown-helper': message({
    example: { name: 'kronr', hint: 'kronor' as string | undefined, helpers: ['kronor', 'tal'] },
    sv: (p) => `okänd hjälpfunktion '${p.name}'${p.hint ? `; menar du '${p.hint}'?` : `; hjälpfunktionerna är ${p.helpers.join(', ')}`}`,
    en: (p) => `unknown helper '${p.name}'${p.hint ? `; did you mean '${p.hint}'?` : `; the helpers are ${p.helpers.join(', ')}`}`,
  }),
  'template-unknown-partial': message({
    example: { name: 'kostnadstabel', hint: 'kostnadstabell' as string | undefined, partials: ['kostnadstabell'] },
    sv: (p) => `okänd tabell eller delmall '${p.name}'${p.hint ? `; menar du '${p.hint}'?` : p.partials.length ? `; de som finns är ${p.partials.join(', ')}` : '; rapporten har inga (tabeller deklareras i data/tabeller.yaml)'}`,
    en: (p) => `unknown table or partial '${p.name}'${p.hint ? `; did you mean '${p.hint}'?` : p.partials.length ? `; there are ${p.partials.join(', ')}` : '; the report has none (tables are declared in data/tabeller.yaml)'}`,
  }),
  'template-syntax': message({
    example: { problem: { what: 'token', token: 'ID' } as TemplateProblem },
    sv: (p, f) => `mallfel: ${templateProblemText(p.problem, 'sv', f)}. Kontrollera att varje '{{' har sitt '}}' och varje '{{#block}}' sitt '{{/block}}'`,
    en: (p, f) => `template syntax: ${templateProblemText(p.problem, 'en', f)}; check that every '{{' has its '}}' and every '{{#block}}' its '{{/block}}'`,
  }),
  'template-syntax.number-key': message({
    example: { written: 'indikatorer.utfall.2025', fixed: 'indikatorer.utfall.[2025]' },
    sv: (p) => `mallfel: en nyckel som är ett tal (ett år, ett radnummer) skrivs inom hakparentes: skriv '${p.fixed}' i stället för '${p.written}'`,
    en: (p) => `template syntax: a key that is a number (a year, a row number) is written in brackets: write '${p.fixed}' instead of '${p.written}'`,
  }),
  'template-render': message({
    example: { key: 'okand' as string | undefined, reason: '"okand" not defined in [object Object]' },
    sv: (p) => (p.key ? `mallen nämner '${p.key}', som inte finns där den letar: rätta namnet` : `mallen gick inte att fylla i: ${p.reason}`),
    en: (p) => (p.key ? `the template names '${p.key}', which is not where it looks: correct the name` : `template: ${p.reason}`),
  }),
  'template-layout': message({
    example: { file: 'templates/layout.hbs', key: 'okand' as string | undefined, reason: '"okand" not defined in [object Object]' },
    sv: (p) => (p.key ? `mallen ${p.file} nämner '${p.key}', som inte finns där den letar: rätta namnet` : `mallen ${p.file} gick inte att använda: ${p.reason}`),
    en: (p) => (p.key ? `template ${p.file} names '${p.key}', which is not where it looks: correct the name` : `template ${p.file}: ${p.reason}`),
  }),
  'template-helper.number': message({
    example: { helper: 'kronor', got: { kind: 'text', text: 'tre' } as ValueDesc },
    sv: (p, f) => `{{${p.helper}}} behöver ett tal, men fick ${gotSv(p.got, f.value)}`,
    en: (p, f) => `{{${p.helper}}} needs a number, got ${gotEn(p.got, f.value)}`,
  }),
  'template-helper.text': message({
    example: { helper: 'datum', got: { kind: 'text', text: 'tre' } as ValueDesc },
    sv: (p, f) => `{{${p.helper}}} behöver en text, men fick ${gotSv(p.got, f.value)}`,
    en: (p, f) => `{{${p.helper}}} needs text, got ${gotEn(p.got, f.value)}`,
  }),
  'template-helper.count': message({
    example: { helper: 'antal', got: { kind: 'text', text: 'tre' } as ValueDesc },
    sv: (p, f) => `{{${p.helper}}} behöver ett heltal, en lista eller en mappning att räkna, men fick ${gotSv(p.got, f.value)}`,
    en: (p, f) => `{{${p.helper}}} needs a whole number, a list or a mapping to count, got ${gotEn(p.got, f.value)}`,
  }),
  'template-helper.list': message({
    example: { helper: 'lista', got: { kind: 'text', text: 'tre' } as ValueDesc },
    sv: (p, f) => `{{${p.helper}}} behöver en lista, men fick ${gotSv(p.got, f.value)}`,
    en: (p, f) => `{{${p.helper}}} needs a list, got ${gotEn(p.got, f.value)}`,
  }),
  'template-helper.whole-kronor': message({
    example: { helper: 'kronor', value: 1234.5678 },
    sv: (p) => `{{${p.helper}}} skriver hela kronor, men värdet ${String(p.value).replace('.', ',')} har decimaler som annars skulle klippas bort: avrunda det i berakning.yaml med $round(), eller skriv det med {{tal … decimaler=2}} kronor`,
    en: (p) => `{{${p.helper}}} writes whole kronor, but the value ${p.value} has decimals that would be cut off: round it in berakning.yaml with $round(), or write it with {{tal … decimaler=2}} kronor`,
  }),
  'template-helper.date-impossible': message({
    example: { helper: 'datum', value: '2024-02-30' },
    sv: (p) => `{{${p.helper}}}: datumet ${p.value} finns inte i kalendern: rätta det`,
    en: (p) => `{{${p.helper}}}: the date ${p.value} does not exist: correct it`,
  }),
  'template-helper.date': message({
    example: { helper: 'datum', value: 'Myndigheten' },
    sv: (p) => `{{${p.helper}}} behöver ett datum skrivet ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM, men fick "${p.value}"`,
    en: (p) => `{{${p.helper}}} needs a date written YYYY-MM-DD or YYYY-MM, got "${p.value}"`,
  }),
  'template-helper.no-value': message({
    example: { helper: 'datum' },
    sv: (p) => `{{${p.helper}}} står utan värde: skriv {{${p.helper} fält}}, eller {{this.${p.helper}}} om du menar fältet som heter ${p.helper}`,
    en: (p) => `{{${p.helper}}} has no value: write {{${p.helper} field}}, or {{this.${p.helper}}} for the field named ${p.helper}`,
  }),
  'template-helper.option': message({
    example: { helper: 'mkr', option: 'decimaler', allowed: { sv: 'ett heltal 0–6', en: 'a whole number from 0 to 6' } as Bilingual },
    sv: (p) => `{{${p.helper}}}: ${p.option}= ska vara ${p.allowed.sv}`,
    en: (p) => `{{${p.helper}}}: ${p.option}= must be ${p.allowed.en}`,
  }),
  'template-helper.unknown-option': message({
    example: { helper: 'procent', option: 'avrundning', known: ['avrunda', 'decimaler', 'tecken'] },
    sv: (p, f) => `{{${p.helper}}} känner inte till ${p.option}=${p.known.length ? `; den tar ${f.names(p.known.map((k) => `${k}=`))}` : ': den tar inga val'}. Rätta namnet eller ta bort valet`,
    en: (p, f) => `{{${p.helper}}} has no option ${p.option}=${p.known.length ? `; it takes ${f.names(p.known.map((k) => `${k}=`))}` : ': it takes no options'}; correct the name or remove the option`,
  }),
  'template-helper.hedge': message({
    example: { helper: 'ungefar', got: { kind: 'number', text: '0.8776' } as ValueDesc },
    sv: (p, f) => `{{${p.helper}}} behöver en siffra skriven av en annan hjälpfunktion, till exempel {{${p.helper} (procent berakning.andel)}} eller {{${p.helper} (mkr berakning.summa)}}, men fick ${gotSv(p.got, f.value)}`,
    en: (p, f) => `{{${p.helper}}} needs a figure written by another helper, such as {{${p.helper} (procent berakning.andel)}} or {{${p.helper} (mkr berakning.summa)}}, got ${gotEn(p.got, f.value)}`,
  }),
  'template-helper.appendix': message({
    example: { key: 'program', keys: ['projekt', 'budget'] },
    sv: (p, f) => `{{bilaga "${p.key}"}}: det finns ingen bilaga med den nyckeln i data/bilagor.yaml; nycklarna är ${f.names(p.keys)}`,
    en: (p, f) => `{{bilaga "${p.key}"}}: no appendix with that key in data/bilagor.yaml; the keys are ${f.names(p.keys)}`,
  }),
  'template-helper.table': message({
    example: { key: 'budget', keys: ['kostnadstabell'], kind: 'tabell' },
    sv: (p, f) => `{{${p.kind} "${p.key}"}}: det finns ingen ${p.kind} med den nyckeln${p.keys.length ? `; nycklarna är ${f.names(p.keys)}` : ''}`,
    en: (p, f) => `{{${p.kind} "${p.key}"}}: there is no ${p.kind === 'tabell' ? 'table' : 'figure'} with that key${p.keys.length ? `; the keys are ${f.names(p.keys)}` : ''}`,
  }),
  'template-helper.unplaced': message({
    example: { key: 'kostnadstabell', kind: 'tabell' },
    sv: (p) => `{{${p.kind} "${p.key}"}}: ${p.kind}en placeras ingenstans i texten och har därför inget nummer; placera den med {{> ${p.key}}}`,
    en: (p) => `{{${p.kind} "${p.key}"}}: the ${p.kind === 'tabell' ? 'table' : 'figure'} is placed nowhere in the text and so has no number; place it with {{> ${p.key}}}`,
  }),
  'template-helper.lookup': message({
    example: { value: 'skane', collection: 'regioner', key: 'id' },
    sv: (p) => `{{uppslag}}: '${p.value}' finns inte som ${p.key} i ${p.collection}`,
    en: (p) => `{{uppslag}}: '${p.value}' is not an ${p.key} in ${p.collection}`,
  }),
  'template-helper.collection': message({
    example: { got: { kind: 'text', text: 'x' } as ValueDesc },
    sv: (p, f) => `{{uppslag}} behöver en lista av poster att slå upp i som första argument, men fick ${gotSv(p.got, f.value)}`,
    en: (p, f) => `{{uppslag}} needs a list of entries to look up in as its first argument, got ${gotEn(p.got, f.value)}`,
  }),
};
