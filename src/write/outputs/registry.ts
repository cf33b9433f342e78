import { docxOutput } from './docx.js';
import { openDataOutput } from './open-data.js';
import type { Output } from './output.js';
import { pageOutput } from './page.js';
import { pdfOutput } from './pdf.js';

/**
 * Every output, in the order a build makes them: those that start early
 * first, the page last (it links what the others made). Adding an output is
 * a file in this folder and its line here.
 */
export const OUTPUTS: readonly Output[] = [pdfOutput, openDataOutput, docxOutput, pageOutput];
