import type { Element } from 'hast';
import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import type { Sources } from '../load/source-file.js';
import type { ParsedChapter } from '../markdown/parse-markdown.js';
import type { ReportModel } from '../model/report-model.js';
import type { DrawnChart } from './charts.js';
import { isLocalImage, type ImageAsset, type ImageProblem } from './image-asset.js';

/** The report's images and drawn charts, ready for both outputs. */
export interface PreparedFigures {
  /** Every usable image by its path as written (Markdown images, image figures, the logo). */
  images: Map<string, ImageAsset>;
  /** The logo, when the report names one and it is usable. */
  logo: ImageAsset | undefined;
  /** Each chart's SVG, by figure key. */
  charts: Map<string, Element>;
  /** Every image path the report names, usable or not (the preview watches their folders). */
  named: string[];
}

/** No images, no charts: what a report without a usable model has. */
export const NO_FIGURES: PreparedFigures = { images: new Map(), logo: undefined, charts: new Map(), named: [] };

/** Drawn charts kept between builds of the live preview, by what they draw. */
export type ChartCache = Map<string, DrawnChart>;

/** A place that names an image: a Markdown image, an image figure or the logo. */
interface ImageUse {
  url: string;
  file: string;
  point: Point | undefined;
  /** The folder the path is relative to, when it is not the report root (the profile's logo). */
  root?: string;
}

/**
 * Reads and checks every image the report uses and draws its charts: a
 * Markdown image needs a text alternative (an error at its line), every
 * image must be a usable file in the report (images.ts), an SVG that had to
 * be cleaned gives a warning, and a chart that cannot be drawn an error at
 * its declaration. Runs after the texts are parsed, before the check rules.
 */
export async function prepareFigures(sources: Sources, model: ReportModel, texts: readonly ParsedChapter[], diagnostics: Diagnostics, chartCache?: ChartCache): Promise<PreparedFigures> {
  const uses: ImageUse[] = [];
  for (const text of texts) {
    visit(text.tree, 'image', (node: Image) => {
      if (!isLocalImage(node.url)) return; // refused by the Markdown rule
      const point = node.position?.start;
      if (!node.alt?.trim()) diagnostics.error('image-alt-missing', text.expanded.file.path, point, { path: node.url });
      uses.push({ url: node.url, file: text.expanded.file.path, point });
    });
  }
  for (const figure of model.figures) {
    if (!figure.image) continue;
    const at = model.places.locate(['figurer', figure.key, 'bild']);
    uses.push({ url: figure.image, file: at.file, point: at.point });
  }
  const logoAt = model.rapport.logotyp === undefined ? undefined : model.places.locate(['rapport', 'logotyp']);
  // A logo from the agency profile is a file of the profile's folder.
  const profileLogo = model.profile?.fields.has('logotyp') ? model.profile.root : undefined;
  if (model.rapport.logotyp !== undefined && logoAt) uses.push({ url: model.rapport.logotyp, file: logoAt.file, point: logoAt.point, ...(profileLogo ? { root: profileLogo } : {}) });

  // The code that reads images and draws charts is loaded only for a report that has them.
  const { loadImage } = uses.length ? await import('./images.js') : { loadImage: undefined };
  const { drawChart } = model.figures.some((f) => f.chart) ? await import('./charts.js') : { drawChart: undefined };
  const loads = new Map<string, Promise<ImageAsset | ImageProblem>>();
  for (const use of uses) if (loadImage && !loads.has(keyOf(use))) loads.set(keyOf(use), loadImage(use.root ?? sources.root, use.url));
  const charts = new Map<string, Element>();
  const drawing = model.figures.map(async (figure) => {
    if (!figure.chart || !drawChart) return;
    const cacheKey = JSON.stringify([figure.key, figure.chart.short, figure.chart.vegaLite, figure.chart.entries]);
    const drawn = chartCache?.get(cacheKey) ?? (await drawChart(figure));
    if ('reason' in drawn) diagnostics.error('figure-chart', figure.where.file, figure.where.point, { figure: figure.key, reason: drawn.reason });
    else {
      chartCache?.set(cacheKey, drawn);
      charts.set(figure.key, drawn.svg);
    }
  });
  const [loaded] = await Promise.all([Promise.all([...loads].map(async ([url, load]) => [url, await load] as const)), Promise.all(drawing)]);

  const images = new Map<string, ImageAsset>();
  const warned = new Set<string>();
  const results = new Map(loaded);
  for (const use of uses) {
    const result = results.get(keyOf(use));
    if (!result) continue;
    if ('id' in result) {
      diagnostics.error(result.id, use.file, use.point, result.params as never);
      continue;
    }
    images.set(keyOf(use), result);
    if (result.removed.length && !warned.has(keyOf(use))) {
      warned.add(keyOf(use));
      diagnostics.warn('image-svg-unsafe', use.file, use.point, { path: result.source, removed: result.removed });
    }
  }
  const logo = model.rapport.logotyp === undefined ? undefined : images.get(profileLogo ? keyOf({ url: model.rapport.logotyp, root: profileLogo }) : model.rapport.logotyp);
  // Charts in the order they are declared, whatever order they were drawn in.
  const ordered = new Map(model.figures.flatMap((f) => (charts.has(f.key) ? [[f.key, charts.get(f.key) as Element] as const] : [])));
  return { images, logo, charts: ordered, named: uses.filter((u) => !u.root).map((u) => u.url).filter((url, i, all) => all.indexOf(url) === i) };
}

/** An image's key among the report's: its path as written, or, for a file of the profile, the profile's folder and the path. */
const keyOf = (use: Pick<ImageUse, 'url' | 'root'>): string => (use.root ? `${use.root}\0${use.url}` : use.url);
