import type { Placements } from '../expand/placements.js';
import { decimal } from '../format/swedish.js';
import { publishedTables } from '../model/published.js';
import type { ReportModel } from '../model/report-model.js';

/** A dataset as the web page lists it: its table's number and caption, and its files with their sizes. */
export interface DatasetView {
  label: string;
  caption: string;
  xlsx: FileView;
  csv: FileView;
}

/** The open data the page lists: its datasets (with sizes once the files are made) and the metadata record. */
export interface OpenDataListing {
  datasets: DatasetView[];
  record: string | undefined;
}

/** One file of a dataset on the page. */
export interface FileView {
  href: string;
  name: string;
  /** `7 kB`; empty when not yet known (a check renders the page without making the files). */
  size: string;
}

/** A file size the Swedish way: `812 byte`, `1,2 kB`, `37 kB`, `1,4 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes}\u00a0byte`;
  if (bytes < 1_000_000) return `${decimal(bytes / 1000, bytes < 10_000 ? 1 : 0)}\u00a0kB`;
  return `${decimal(bytes / 1_000_000, 1)}\u00a0MB`;
}

/** `Tabell 2` or `Figur 1`: where the table or chart stands, or empty when it is not placed. */
export function placedLabel(placements: Placements, key: string): string {
  const place = placements.get(key);
  return place ? `${place.kind === 'tabell' ? 'Tabell' : 'Figur'} ${place.number}` : '';
}

/** The page's list of datasets; with `sizes`, the files' sizes too. */
export function datasetViews(model: ReportModel, placements: Placements, sizes?: ReadonlyMap<string, number>): DatasetView[] {
  const view = (path: string): FileView => {
    const bytes = sizes?.get(path);
    return { href: path, name: path.slice('data/'.length), size: bytes === undefined ? '' : fileSize(bytes) };
  };
  return publishedTables(model).map((table) => {
    return { label: placedLabel(placements, table.key), caption: table.caption, xlsx: view(`data/${table.file}.xlsx`), csv: view(`data/${table.file}.csv`) };
  });
}
