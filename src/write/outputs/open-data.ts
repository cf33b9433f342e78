import { canDescribe, publishedTables } from '../../model/published.js';
import { DCAT_PATH } from '../open-data/dcat.js';
import { outputDate } from '../dates.js';
import type { Output } from './output.js';

/**
 * The open data: each published table as CSV and as an Excel workbook, and
 * the DCAT-AP-SE record that describes them for Sveriges dataportal. The
 * page lists them with their sizes.
 */
export const openDataOutput: Output = {
  name: 'open-data',
  wanted: () => true,
  paths(report) {
    const model = report.context.model;
    if (!model) return [];
    const tables = publishedTables(model).flatMap((t) => [`data/${t.file}.csv`, `data/${t.file}.xlsx`]);
    return canDescribe(model.rapport) ? [...tables, DCAT_PATH] : tables;
  },
  async write(report, folder) {
    const model = report.context.model;
    if (!model) return;
    const { buildOpenData } = await import('../open-data/open-data.js');
    const openData = await buildOpenData(model, report.context.placements, outputDate(model.rapport.datum));
    folder.files.push(...openData.files);
    folder.links.openData = { datasets: openData.datasets, record: openData.record };
  },
};
