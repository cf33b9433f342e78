import { message } from '../message.js';

/** Messages about the open data: what its metadata record needs. */
export const OPEN_DATA_MESSAGES = {
  'open-data-metadata': message({
    example: { missing: ['webbadress', 'kontakt'] },
    sv: (p, f) => `tabellerna publiceras som öppna data, men beskrivningen för Sveriges dataportal (DCAT-AP-SE) behöver ${f.list(p.missing.map((m) => `oppnaData.${m}`))} i data/rapport.yaml: ange ${p.missing.includes('webbadress') ? 'adressen där dist/ publiceras' : ''}${p.missing.length === 2 ? ' och ' : ''}${p.missing.includes('kontakt') ? 'en kontakt med namn och e-post' : ''}. Allt annat byggs ändå`,
    en: (p, f) => `the tables are published as open data, but their description for Sveriges dataportal (DCAT-AP-SE) needs ${f.list(p.missing.map((m) => `oppnaData.${m}`))} in data/rapport.yaml: give ${p.missing.includes('webbadress') ? 'the address where dist/ is published' : ''}${p.missing.length === 2 ? ' and ' : ''}${p.missing.includes('kontakt') ? 'a contact with a name and an e-mail address' : ''}. Everything else is built all the same`,
  }),
  'open-data-metadata.recommended': message({
    example: { missing: ['dcterms:spatial (oppnaData.omrade)', 'dcterms:temporal (oppnaData.tidsperiod)'] },
    sv: (p, f) => `beskrivningen för Sveriges dataportal saknar ${p.missing.length === 1 ? 'en egenskap' : 'egenskaper'} som DCAT-AP rekommenderar: ${f.list(p.missing)}. Ange ${p.missing.length === 1 ? 'fältet' : 'fälten'} i data/rapport.yaml, så hittar den som söker i portalen datan`,
    en: (p, f) => `the description for Sveriges dataportal lacks ${p.missing.length === 1 ? 'a property' : 'properties'} DCAT-AP recommends: ${f.list(p.missing)}; give ${p.missing.length === 1 ? 'the field' : 'the fields'} in data/rapport.yaml so that people searching the portal find the data`,
  }),
  'open-data-metadata.publisher': message({
    example: { address: 'https://www.myndigheten.se/rapporter/2025-00042/#utgivare' },
    sv: (p) => `utan oppnaData.organisationsnummer får utgivaren adressen ${p.address}, som Sveriges dataportal inte känner igen som myndigheten: ange organisationsnumret (t.ex. "202100-0000") så blir utgivaren http://dataportal.se/organisation/SE<organisationsnummer>`,
    en: (p) => `without oppnaData.organisationsnummer the publisher gets the address ${p.address}, which Sveriges dataportal does not recognise as the agency: give the organisation number (e.g. "202100-0000") and the publisher becomes http://dataportal.se/organisation/SE<organisationsnummer>`,
  }),
};
