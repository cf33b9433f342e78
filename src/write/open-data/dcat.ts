import type { Rapport } from '../../model/report-model.js';
import { expand, RdfGraph, type QName } from './rdf-xml.js';
import { ACCESS_RIGHTS, AVAILABILITY, conceptAddress, COUNTRIES, DATA_THEMES, FILE_TYPES, LANGUAGES, LICENCE_TYPE_OF, LICENCE_TYPES, PUBLISHER_TYPES, type Vocabulary } from './vocabularies.js';

/** One file of a dataset, as the record describes it. */
export interface Distribution {
  /** Path in the output folder (`data/projekt.csv`). */
  path: string;
  format: 'CSV' | 'XLSX';
  mediaType: string;
  byteSize: number;
  title: string;
  /** What the file is for, in Swedish. */
  description: string;
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

/** The publisher's type when the report names none: a state agency is a national authority. */
export const DEFAULT_PUBLISHER_TYPE = 'NationalAuthority';

/** Where the record itself is published, inside the output folder. */
export const DCAT_PATH = 'data/dcat.rdf';

/** The address Sveriges dataportal knows an organisation by, from its organisation number. */
export function portalOrganisation(organisationsnummer: string): string {
  return `http://dataportal.se/organisation/SE${organisationsnummer.replace('-', '')}`;
}

/** The XML Schema datatype of a date written as a year, a month or a day. */
function dateType(value: string): string {
  return expand(value.length === 4 ? 'xsd:gYear' : value.length === 7 ? 'xsd:gYearMonth' : 'xsd:date');
}

/**
 * The datasets' metadata as Sveriges dataportal harvests it: DCAT-AP-SE in
 * RDF/XML, with absolute addresses and no blank nodes, conforming to the
 * DCAT-AP 3.0.1 shapes (mandatory properties and the classes of values).
 * One catalogue (the report's open data) with one dataset per table and one
 * distribution per file: title and description in Swedish, the agency as
 * publisher with its type (under the address the portal recognises when
 * the organisation number is known), issued and modified on the report's
 * date, the period and place the data covers when the report names them,
 * themes from the EU's theme vocabulary (named as the catalogue's theme
 * taxonomy), keywords, a contact point, public access and the licence.
 * Every value that is a resource is declared of the class DCAT-AP expects,
 * and every EU vocabulary value names its vocabulary.
 */
export async function dcatRecord(rapport: Rapport, datasets: readonly Dataset[], base: string): Promise<string> {
  const graph = new RdfGraph();
  const settings = rapport.oppnaData ?? {};
  const root = base.endsWith('/') ? base : `${base}/`;
  const sv = (text: string) => ({ text, lang: 'sv' });
  const iri = (address: string) => ({ iri: address });
  const date = (value: string) => ({ text: value, datatype: dateType(value) });
  /** A value of an EU (or ADMS) vocabulary: a concept with its Swedish label, in its scheme. */
  const concept = (vocabulary: Vocabulary, code: string, ...classes: QName[]) => {
    const address = conceptAddress(vocabulary, code);
    graph.type(vocabulary.scheme, 'skos:ConceptScheme');
    graph.add(vocabulary.scheme, 'dct:title', { text: vocabulary.title, lang: 'en' });
    graph.type(address, 'skos:Concept', ...classes);
    graph.add(address, 'skos:prefLabel', sv(vocabulary.labels[code] ?? code));
    graph.add(address, 'skos:inScheme', iri(vocabulary.scheme));
    return iri(address);
  };

  const licenceAddress = settings.licens ?? DEFAULT_LICENCE;
  graph.type(licenceAddress, 'dct:LicenseDocument');
  const licenceType = LICENCE_TYPE_OF[licenceAddress];
  if (licenceType) graph.add(licenceAddress, 'dct:type', concept(LICENCE_TYPES, licenceType));
  const licence = iri(licenceAddress);
  const issued = date(rapport.datum);
  const home = iri(root);
  graph.type(root, 'foaf:Document');

  const publisher = settings.organisationsnummer ? portalOrganisation(settings.organisationsnummer) : `${root}#utgivare`;
  graph.type(publisher, 'foaf:Agent');
  graph.add(publisher, 'foaf:name', sv(rapport.myndighet));
  graph.add(publisher, 'dct:type', concept(PUBLISHER_TYPES, settings.utgivartyp ?? DEFAULT_PUBLISHER_TYPE));

  const contact = settings.kontakt ? `${root}#kontakt` : undefined;
  if (contact && settings.kontakt) {
    graph.type(contact, 'vcard:Organization', 'vcard:Kind');
    graph.add(contact, 'vcard:fn', { text: settings.kontakt.namn });
    graph.add(contact, 'vcard:hasEmail', iri(`mailto:${settings.kontakt.epost}`));
  }

  const catalogue = `${root}${DCAT_PATH}`;
  const country = settings.omrade?.startsWith(`${COUNTRIES.scheme}/`) ? settings.omrade.slice(COUNTRIES.scheme.length + 1) : undefined;
  const spatial = country ? concept(COUNTRIES, country, 'dct:Location') : settings.omrade ? iri(settings.omrade) : undefined;
  if (settings.omrade && !country) graph.type(settings.omrade, 'dct:Location');
  const period = settings.tidsperiod ? `${catalogue}#tidsperiod` : undefined;
  if (period && settings.tidsperiod) {
    graph.type(period, 'dct:PeriodOfTime');
    graph.add(period, 'dcat:startDate', date(settings.tidsperiod.fran));
    graph.add(period, 'dcat:endDate', date(settings.tidsperiod.till));
  }
  const language = concept(LANGUAGES, 'SWE', 'dct:LinguisticSystem');
  graph.type(DATA_THEMES.scheme, 'skos:ConceptScheme');

  graph.type(catalogue, 'dcat:Catalog');
  graph.add(catalogue, 'dct:title', sv(`Öppna data ur ${rapport.titel}`));
  graph.add(catalogue, 'dct:description', sv(`Tabellerna i ${rapport.titel} (${rapport.myndighet}, Dnr ${rapport.dnr}, ${rapport.datum}) som öppna data.`));
  graph.add(catalogue, 'dct:publisher', iri(publisher));
  graph.add(catalogue, 'dct:license', licence);
  graph.add(catalogue, 'dct:issued', issued);
  graph.add(catalogue, 'dct:modified', issued);
  graph.add(catalogue, 'dct:language', language);
  graph.add(catalogue, 'foaf:homepage', home);
  graph.add(catalogue, 'dcat:themeTaxonomy', iri(DATA_THEMES.scheme));
  if (spatial) graph.add(catalogue, 'dct:spatial', spatial);

  const access = concept(ACCESS_RIGHTS, 'PUBLIC', 'dct:RightsStatement');
  const stable = concept(AVAILABILITY, 'STABLE');
  for (const dataset of datasets) {
    const node = `${root}data/${dataset.file}`;
    graph.add(catalogue, 'dcat:dataset', iri(node));
    graph.type(node, 'dcat:Dataset');
    graph.add(node, 'dct:title', sv(dataset.title));
    graph.add(node, 'dct:description', sv(dataset.description));
    graph.add(node, 'dct:publisher', iri(publisher));
    graph.add(node, 'dct:issued', issued);
    graph.add(node, 'dct:modified', issued);
    graph.add(node, 'dcat:landingPage', home);
    graph.add(node, 'dct:accessRights', access);
    if (contact) graph.add(node, 'dcat:contactPoint', iri(contact));
    for (const theme of settings.tema ?? ['GOVE']) graph.add(node, 'dcat:theme', concept(DATA_THEMES, theme));
    for (const keyword of settings.nyckelord ?? []) graph.add(node, 'dcat:keyword', sv(keyword));
    if (spatial) graph.add(node, 'dct:spatial', spatial);
    if (period) graph.add(node, 'dct:temporal', iri(period));
    for (const distribution of dataset.distributions) {
      const url = `${root}${distribution.path}`;
      const file = `${url}#distribution`;
      graph.add(node, 'dcat:distribution', iri(file));
      graph.type(file, 'dcat:Distribution');
      graph.add(file, 'dct:title', sv(distribution.title));
      graph.add(file, 'dct:description', sv(distribution.description));
      graph.add(file, 'dcat:accessURL', iri(url));
      graph.add(file, 'dcat:downloadURL', iri(url));
      const mediaType = `https://www.iana.org/assignments/media-types/${distribution.mediaType}`;
      graph.type(mediaType, 'dct:MediaType');
      graph.add(file, 'dcat:mediaType', iri(mediaType));
      graph.add(file, 'dct:format', concept(FILE_TYPES, distribution.format, 'dct:MediaTypeOrExtent'));
      graph.add(file, 'dcat:byteSize', { text: String(distribution.byteSize), datatype: expand('xsd:nonNegativeInteger') });
      graph.add(file, 'dct:license', licence);
      graph.add(file, 'dct:issued', issued);
      graph.add(file, 'dcatap:availability', stable);
    }
  }
  return graph.toXml();
}
