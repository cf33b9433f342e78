/**
 * The Word output: the checked report as an editable `.docx`, written with
 * the docx library from the report itself (its Markdown trees, declared
 * tables and figures, letterhead and decision), not converted from the web
 * page. It knows nothing of the stages: it takes the checked report, as the
 * PDF's writer does.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckedReport } from '../../pipeline.js';
import { outputDate } from '../dates.js';
import { reportDocument } from './document.js';
import { wordImages } from './images.js';
import { reproducible } from './reproducible.js';
import { tableStyleXml } from './styles.js';

/** The Word file's name in the output folder. */
export const DOCX_FILE = 'redovisning.docx';

/** The report's Word file, the same bytes for the same input. Throws on a report without a model (the build has refused it by then). */
export async function docxBytes(checked: Pick<CheckedReport, 'context'>): Promise<Uint8Array> {
  const { context } = checked;
  const model = context.model;
  if (!model) throw new Error('the Word file needs a checked report with its model');
  const { Packer } = await import('docx');
  const images = await wordImages(context.figures);
  const document = reportDocument(context, images);
  const packed = new Uint8Array(await Packer.toBuffer(document));
  return reproducible(packed, outputDate(model.rapport.datum), tableStyleXml());
}

/** Writes `redovisning.docx` into `folder` and returns its path. */
export async function writeDocx(checked: Pick<CheckedReport, 'context'>, folder: string): Promise<string> {
  const file = path.join(folder, DOCX_FILE);
  await writeFile(file, await docxBytes(checked));
  return file;
}
