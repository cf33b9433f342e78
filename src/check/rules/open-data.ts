import type { Rapport } from '../../model/report-model.js';
import { publishedTables } from '../../model/published.js';
import type { CheckRule } from '../check-context.js';

/**
 * The recommended properties of DCAT-AP 3.0.1 that only the report's settings
 * can give, by the `oppnaData` field that gives them (the record has the
 * rest always).
 */
export function missingRecommended(rapport: Rapport): { property: string; field: string }[] {
  const settings = rapport.oppnaData ?? {};
  return [
    ...(settings.omrade ? [] : [{ property: 'dcterms:spatial', field: 'omrade' }]),
    ...(settings.tidsperiod ? [] : [{ property: 'dcterms:temporal', field: 'tidsperiod' }]),
    ...(settings.nyckelord?.length ? [] : [{ property: 'dcat:keyword', field: 'nyckelord' }]),
  ];
}

/**
 * Open data: a report whose tables are published needs to say where it is
 * published and who answers for the data before Sveriges dataportal can find
 * them (the DCAT-AP-SE record). Without that the build writes everything
 * else, and warns here what the record needs. With it, the rule warns of
 * each property DCAT-AP recommends that only the report can give (the place
 * and period the data covers), and of a publisher the portal cannot
 * recognise because the organisation number is not given.
 */
export const openDataRule: CheckRule = {
  family: 'open-data',
  ids: ['open-data-metadata'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model || publishedTables(model).length === 0) return;
    const settings = model.rapport.oppnaData;
    const where = model.places.locate(settings ? ['rapport', 'oppnaData'] : ['rapport']);
    const point = where.point ?? { line: 1, column: 1 };
    const missing = [...(settings?.webbadress ? [] : ['webbadress']), ...(settings?.kontakt ? [] : ['kontakt'])];
    if (missing.length > 0) {
      diagnostics.warn('open-data-metadata', where.file, point, { missing });
      return;
    }
    const recommended = missingRecommended(model.rapport);
    if (recommended.length > 0) diagnostics.warn('open-data-metadata.recommended', where.file, point, { missing: recommended.map((r) => `${r.property} (oppnaData.${r.field})`) });
    if (!settings?.organisationsnummer && settings?.webbadress) {
      const root = settings.webbadress.endsWith('/') ? settings.webbadress : `${settings.webbadress}/`;
      diagnostics.warn('open-data-metadata.publisher', where.file, point, { address: `${root}#utgivare` });
    }
  },
};
