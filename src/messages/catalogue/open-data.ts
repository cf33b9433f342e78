import { message } from '../message.js';

/** Messages about the open data: what its metadata record needs. */
export const OPEN_DATA_MESSAGES = {
  'open-data-metadata': message({
    example: { missing: ['webbadress', 'kontakt'] },
    sv: (p, f) => `tabellerna publiceras som öppna data, men beskrivningen för Sveriges dataportal (DCAT-AP-SE) behöver ${f.list(p.missing.map((m) => `oppnaData.${m}`))} i data/rapport.yaml: ange ${p.missing.includes('webbadress') ? 'adressen där dist/ publiceras' : ''}${p.missing.length === 2 ? ' och ' : ''}${p.missing.includes('kontakt') ? 'en kontakt med namn och e-post' : ''}. Allt annat byggs ändå`,
    en: (p, f) => `the tables are published as open data, but their description for Sveriges dataportal (DCAT-AP-SE) needs ${f.list(p.missing.map((m) => `oppnaData.${m}`))} in data/rapport.yaml: give ${p.missing.includes('webbadress') ? 'the address where dist/ is published' : ''}${p.missing.length === 2 ? ' and ' : ''}${p.missing.includes('kontakt') ? 'a contact with a name and an e-mail address' : ''}. Everything else is built all the same`,
  }),
};
