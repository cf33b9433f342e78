import { publishedTables } from '../../model/published.js';
import type { CheckRule } from '../check-context.js';

/**
 * Open data: a report whose tables are published needs to say where it is
 * published and who answers for the data before Sveriges dataportal can find
 * them (the DCAT-AP-SE record). Without that the build writes everything
 * else, and warns here what the record needs.
 */
export const openDataRule: CheckRule = {
  family: 'open-data',
  ids: ['open-data-metadata'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model || publishedTables(model).length === 0) return;
    const settings = model.rapport.oppnaData;
    const missing = [...(settings?.webbadress ? [] : ['webbadress']), ...(settings?.kontakt ? [] : ['kontakt'])];
    if (missing.length === 0) return;
    const where = model.places.locate(settings ? ['rapport', 'oppnaData'] : ['rapport']);
    diagnostics.warn('open-data-metadata', where.file, where.point ?? { line: 1, column: 1 }, { missing });
  },
};
