import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { jpegIsWhole, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, pngIsWhole } from './raster.js';
import { sanitiseSvg } from './svg.js';
import type { ImageAsset, ImageProblem } from './image-asset.js';

/** Largest image file a report may use. */
export const MAX_IMAGE_BYTES = 5_000_000;

/** The image formats a report may use, by file extension. */
const FORMATS: Record<string, { type: string; mime: ImageAsset['mime'] }> = {
  png: { type: 'png', mime: 'image/png' },
  jpg: { type: 'jpg', mime: 'image/jpeg' },
  jpeg: { type: 'jpg', mime: 'image/jpeg' },
  svg: { type: 'svg', mime: 'image/svg+xml' },
};

/** A path as written in Markdown (`bilder/min%20karta.png`) as a file path. */
function filePath(url: string): string {
  try {
    return decodeURIComponent(url.trim());
  } catch {
    return url.trim();
  }
}

/** True when `inner` is `root` or lies under it. */
const inside = (root: string, inner: string): boolean => {
  const relative = path.relative(root, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Reads and checks an image of the report: it must be a file in the report
 * root (also after following links), at most 5 MB, a PNG, JPEG or SVG whose
 * contents agree with its extension; a PNG or JPEG at most 10 000 pixels a
 * side and 40 megapixels, and whole (not cut short or damaged). An SVG is sanitised (svg.ts). The asset
 * is named after its content, so a changed image gets a new address and no
 * cache shows the old one.
 */
export async function loadImage(root: string, url: string): Promise<ImageAsset | ImageProblem> {
  const relative = filePath(url);
  const shown = { path: relative };
  const absolute = path.resolve(root, relative);
  if (!inside(root, absolute)) return { id: 'image-outside', params: shown };
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) return { id: 'image-missing', params: shown };
  const real = await realpath(absolute).catch(() => absolute);
  if (!inside(root, real)) return { id: 'image-outside', params: shown };
  if (info.size > MAX_IMAGE_BYTES) return { id: 'image-too-large', params: { path: relative, size: info.size, limit: MAX_IMAGE_BYTES } };
  const extension = path.extname(relative).slice(1).toLowerCase();
  const format = FORMATS[extension];
  let bytes = await readFile(real);
  let size: { type?: string; width?: number; height?: number } | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    size = undefined;
  }
  if (!format || !size || size.type !== format.type) return { id: 'image-format', params: shown };
  if (format.mime !== 'image/svg+xml') {
    const width = size.width ?? 0;
    const height = size.height ?? 0;
    if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
      return { id: 'image-too-large.pixels', params: { path: relative, width, height, side: MAX_IMAGE_SIDE, pixels: MAX_IMAGE_PIXELS } };
    }
    const whole = format.mime === 'image/png' ? await pngIsWhole(bytes) : jpegIsWhole(bytes);
    if (!whole) return { id: 'image-format.damaged', params: shown };
  }
  let removed: string[] = [];
  if (format.mime === 'image/svg+xml') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const safe = sanitiseSvg(text);
    if (!safe) return { id: 'image-format', params: shown };
    bytes = Buffer.from(safe.svg, 'utf8');
    removed = safe.removed;
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const stem = path.basename(relative, path.extname(relative)).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'bild';
  return {
    source: relative,
    mime: format.mime,
    bytes,
    href: `assets/${stem}-${hash}.${extension === 'jpeg' ? 'jpg' : extension}`,
    width: size.width,
    height: size.height,
    removed,
  };
}
