import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FONT_DIR, FONT_FACES } from '../../render/fonts.js';
import { closeBrowser, launchBrowser } from '../browser.js';

/** An SVG to draw as PNG: its markup and its size in CSS pixels. */
export interface SvgDrawing {
  svg: string;
  width: number;
  height: number;
}

/** Print resolution: 300 dots to the inch, CSS pixels being 96 to the inch. */
export const PRINT_SCALE = 300 / 96;

/**
 * Draws SVGs as PNG images in headless Chromium (the browser that prints the
 * PDF, so the charts are drawn in the same font and the same way), at
 * `scale` device pixels per CSS pixel, on white. One browser for all; none
 * is started when there is nothing to draw.
 */
export async function rasteriseSvgs(drawings: readonly SvgDrawing[], scales: readonly number[]): Promise<Uint8Array[]> {
  if (drawings.length === 0) return [];
  const faces = await Promise.all(
    FONT_FACES.map(async (face) => {
      const data = (await readFile(path.join(FONT_DIR, face.file))).toString('base64');
      return `@font-face { font-family: "Source Sans 3"; font-style: ${face.style}; font-weight: ${face.weight}; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
    }),
  );
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const out: Uint8Array[] = [];
    for (const [i, drawing] of drawings.entries()) {
      const width = Math.max(1, Math.ceil(drawing.width));
      const height = Math.max(1, Math.ceil(drawing.height));
      await page.setViewport({ width, height, deviceScaleFactor: scales[i] ?? PRINT_SCALE });
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${faces.join('\n')} html, body { margin: 0; background: #fff; font-family: "Source Sans 3"; } svg { display: block; width: ${width}px; height: ${height}px; }</style></head><body>${drawing.svg}</body></html>`;
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluateHandle('document.fonts.ready');
      out.push(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, omitBackground: false }));
    }
    return out;
  } finally {
    await closeBrowser(browser);
  }
}
