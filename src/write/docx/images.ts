import { toHtml } from 'hast-util-to-html';
import type { PreparedFigures } from '../../figures/prepare.js';
import type { ImageAsset } from '../../figures/image-asset.js';
import type { WordImage } from './inline.js';
import { PRINT_SCALE, rasteriseSvgs, type SvgDrawing } from './raster.js';
import { TEXT_WIDTH } from './styles.js';

/** The text column's width in CSS pixels (96 to the inch; a twip is 1/1440 inch). */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
/** The logo's height in the letterhead, as in the PDF (16 mm). */
const LOGO_HEIGHT_PX = Math.round((16 / 25.4) * 96);

/** The report's images and charts, ready for Word. */
export interface WordImages {
  /** The text's and the image figures' images, by the path the author wrote. */
  images: Map<string, WordImage>;
  /** Each chart as PNG, by figure key. */
  charts: Map<string, WordImage>;
  logo: WordImage | undefined;
}

/** A size that fits the text column, keeping the proportions. */
function fitted(width: number, height: number, maxWidth = TEXT_WIDTH_PX): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

const number = (value: unknown, fallback: number): number => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Makes the report's images fit for Word: PNG and JPEG as they are, SVG
 * images as their own SVG with a PNG beside it (Word before 2016 and other
 * word processors show the PNG), and the charts as PNG drawn from the same
 * SVG as the PDF's, at print resolution (300 dpi at the size they are shown).
 */
export async function wordImages(figures: PreparedFigures): Promise<WordImages> {
  const { imageSize } = await import('image-size');
  const drawings: SvgDrawing[] = [];
  const scales: number[] = [];
  const done: (() => void)[] = [];
  const raster: Uint8Array[] = [];
  const images = new Map<string, WordImage>();
  const charts = new Map<string, WordImage>();
  let logo: WordImage | undefined;

  /** Schedules an SVG's PNG, shown at `shown` pixels wide; `use` gets it once drawn. */
  const draw = (drawing: SvgDrawing, shownWidth: number, use: (png: Uint8Array) => void): void => {
    const index = drawings.length;
    drawings.push(drawing);
    scales.push(PRINT_SCALE * (shownWidth / drawing.width));
    done.push(() => use(raster[index] as Uint8Array));
  };
  const prepare = (asset: ImageAsset, size: { width: number; height: number }, set: (image: WordImage) => void): void => {
    if (asset.mime === 'image/svg+xml') {
      draw({ svg: asset.bytes.toString('utf8'), width: number(asset.width, 300), height: number(asset.height, 150) }, size.width, (png) => set({ type: 'png', data: png, svg: asset.bytes, ...size }));
    } else set({ type: asset.mime === 'image/jpeg' ? 'jpg' : 'png', data: asset.bytes, svg: undefined, ...size });
  };
  const naturalSize = (asset: ImageAsset): { width: number; height: number } => {
    if (asset.width && asset.height) return { width: asset.width, height: asset.height };
    try {
      const size = imageSize(asset.bytes);
      return { width: size.width || 300, height: size.height || 150 };
    } catch {
      return { width: 300, height: 150 };
    }
  };

  for (const [url, asset] of figures.images) {
    const natural = naturalSize(asset);
    prepare(asset, fitted(natural.width, natural.height), (image) => images.set(url, image));
  }
  if (figures.logo) {
    const natural = naturalSize(figures.logo);
    const height = LOGO_HEIGHT_PX;
    const size = fitted(Math.round((natural.width / natural.height) * height), height, TEXT_WIDTH_PX / 2);
    prepare(figures.logo, size, (image) => (logo = image));
  }
  for (const [key, svg] of figures.charts) {
    const width = number(svg.properties['width'], 560);
    const height = number(svg.properties['height'], 300);
    const size = fitted(width, height);
    draw({ svg: toHtml(svg, { space: 'svg' }), width, height }, size.width, (png) => charts.set(key, { type: 'png', data: png, svg: undefined, ...size }));
  }
  raster.push(...(await rasteriseSvgs(drawings, scales)));
  for (const use of done) use();
  return { images, charts, logo };
}
