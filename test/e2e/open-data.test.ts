import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import * as yaml from 'js-yaml';
import { DataFactory, Store, type Quad_Object, type Term } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO } from '../helpers.js';
import { readRdfXml, validate } from '../standards/shacl.js';
import { buildInto, cli } from './build.js';
import { copyOfReport } from './copy.js';

const { namedNode } = DataFactory;
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

/** Parses an RDF/XML file into a store (rdfxml-streaming-parser, not the library that wrote it). */
async function readRdf(file: string): Promise<Store> {
  const store = new Store();
  const parser = new RdfXmlParser();
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (quad) => store.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve());
    Readable.from([readFileSync(file)]).pipe(parser);
  });
  return store;
}

const objects = (store: Store, subject: Term, property: string): Quad_Object[] => store.getObjects(subject, namedNode(property), null);
const one = (store: Store, subject: Term, property: string): Quad_Object => {
  const found = objects(store, subject, property);
  expect(found.length, `${subject.value} ${property}`).toBeGreaterThanOrEqual(1);
  return found[0] as Quad_Object;
};

interface Built {
  name: string;
  root: string;
  out: string;
}

const reports: Built[] = [];
beforeAll(async () => {
  reports.push({ name: 'the real report', root: REPO, out: inject('realOut') });
  for (const example of readdirSync(path.join(REPO, 'examples'))) {
    const root = path.join(REPO, 'examples', example);
    const { out, result } = await buildInto(root, ['--no-pdf']);
    temporary.push(path.dirname(out));
    expect(result.code, result.stderr).toBe(0);
    reports.push({ name: example, root, out });
  }
});

/** The declared tables of a report root, with their open data's base name. */
async function declaredTables(root: string): Promise<{ key: string; file: string; columns: Record<string, { format?: string; decimaler?: number; csv?: boolean }> }[]> {
  const tables = yaml.load(await readFile(path.join(root, 'data', 'tabeller.yaml'), 'utf8')) as Record<string, { fil?: string; mall?: string; kolumner?: Record<string, { format?: string; decimaler?: number; csv?: boolean }> }>;
  const declared = Object.entries(tables)
    .filter(([, t]) => !t.mall)
    .map(([key, t]) => ({ key, file: t.fil ?? key, columns: t.kolumner ?? {} }));
  // A chart's numbers are published like a table: its fields, the value in the chart's format.
  const figures = (yaml.load(await readFile(path.join(root, 'data', 'figurer.yaml'), 'utf8').catch(() => '{}')) ?? {}) as Record<string, { fil?: string; diagram?: { x: string; y: string; serie?: string; format?: string } }>;
  const charts = Object.entries(figures).flatMap(([key, f]) => (f.diagram ? [{ key, file: f.fil ?? key, columns: { [f.diagram.x]: {}, ...(f.diagram.serie ? { [f.diagram.serie]: {} } : {}), [f.diagram.y]: { format: f.diagram.format ?? 'tal', ...(f.diagram.format === 'procent' ? { decimaler: 1 } : {}) } } }] : []));
  return [...declared, ...charts];
}

describe('every declared table as an Excel workbook', () => {
  it('has the CSV\'s values, numbers as numbers in Swedish formats, a title row, a bold frozen header and the sums of the table', async () => {
    for (const report of reports) {
      for (const table of await declaredTables(report.root)) {
        const csv = parse(await readFile(path.join(report.out, 'data', `${table.file}.csv`), 'utf8'), { cast: true }) as (string | number)[][];
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(report.out, 'data', `${table.file}.xlsx`));
        const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
        const where = `${report.name}: ${table.file}.xlsx`;
        expect(sheet.views[0], where).toMatchObject({ state: 'frozen', ySplit: 2 });
        expect(sheet.getRow(1).font?.bold, where).toBe(true);
        expect(sheet.getRow(2).font?.bold, where).toBe(true);
        const keys = csv[0] as string[];
        expect(sheet.getRow(2).cellCount, where).toBe(keys.length);
        // The body's rows, cell for cell, equal the CSV's.
        const rows = csv.slice(1);
        rows.forEach((row, r) => {
          const values = (sheet.getRow(r + 3).values as unknown[]).slice(1);
          row.forEach((value, c) => {
            const cell = values[c] ?? '';
            if (typeof value === 'number') expect(cell, `${where} row ${r + 3} col ${c + 1}`).toBeCloseTo(value, 9);
            else expect(cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell), `${where} row ${r + 3} col ${c + 1}`).toBe(String(value));
          });
        });
        keys.forEach((key, c) => {
          const format = table.columns[key]?.format;
          const numFmt = sheet.getColumn(c + 1).numFmt;
          if (format === 'kronor') expect(numFmt, `${where} ${key}`).toBe('#,##0');
          if (format === 'procent') expect(numFmt, `${where} ${key}`).toBe(`0${table.columns[key]?.decimaler ? `.${'0'.repeat(table.columns[key]?.decimaler ?? 0)}` : ''}%`);
          // A column of exactly the sheet's default width (9) is not written to <cols> (exceljs leaves it out), and reads back without one.
          expect(sheet.getColumn(c + 1).width ?? 9, `${where} ${key}`).toBeGreaterThanOrEqual(8);
        });
        // Sum rows follow the body in bold; each summed number equals the column's sum over the rows.
        for (let n = rows.length + 3; n <= sheet.rowCount; n++) {
          const row = sheet.getRow(n);
          expect(row.font?.bold, `${where} row ${n}`).toBe(true);
          const label = (row.values as unknown[]).slice(1).find((v) => typeof v === 'string') as string;
          if (!/^Summa\b/.test(label)) continue;
          (row.values as unknown[]).slice(1).forEach((cell, c) => {
            const v = cell !== null && typeof cell === 'object' && 'result' in cell ? (cell as { result: unknown }).result : cell;
            if (typeof v !== 'number') return;
            const columnSum = rows.reduce((s, r) => s + (typeof r[c] === 'number' ? (r[c] as number) : 0), 0);
            if (label.startsWith('Summa') && !/medel regeringsuppdrag/.test(label)) expect(v, `${where} ${label} col ${c + 1}`).toBeCloseTo(columnSum, 9);
          });
        }
      }
    }
  });

  it('is byte for byte the same when built again (fixed document dates and zip timestamps)', async () => {
    const { out, result } = await buildInto(REPO, ['--no-pdf']);
    temporary.push(path.dirname(out));
    expect(result.code).toBe(0);
    for (const file of ['projekt.xlsx', 'budget.xlsx', 'dcat.rdf', 'projekt.csv']) {
      expect(Buffer.compare(await readFile(path.join(out, 'data', file)), await readFile(path.join(inject('realOut'), 'data', file))), file).toBe(0);
    }
  });
});

/** The sheet's values as LibreOffice reads them: the workbook converted to CSV (UTF-8, numbers not as shown) by `soffice --headless`, in a profile of its own. */
async function libreOfficeRows(file: string): Promise<string[][]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-lo-'));
  temporary.push(dir);
  await promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false', '--outdir', dir, file], { timeout: 120_000 });
  return parse(await readFile(path.join(dir, `${path.basename(file, '.xlsx')}.csv`), 'utf8'), { relaxColumnCount: true }) as string[][];
}

/** A number as LibreOffice's CSV writes it (a percentage keeps its sign). */
const shownNumber = (text: string | undefined): number => (text?.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

describe('sum rows as formulas', () => {
  it('each summed cell is =SUM() over the rows it sums with its value cached, and LibreOffice reads the same numbers and recomputes a corrected one', async () => {
    let formulas = 0;
    for (const report of reports) {
      for (const table of await declaredTables(report.root)) {
        const file = path.join(report.out, 'data', `${table.file}.xlsx`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
        const cells: { address: string; column: number; from: number; to: number; result: number }[] = [];
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (!cell.formula) return;
            const where = `${report.name}: ${table.file}.xlsx ${cell.address}`;
            const m = /^SUM\(([A-Z]+)(\d+):\1(\d+)\)$/.exec(cell.formula);
            expect(m, where).not.toBeNull();
            expect(m?.[1], where).toBe(sheet.getColumn(Number(cell.col)).letter);
            const [from, to] = [Number(m?.[2]), Number(m?.[3])];
            expect(from, where).toBe(3);
            let sum = 0;
            for (let r = from; r <= to; r++) {
              const v = sheet.getRow(r).getCell(Number(cell.col)).value;
              sum += typeof v === 'number' ? v : 0;
            }
            expect(cell.result, where).toBe(sum);
            expect(row.font?.bold, where).toBe(true);
            cells.push({ address: cell.address, column: Number(cell.col), from, to, result: sum });
          }),
        );
        if (cells.length === 0) continue;
        formulas += cells.length;
        // LibreOffice shows the cached values as they are (no recalculation needed) …
        const shown = await libreOfficeRows(file);
        for (const c of cells) {
          const rowNumber = Number(/\d+$/.exec(c.address)?.[0]);
          expect(shownNumber(shown[rowNumber - 1]?.[c.column - 1]), `${table.file} ${c.address} in LibreOffice`).toBeCloseTo(c.result, 9);
        }
        // … and computes the formula when a number above it is corrected (no cached value left).
        const first = cells[0] as (typeof cells)[number];
        const body = sheet.getRow(first.from).getCell(first.column);
        body.value = (typeof body.value === 'number' ? body.value : 0) + 1000;
        for (const c of cells) sheet.getCell(c.address).value = { formula: sheet.getCell(c.address).formula } as ExcelJS.CellFormulaValue;
        const edited = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-edited-')), `${table.file}.xlsx`);
        temporary.push(path.dirname(edited));
        await workbook.xlsx.writeFile(edited);
        const recomputed = await libreOfficeRows(edited);
        const rowNumber = Number(/\d+$/.exec(first.address)?.[0]);
        expect(shownNumber(recomputed[rowNumber - 1]?.[first.column - 1]), `${table.file} ${first.address} recomputed`).toBeCloseTo(first.result + 1000, 9);
      }
    }
    // The regional example's two tables and the real report's budget have sums.
    expect(formulas).toBeGreaterThanOrEqual(7);
  }, 300_000);
});

describe('the DCAT-AP-SE record', () => {
  it('parses, has every mandatory class and property, and describes the files that are there', async () => {
    for (const report of reports) {
      // The report's fields as built (with those it takes from its agency profile), as the open data publishes them.
      const settings = (JSON.parse(await readFile(path.join(report.out, 'data', 'redovisning.json'), 'utf8')) as { rapport: { datum: string; myndighet: string; oppnaData: { webbadress: string; kontakt: { epost: string } } } }).rapport;
      const base = settings.oppnaData.webbadress;
      const store = await readRdf(path.join(report.out, 'data', 'dcat.rdf'));
      // No blank nodes for the catalogue, datasets, distributions, publisher or contact; every address absolute.
      for (const quad of store.getQuads(null, null, null, null)) {
        expect(quad.subject.termType, report.name).toBe('NamedNode');
        if (quad.object.termType === 'NamedNode') expect(quad.object.value).toMatch(/^(https?|mailto):/);
        expect(quad.object.termType).not.toBe('BlankNode');
      }
      const [catalogue, ...others] = store.getSubjects(namedNode(RDF_TYPE), namedNode(`${DCAT}Catalog`), null);
      expect(others).toEqual([]);
      expect(catalogue?.value).toBe(`${base}data/dcat.rdf`);
      const cat = catalogue as Term;
      for (const property of [`${DCT}title`, `${DCT}description`]) expect((one(store, cat, property) as { language?: string }).language).toBe('sv');
      expect(one(store, cat, `${DCT}license`).value).toMatch(/^http:\/\/creativecommons\.org\//);
      const publisher = one(store, cat, `${DCT}publisher`);
      expect(store.has(DataFactory.quad(publisher as never, namedNode(RDF_TYPE), namedNode(`${FOAF}Agent`)))).toBe(true);
      expect(one(store, publisher, `${FOAF}name`).value).toBe(settings.myndighet);

      const datasets = objects(store, cat, `${DCAT}dataset`);
      const tables = await declaredTables(report.root);
      expect(datasets.map((d) => d.value).sort()).toEqual(tables.map((t) => `${base}data/${t.file}`).sort());
      for (const dataset of datasets) {
        expect(store.has(DataFactory.quad(dataset as never, namedNode(RDF_TYPE), namedNode(`${DCAT}Dataset`)))).toBe(true);
        expect((one(store, dataset, `${DCT}title`) as { language?: string }).language).toBe('sv');
        expect((one(store, dataset, `${DCT}description`) as { language?: string }).language).toBe('sv');
        expect(one(store, dataset, `${DCT}publisher`).value).toBe(publisher.value);
        expect(one(store, dataset, `${DCT}issued`).value).toBe(settings.datum);
        expect(one(store, dataset, `${DCAT}theme`).value).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4}$/);
        expect(objects(store, dataset, `${DCAT}keyword`).length).toBeGreaterThanOrEqual(1);
        const contact = one(store, dataset, `${DCAT}contactPoint`);
        expect(one(store, contact, `${VCARD}fn`).value.length).toBeGreaterThan(0);
        expect(one(store, contact, `${VCARD}hasEmail`).value).toBe(`mailto:${settings.oppnaData.kontakt.epost}`);
        const distributions = objects(store, dataset, `${DCAT}distribution`);
        expect(distributions).toHaveLength(2);
        for (const distribution of distributions) {
          const url = one(store, distribution, `${DCAT}accessURL`).value;
          expect(url.startsWith(`${base}data/`)).toBe(true);
          const file = path.join(report.out, url.slice(base.length));
          expect(Number(one(store, distribution, `${DCAT}byteSize`).value), url).toBe((await stat(file)).size);
          expect(one(store, distribution, `${DCAT}mediaType`).value).toBe(url.endsWith('.csv') ? 'https://www.iana.org/assignments/media-types/text/csv' : 'https://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          expect(one(store, distribution, `${DCT}format`).value).toMatch(/file-type\/(CSV|XLSX)$/);
          expect(one(store, distribution, `${DCT}license`).value).toMatch(/^http:\/\/creativecommons\.org\//);
        }
      }
    }
  });
});

describe('the DCAT-AP-SE record against the DCAT-AP 3.0.1 shapes (SHACL)', () => {
  /** Every root the repository has: the real report, the examples, and a report made by init from each starter. */
  async function everyRoot(): Promise<Built[]> {
    const roots = [...reports];
    for (const starter of ['generisk', 'pilotprojekt']) {
      const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-init-')), starter);
      temporary.push(path.dirname(root));
      expect((await cli(['init', root, '--mall', starter])).code).toBe(0);
      const { out, result } = await buildInto(root, ['--no-pdf']);
      temporary.push(path.dirname(out));
      expect(result.code, result.stderr).toBe(0);
      roots.push({ name: `init --mall ${starter}`, root, out });
    }
    return roots;
  }

  it('every root\'s record has 0 violations of the mandatory, range and vocabulary shapes, and the recommended properties the report can know', async () => {
    for (const report of await everyRoot()) {
      const data = await readRdfXml(await readFile(path.join(report.out, 'data', 'dcat.rdf')));
      expect(await validate(data, ['mandatory', 'ranges']), report.name).toEqual([]);
      const vocabularies = await validate(data, ['vocabularies']);
      expect(vocabularies.filter((r) => r.severity === 'Violation'), report.name).toEqual([]);
      // What stays, and why: Swedish agencies are not in the EU's table of corporate bodies (the portal knows them by
      // organisation number); a country from the EU's table has its geometry there, not in the record.
      expect(new Set(vocabularies.map((r) => `${r.path} ${r.message}`)), report.name).toEqual(new Set([`${DCT}publisher Value does not have shape <http://data.europa.eu/r5r#CorporateBodyRestriction>`]));
      const recommended = await validate(data, ['recommended']);
      expect(recommended.map((r) => `${r.focus} ${r.path}`).sort(), report.name).toEqual([`http://publications.europa.eu/resource/authority/country/SWE ${DCAT}bbox`, `http://publications.europa.eu/resource/authority/country/SWE ${DCAT}centroid`]);
    }
  }, 300_000);

  it('a record missing what it must have breaks the shapes (the validation can fail)', async () => {
    const [report] = reports as [Built];
    const xml = (await readFile(path.join(report.out, 'data', 'dcat.rdf'), 'utf8')).replace(/<dct:title xml:lang="sv">[^<]*<\/dct:title>/g, '').replace(/rdf:resource="http:\/\/purl\.org\/dc\/terms\/LicenseDocument"/g, 'rdf:resource="http://example.org/Other"');
    const results = await validate(await readRdfXml(xml), ['mandatory', 'ranges']);
    expect(results.some((r) => r.path === `${DCT}title`)).toBe(true);
    expect(results.some((r) => r.path === `${DCT}license`)).toBe(true);
  });

  it('stays well-formed XML with the same texts when names, titles and descriptions hold <, &, ]]> and control characters', async () => {
    const root = await copyOfReport(path.join(REPO, 'starters', 'generisk'));
    temporary.push(root);
    const hostile = 'A ]]> B <c> & "d" \'e\'';
    const rapport = path.join(root, 'data', 'rapport.yaml');
    let text = await readFile(rapport, 'utf8');
    text = text.replace(/^myndighet: .*$/m, `myndighet: ${JSON.stringify(hostile)}`).replace(/^titel: .*$/m, `titel: "Titel ]]> <b> & \\u0001\\u000b slut"`);
    text = text.replace(/^ {2}kontakt: .*$/m, `  kontakt: { namn: "Registratur <&> ]]>", epost: registrator@example.org }`);
    await writeFile(rapport, text);
    const tables = path.join(root, 'data', 'tabeller.yaml');
    await writeFile(tables, (await readFile(tables, 'utf8')).replace(/^( {2}rubrik: )(.*)$/m, (_m, key: string, caption: string) => `${key}${JSON.stringify(`${caption} <&> ]]>`)}`));
    const { out, result } = await buildInto(root, ['--no-pdf']);
    temporary.push(path.dirname(out));
    expect(result.code, result.stderr).toBe(0);
    const xml = await readFile(path.join(out, 'data', 'dcat.rdf'), 'utf8');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const data = await readRdfXml(xml);
    const values = [...data].map((q) => q.object.value);
    expect(values).toContain(hostile);
    expect(values.some((v) => v.includes('ur Titel ]]> <b> &  slut'))).toBe(true);
    expect(values).toContain('Registratur <&> ]]>');
    expect(values.some((v) => v.endsWith(' <&> ]]>') && v !== 'Registratur <&> ]]>')).toBe(true);
    expect(await validate(data, ['mandatory', 'ranges'])).toEqual([]);
  }, 180_000);
});

describe('the web page lists the open data', () => {
  it('each dataset with its formats and sizes, and the metadata record', async () => {
    for (const report of reports) {
      const html = (await readFile(path.join(report.out, 'index.html'), 'utf8')).replace(/\u00a0/g, ' ');
      for (const table of await declaredTables(report.root)) {
        const xlsx = (await stat(path.join(report.out, 'data', `${table.file}.xlsx`))).size;
        const shown = `${(Math.round(xlsx / 100) / 10).toString().replace('.', ',')} kB`;
        expect(html, report.name).toContain(`<a href="data/${table.file}.xlsx">${table.file}.xlsx</a> (för Excel, ${shown})`);
        expect(html).toMatch(new RegExp(`<a href="data/${table.file}\\.csv">${table.file}\\.csv</a> \\(för maskinläsning, \\d+(,\\d)? (kB|byte)\\)`));
      }
      expect(html).toContain('<a href="data/dcat.rdf">data/dcat.rdf</a> (DCAT-AP-SE)');
    }
  });
});

describe('a report without a web address', () => {
  it('builds everything else and warns, at rapport.yaml, what the metadata needs', async () => {
    const root = await copyOfReport(path.join(REPO, 'starters', 'generisk'));
    temporary.push(root);
    const rapport = path.join(root, 'data', 'rapport.yaml');
    await writeFile(rapport, (await readFile(rapport, 'utf8')).replace(/^ {2}webbadress:.*\n/m, ''));
    const { out, result } = await buildInto(root, ['--no-pdf']);
    temporary.push(path.dirname(out));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^data\/rapport\.yaml:\d+:\d+: varning: tabellerna publiceras som öppna data, men beskrivningen för Sveriges dataportal \(DCAT-AP-SE\) behöver oppnaData\.webbadress i data\/rapport\.yaml: ange adressen där dist\/ publiceras\. Allt annat byggs ändå \[open-data-metadata\]$/m);
    expect((await readdir(path.join(out, 'data'))).sort()).toEqual(['deltagare.csv', 'deltagare.xlsx', 'insatser.csv', 'insatser.xlsx', 'redovisning.json']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('dcat.rdf');
    expect((await cli(['check', root])).stderr).toContain('[open-data-metadata]');
  });
});
