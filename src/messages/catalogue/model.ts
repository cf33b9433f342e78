import { message, type ValueDesc } from '../message.js';
import { reasonText, type ExpressionReason } from './jsonata.js';
import { templateProblemText, type TemplateProblem } from './handlebars.js';

/** Messages of the declared model: expressions, computed values, checks and tables. */
export const MODEL_MESSAGES = {
  'expression-syntax': message({
    example: { expression: '$sum(budget.projekt.uppdrag', reason: { code: 'S0203', value: ')', message: 'Expected ")" before end of expression' } as ExpressionReason },
    sv: (p, f) => `uttrycket '${p.expression}' går inte att läsa: ${reasonText(p.reason, 'sv', f)}. Rätta det (JSONata, se README)`,
    en: (p, f) => `the expression '${p.expression}' does not parse: ${reasonText(p.reason, 'en', f)}; correct it (JSONata, see the README)`,
  }),
  'expression-not-allowed': message({
    example: { expression: '$now()', what: '$now' },
    sv: (p) => `'${p.what}' får inte användas i rapportens uttryck ('${p.expression}'): rapporten ska bli likadan vid varje bygge och uttrycken når bara rapportens data`,
    en: (p) => `'${p.what}' may not be used in the report's expressions ('${p.expression}'): a report must build the same every time, and expressions reach only the report's data`,
  }),
  'expression-failed': message({
    example: { expression: '$sum(rapport.titel)', reason: { code: 'T0412', token: 'sum', index: 1, message: 'Argument 1 of function "sum" must be an array of number' } as ExpressionReason },
    sv: (p, f) => `uttrycket '${p.expression}' gick inte att beräkna: ${reasonText(p.reason, 'sv', f)}`,
    en: (p, f) => `the expression '${p.expression}' failed: ${reasonText(p.reason, 'en', f)}`,
  }),
  'expression-missing-path': message({
    example: { expression: '$sum(regioner.beviljt)', path: 'regioner.beviljt', hint: 'beviljat' as string | undefined, known: ['id', 'beviljat'] },
    sv: (p, f) => `'${p.path}' finns inte i datan ('${p.expression}'): ${p.hint ? `menar du '${p.hint}'?` : p.known.length ? `där finns ${f.names(p.known.slice(0, 12))}` : 'rätta sökvägen'}`,
    en: (p, f) => `'${p.path}' is not in the data ('${p.expression}'): ${p.hint ? `did you mean '${p.hint}'?` : p.known.length ? `there is ${f.names(p.known.slice(0, 12))}` : 'correct the path'}`,
  }),
  'expression-no-value': message({
    example: { expression: 'budget.summa.uppdrag' },
    sv: (p) => `uttrycket '${p.expression}' gav inget värde: kontrollera att datan det pekar på finns`,
    en: (p) => `the expression '${p.expression}' gave no value: check that the data it points at exists`,
  }),
  'expression-unknown-variable': message({
    example: { expression: '$key = "2024" or $ < 2000000', name: 'key', hint: undefined as string | undefined, known: ['data', 'nyckel'] },
    sv: (p, f) => `'$${p.name}' är ingen variabel här ('${p.expression}') och skulle ge inget värde: ${p.hint ? `menar du '$${p.hint}'?` : `här finns ${f.list(p.known.map((k) => `$${k}`))} (${p.known.includes('nyckel') ? '$nyckel är postens nyckel, ' : ''}se README), JSONatas funktioner och datumfunktionerna`}`,
    en: (p, f) => `'$${p.name}' is not a variable here ('${p.expression}') and would give nothing: ${p.hint ? `did you mean '$${p.hint}'?` : `there is ${f.list(p.known.map((k) => `$${k}`))} (${p.known.includes('nyckel') ? '$nyckel is the entry\'s key, ' : ''}see the README), JSONata's functions and the date functions`}`,
  }),
  'expression-timeout': message({
    example: { expression: '($f := function($x){$f($x)}; $f(1))', limit: 1000 },
    sv: (p, f) => `uttrycket '${p.expression}' avbröts efter ${f.n(p.limit)} ms eller för djup rekursion: förenkla det`,
    en: (p, f) => `the expression '${p.expression}' was stopped after ${f.n(p.limit)} ms or too deep a recursion: simplify it`,
  }),
  'expression-timeout.memory': message({
    example: { expression: '$pad("", 400000000)', limit: 256 },
    sv: (p, f) => `uttrycket '${p.expression}' avbröts: det behövde mer än ${f.n(p.limit)} MB minne. Ett värde så stort behöver ingen rapport: förenkla det`,
    en: (p, f) => `the expression '${p.expression}' was stopped: it needed more than ${f.n(p.limit)} MB of memory. No report needs a value that large: simplify it`,
  }),
  'expression-cycle': message({
    example: { name: 'summa.totalt', cycle: ['summa.totalt', 'summa.uppdrag', 'summa.totalt'] },
    sv: (p) => `beräkningen berakning.${p.name} beror på sig själv (${p.cycle.join(' → ')}): bryt cirkeln`,
    en: (p) => `the computed value berakning.${p.name} depends on itself (${p.cycle.join(' → ')}): break the cycle`,
  }),
  'expression-type': message({
    example: { expression: 'projekt.titel', expected: 'boolean' as 'boolean' | 'list' | 'number', found: { kind: 'text', text: 'x' } as ValueDesc },
    sv: (p, f) => `uttrycket '${p.expression}' ska ge ${p.expected === 'boolean' ? 'sant eller falskt (true/false)' : p.expected === 'list' ? 'en lista' : 'ett tal'}, men gav ${f.value(p.found)}`,
    en: (p, f) => `the expression '${p.expression}' must give ${p.expected === 'boolean' ? 'true or false' : p.expected === 'list' ? 'a list' : 'a number'}, but gave ${f.value(p.found)}`,
  }),
  'check-failed': message({
    example: { text: 'Uppdragets medel ska vara lika med det som används', comparison: [19350000, '+', 650000, '≠', 20000000] as (string | number)[] | undefined },
    sv: (p, f) => `${p.text.trim().replace(/[.:;]$/, '')}${p.comparison ? ` (${p.comparison.map((t) => (typeof t === 'number' ? f.n(t) : t)).join(' ')})` : ''}`,
    en: (p, f) => `${p.text.trim().replace(/[.:;]$/, '')}${p.comparison ? ` (${p.comparison.map((t) => (typeof t === 'number' ? f.n(t) : t)).join(' ')})` : ''}`,
  }),
  'check-failed.more': message({
    example: { count: 199979, shown: 20 },
    sv: (p, f) => `kontrollen slog fel för ${f.n(p.count)} poster till (de första ${p.shown} visas ovan): rätta dem, eller kontrollen om den är fel`,
    en: (p, f) => `the check failed for ${f.n(p.count)} more entries (the first ${p.shown} are shown above): correct them, or the check if it is wrong`,
  }),
  'check-message': message({
    example: { key: 'kostnaden' as string | undefined, reason: '"kostnaden" not defined in [object Object]' },
    sv: (p) => (p.key ? `kontrollens meddelande nämner {{${p.key}}}, som varken finns i posten eller i datan: rätta namnet` : `kontrollens meddelande går inte att skriva ut: ${p.reason}`),
    en: (p) => (p.key ? `the check's message names {{${p.key}}}, which is neither in the entry nor in the data: correct the name` : `the check's message cannot be rendered: ${p.reason}`),
  }),
  'check-place': message({
    example: { plats: 'uppdrag.medle', within: false, missing: 'medle', hint: 'medel' as string | undefined, known: ['beslut', 'medel'] },
    sv: (p, f) =>
      `plats '${p.plats}' pekar inte på något i ${p.within ? 'posterna som varje ger' : 'datan'}: '${p.missing}' finns inte där${p.hint ? ` (menar du '${p.hint}'?)` : p.known.length ? ` (där finns ${f.names(p.known.slice(0, 12))})` : ''}. Rätta plats (${p.within ? 'en sökväg inom posten' : 'en sökväg från datans rot, t.ex. uppdrag.medel'}) eller ta bort den`,
    en: (p, f) =>
      `plats '${p.plats}' names nothing in ${p.within ? 'the entries varje gives' : 'the data'}: there is no '${p.missing}'${p.hint ? ` (did you mean '${p.hint}'?)` : p.known.length ? ` (there is ${f.names(p.known.slice(0, 12))})` : ''}. Correct plats (${p.within ? 'a path within the entry' : "a path from the data's root, e.g. uppdrag.medel"}) or remove it`,
  }),
  'check-place.made': message({
    example: { plats: 'faktiskt', each: 'milstolpar.{"namn": namn, "faktiskt": faktiskt}' },
    sv: (p) => `plats '${p.plats}' kan inte visas: posterna som varje ger ('${p.each}') står inte på någon rad i datan (uttrycket gör nya värden, eller ger tal och texter i stället för poster). Låt varje ge datans egna poster (ett filter som milstolpar[faktiskt > planerat]) och räkna i villkor, eller ta bort plats`,
    en: (p) => `plats '${p.plats}' cannot be shown: the entries varje gives ('${p.each}') stand on no line of the data (the expression makes new values, or gives numbers and texts rather than entries). Let varje give the data's own entries (a filter such as milstolpar[faktiskt > planerat]) and compute in villkor, or remove plats`,
  }),
  'check-message.syntax': message({
    example: { problem: { what: 'token', token: 'INVALID' } as TemplateProblem },
    sv: (p, f) => `kontrollens meddelande går inte att läsa: ${templateProblemText(p.problem, 'sv', f)}. Kontrollera att varje '{{' har sitt '}}' och varje '{{#block}}' sitt '{{/block}}'`,
    en: (p, f) => `the check's message does not parse: ${templateProblemText(p.problem, 'en', f)}; check that every '{{' has its '}}' and every '{{#block}}' its '{{/block}}'`,
  }),
  'table-rows': message({
    example: { table: 'kostnadstabell', found: { kind: 'text', text: 'x' } as ValueDesc },
    sv: (p, f) => `tabellen ${p.table}: 'rader' ska ge en lista av poster (mappningar), men gav ${f.value(p.found)}`,
    en: (p, f) => `table ${p.table}: 'rader' must give a list of entries (mappings), but gave ${f.value(p.found)}`,
  }),
  'table-column-unknown': message({
    example: { table: 'kostnadstabell', column: 'belopp', known: ['post', 'kostnad'] },
    sv: (p, f) => `tabellen ${p.table} har ingen kolumn '${p.column}': kolumnerna är ${f.names(p.known)}`,
    en: (p, f) => `table ${p.table} has no column '${p.column}': the columns are ${f.names(p.known)}`,
  }),
  'table-lookup': message({
    example: { table: 'regiontabell', value: 'skane', collection: 'regioner', key: 'id', hint: 'skåne' as string | undefined },
    sv: (p) => `tabellen ${p.table}: '${p.value}' finns inte som ${p.key} i ${p.collection}${p.hint ? `; menar du '${p.hint}'?` : ': lägg till den där eller rätta värdet'}`,
    en: (p) => `table ${p.table}: '${p.value}' is not an ${p.key} in ${p.collection}${p.hint ? `; did you mean '${p.hint}'?` : ': add it there or correct the value'}`,
  }),
  'table-format': message({
    example: { table: 'kostnadstabell', column: 'kostnad', format: 'kronor', found: { kind: 'text', text: 'tre' } as ValueDesc },
    sv: (p, f) => `tabellen ${p.table}, kolumnen ${p.column}: formatet '${p.format}' behöver ${p.format === 'datum' ? 'ett datum ÅÅÅÅ-MM-DD' : 'ett tal'}, men värdet är ${f.value(p.found)}`,
    en: (p, f) => `table ${p.table}, column ${p.column}: the format '${p.format}' needs ${p.format === 'datum' ? 'a date YYYY-MM-DD' : 'a number'}, but the value is ${f.value(p.found)}`,
  }),
  'table-format.unknown': message({
    example: { table: 'indikatorer', column: 'utfall', found: { kind: 'text', text: 'procnt' } as ValueDesc, hint: 'procent' as string | undefined, formats: ['text', 'kronor', 'tal', 'procent', 'datum'] },
    sv: (p, f) => `tabellen ${p.table}, kolumnen ${p.column}: radens format ska vara ett av ${f.names(p.formats)}, men är ${f.value(p.found)}${p.hint ? `; menar du '${p.hint}'?` : ''}`,
    en: (p, f) => `table ${p.table}, column ${p.column}: the row's format must be one of ${f.names(p.formats)}, but is ${f.value(p.found)}${p.hint ? `; did you mean '${p.hint}'?` : ''}`,
  }),
  'table-format.whole-kronor': message({
    example: { table: 'kostnadstabell', column: 'kostnad', value: 1234.5678 },
    sv: (p) => `tabellen ${p.table}, kolumnen ${p.column}: formatet 'kronor' visar hela kronor, men värdet ${String(p.value).replace('.', ',')} har decimaler som skulle klippas bort: avrunda det i datan eller i berakning.yaml med $round(), eller ge kolumnen formatet 'tal' med decimaler`,
    en: (p) => `table ${p.table}, column ${p.column}: the format 'kronor' shows whole kronor, but the value ${p.value} has decimals that would be cut off: round it in the data or in berakning.yaml with $round(), or give the column the format 'tal' with decimals`,
  }),
  'table-placed-twice': message({
    example: { table: 'kostnadstabell', first: 'content/02-ekonomi.md:5' },
    sv: (p) => `tabellen ${p.table} placeras en andra gång (första gången i ${p.first}): en tabell står på ett ställe; hänvisa till den med {{tabell "${p.table}"}}`,
    en: (p) => `table ${p.table} is placed a second time (first at ${p.first}): a table stands in one place; refer to it with {{tabell "${p.table}"}}`,
  }),
};
