import type { Rapport } from '../../model/report-model.js';

/** One file of a dataset, as the record describes it. */
export interface Distribution {
  /** Path in the output folder (`data/projekt.csv`). */
  path: string;
  format: 'CSV' | 'XLSX';
  mediaType: string;
  byteSize: number;
  title: string;
}

/** A declared table as a dataset: its title, description and files. */
export interface Dataset {
  /** Base name of its files (`projekt`). */
  file: string;
  title: string;
  description: string;
  distributions: Distribution[];
}

/** The licence when the report names none: CC0 1.0, as most Swedish agencies use for open data. */
export const DEFAULT_LICENCE = 'http://creativecommons.org/publicdomain/zero/1.0/';

/** The EU data themes (publications.europa.eu authority table). */
const THEMES = 'http://publications.europa.eu/resource/authority/data-theme/';
/** The EU file types. */
const FILE_TYPES = 'http://publications.europa.eu/resource/authority/file-type/';

/** Where the record itself is published, inside the output folder. */
export const DCAT_PATH = 'data/dcat.rdf';

/**
 * The datasets' metadata as Sveriges dataportal harvests it: DCAT-AP-SE in
 * RDF/XML, with absolute addresses and no blank nodes. One catalogue (the
 * report's open data) with one dataset per table and one distribution per
 * file: title and description in Swedish, the agency as publisher (under the
 * address the portal recognises when the organisation number is known),
 * issued on the report's date, themes, keywords, a contact point and the
 * licence. rdflib writes the RDF/XML.
 */
export async function dcatRecord(rapport: Rapport, datasets: readonly Dataset[], base: string): Promise<string> {
  // Node and the bundle present the package's exports differently.
  const loaded = (await import('rdflib')) as typeof import('rdflib') & { default?: typeof import('rdflib') };
  const $rdf = typeof loaded.graph === 'function' ? loaded : (loaded.default as typeof import('rdflib'));
  const store = $rdf.graph();
  const ns = (uri: string) => (local: string) => $rdf.sym(`${uri}${local}`);
  const RDF = ns('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
  const DCAT = ns('http://www.w3.org/ns/dcat#');
  const DCT = ns('http://purl.org/dc/terms/');
  const FOAF = ns('http://xmlns.com/foaf/0.1/');
  const VCARD = ns('http://www.w3.org/2006/vcard/ns#');
  const XSD = ns('http://www.w3.org/2001/XMLSchema#');
  const sv = (value: string) => $rdf.lit(value, 'sv');
  const settings = rapport.oppnaData ?? {};
  const root = base.endsWith('/') ? base : `${base}/`;
  const licence = $rdf.sym(settings.licens ?? DEFAULT_LICENCE);
  const issued = $rdf.lit(rapport.datum, undefined, XSD('date'));

  const publisher = $rdf.sym(settings.organisationsnummer ? `http://dataportal.se/organisation/SE${settings.organisationsnummer.replace('-', '')}` : `${root}#utgivare`);
  store.add(publisher, RDF('type'), FOAF('Agent'));
  store.add(publisher, FOAF('name'), sv(rapport.myndighet));

  const contact = settings.kontakt ? $rdf.sym(`${root}#kontakt`) : undefined;
  if (contact && settings.kontakt) {
    store.add(contact, RDF('type'), VCARD('Organization'));
    store.add(contact, VCARD('fn'), $rdf.lit(settings.kontakt.namn));
    store.add(contact, VCARD('hasEmail'), $rdf.sym(`mailto:${settings.kontakt.epost}`));
  }

  const catalogue = $rdf.sym(`${root}${DCAT_PATH}`);
  store.add(catalogue, RDF('type'), DCAT('Catalog'));
  store.add(catalogue, DCT('title'), sv(`Öppna data ur ${rapport.titel}`));
  store.add(catalogue, DCT('description'), sv(`Tabellerna i ${rapport.titel} (${rapport.myndighet}, Dnr ${rapport.dnr}, ${rapport.datum}) som öppna data.`));
  store.add(catalogue, DCT('publisher'), publisher);
  store.add(catalogue, DCT('license'), licence);
  store.add(catalogue, DCT('issued'), issued);
  store.add(catalogue, DCT('language'), $rdf.sym('http://publications.europa.eu/resource/authority/language/SWE'));
  store.add(catalogue, FOAF('homepage'), $rdf.sym(root));

  for (const dataset of datasets) {
    const node = $rdf.sym(`${root}data/${dataset.file}`);
    store.add(catalogue, DCAT('dataset'), node);
    store.add(node, RDF('type'), DCAT('Dataset'));
    store.add(node, DCT('title'), sv(dataset.title));
    store.add(node, DCT('description'), sv(dataset.description));
    store.add(node, DCT('publisher'), publisher);
    store.add(node, DCT('issued'), issued);
    store.add(node, DCAT('landingPage'), $rdf.sym(root));
    if (contact) store.add(node, DCAT('contactPoint'), contact);
    for (const theme of settings.tema ?? ['GOVE']) store.add(node, DCAT('theme'), $rdf.sym(`${THEMES}${theme}`));
    for (const keyword of settings.nyckelord ?? []) store.add(node, DCAT('keyword'), sv(keyword));
    for (const distribution of dataset.distributions) {
      const url = $rdf.sym(`${root}${distribution.path}`);
      const file = $rdf.sym(`${root}${distribution.path}#distribution`);
      store.add(node, DCAT('distribution'), file);
      store.add(file, RDF('type'), DCAT('Distribution'));
      store.add(file, DCT('title'), sv(distribution.title));
      store.add(file, DCAT('accessURL'), url);
      store.add(file, DCAT('downloadURL'), url);
      store.add(file, DCAT('mediaType'), $rdf.sym(`https://www.iana.org/assignments/media-types/${distribution.mediaType}`));
      store.add(file, DCT('format'), $rdf.sym(`${FILE_TYPES}${distribution.format}`));
      store.add(file, DCAT('byteSize'), $rdf.lit(String(distribution.byteSize), undefined, XSD('nonNegativeInteger')));
      store.add(file, DCT('license'), licence);
      store.add(file, DCT('issued'), issued);
    }
  }
  // No base: every address is written in full, as the portal requires.
  const xml = $rdf.serialize(null, store, undefined, 'application/rdf+xml') ?? '';
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.trim()}\n`;
}
