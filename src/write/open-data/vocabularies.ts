/** The EU vocabularies (publications.europa.eu authority tables) the record takes its values from. */
export const AUTHORITY = 'http://publications.europa.eu/resource/authority/';

/** A vocabulary: its address, its name, and the Swedish labels of the concepts the record may use. */
export interface Vocabulary {
  scheme: string;
  title: string;
  labels: Record<string, string>;
}

/** The EU's data themes, with the Swedish labels of the EU's table. */
export const DATA_THEMES: Vocabulary = {
  scheme: `${AUTHORITY}data-theme`,
  title: 'Data theme',
  labels: {
    AGRI: 'Jordbruk, fiske, skogsbruk och livsmedel',
    ECON: 'Ekonomi och finans',
    EDUC: 'Utbildning, kultur och sport',
    ENER: 'Energi',
    ENVI: 'Miljö',
    GOVE: 'Regeringen och den offentliga sektorn',
    HEAL: 'Hälsa',
    INTR: 'Internationella frågor',
    JUST: 'Rättvisa, rättssystem och allmän säkerhet',
    REGI: 'Regioner och städer',
    SOCI: 'Befolkning och samhälle',
    TECH: 'Vetenskap och teknik',
    TRAN: 'Transport',
  },
};

/** The EU's file types the open data is written in. */
export const FILE_TYPES: Vocabulary = { scheme: `${AUTHORITY}file-type`, title: 'File type', labels: { CSV: 'CSV', XLSX: 'XLSX' } };

/** The EU's languages: the record's is Swedish. */
export const LANGUAGES: Vocabulary = { scheme: `${AUTHORITY}language`, title: 'Language', labels: { SWE: 'svenska' } };

/** The EU's access rights: the open data is public. */
export const ACCESS_RIGHTS: Vocabulary = { scheme: `${AUTHORITY}access-right`, title: 'Access right', labels: { PUBLIC: 'offentlig' } };

/** The EU's planned availability: the files stay where the report is published. */
export const AVAILABILITY: Vocabulary = { scheme: `${AUTHORITY}planned-availability`, title: 'Planned availability', labels: { STABLE: 'stabil' } };

/** The EU's countries, for the place the data covers. */
export const COUNTRIES: Vocabulary = { scheme: `${AUTHORITY}country`, title: 'Country', labels: { SWE: 'Sverige' } };

/** ADMS's publisher types, which DCAT-AP and DCAT-AP-SE use for the publisher. */
export const PUBLISHER_TYPES: Vocabulary = {
  scheme: 'http://purl.org/adms/publishertype/1.0',
  title: 'Publisher type',
  labels: {
    NationalAuthority: 'nationell myndighet',
    RegionalAuthority: 'regional myndighet',
    LocalAuthority: 'lokal myndighet',
    SupraNationalAuthority: 'överstatlig myndighet',
    Company: 'företag',
    'Academia-ScientificOrganisation': 'akademisk eller vetenskaplig organisation',
    NonProfitOrganisation: 'ideell organisation',
    'PrivateIndividual(s)': 'privatperson',
    IndustryConsortium: 'branschorganisation',
    StandardisationBody: 'standardiseringsorgan',
    NonGovernmentalOrganisation: 'icke-statlig organisation',
  },
};

/** ADMS's licence types, for the licences whose type the record knows. */
export const LICENCE_TYPES: Vocabulary = { scheme: 'http://purl.org/adms/licencetype/1.0', title: 'Licence type', labels: { PublicDomain: 'allmän egendom', Attribution: 'erkännande' } };

/** The type of the licences the record knows, by address. */
export const LICENCE_TYPE_OF: Record<string, string> = {
  'http://creativecommons.org/publicdomain/zero/1.0/': 'PublicDomain',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'PublicDomain',
  'http://creativecommons.org/licenses/by/4.0/': 'Attribution',
  'https://creativecommons.org/licenses/by/4.0/': 'Attribution',
};

/** A concept's address in its vocabulary. */
export function conceptAddress(vocabulary: Vocabulary, code: string): string {
  return vocabulary.scheme.endsWith('/1.0') ? `${vocabulary.scheme.slice(0, -3)}${code}` : `${vocabulary.scheme}/${code}`;
}
