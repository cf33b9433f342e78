import path from 'node:path';
import { packageDir } from '../load/tool-package.js';

/** The fonts the report uses, from the @fontsource/source-sans-3 npm package (never the machine's). */
export const FONT_DIR = path.join(packageDir('@fontsource/source-sans-3'), 'files');

/** Each face: its file in FONT_DIR, style and weight. */
export const FONT_FACES = [
  { file: 'source-sans-3-latin-400-normal.woff2', style: 'normal', weight: 400 },
  { file: 'source-sans-3-latin-400-italic.woff2', style: 'italic', weight: 400 },
  { file: 'source-sans-3-latin-600-normal.woff2', style: 'normal', weight: 600 },
  { file: 'source-sans-3-latin-700-normal.woff2', style: 'normal', weight: 700 },
] as const;
