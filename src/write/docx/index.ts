/**
 * The Word output: the checked report as an editable `.docx`, written with
 * the docx library from the report itself (its Markdown trees, declared
 * tables and figures, letterhead and decision), not converted from the web
 * page. It knows nothing of the stages: it takes the checked report, as the
 * PDF's writer does.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckedReport } from '../../language/checked-report.js';
import { outputDate } from '../dates.js';
import { reportDocument } from './document.js';
import { embeddedFaces } from './fonts.js';
import { wordImages } from './images.js';
import { DOCX_FILE } from './name.js';
import { reproducible } from './reproducible.js';
import { FALLBACK_FONT, FONT, LANGUAGE, tableStyleXml } from './styles.js';

export { DOCX_FILE };

/** The report's Word file, the same bytes for the same input. Throws on a report without a model (the build has refused it by then). */
export async function docxBytes(checked: Pick<CheckedReport, 'context'>): Promise<Uint8Array> {
  const { context } = checked;
  const model = context.model;
  if (!model) throw new Error('the Word file needs a checked report with its model');
  const { Packer } = await import('docx');
  const [images, faces] = await Promise.all([wordImages(context.figures), embeddedFaces()]);
  const document = reportDocument(context, images, faces);
  return reproducible(await packageParts(Packer, document), outputDate(model.rapport.datum), finish);
}

/**
 * The package's parts before they are zipped: from the library's own
 * compiler (the packer's first step), so that they are deflated once, not
 * deflated, inflated and deflated again; from its zip when the compiler is
 * not there (a library that changed).
 */
async function packageParts(packer: typeof import('docx').Packer, document: import('docx').Document): Promise<Map<string, string | Uint8Array>> {
  const compiler = (packer as unknown as { compiler?: { compile?: (file: unknown, prettify: undefined, overrides: readonly unknown[]) => unknown } }).compiler;
  const compiled = compiler?.compile?.(document, undefined, []);
  if (compiled instanceof Map) return compiled as Map<string, string | Uint8Array>;
  const { unzipSync } = await import('fflate');
  return new Map(Object.entries(unzipSync(new Uint8Array(await packer.toBuffer(document)))));
}

/**
 * What the docx library cannot say: every run in Swedish, the table style joins the styles, and
 * a footnote's own number is set on the line, as in the PDF (`1 SOU 2019:6.`),
 * while the reference in the text stays superscript.
 */
function finish(parts: Map<string, string>): void {
  // The runs the library writes itself (the contents' entries, the fields' results) are Swedish too.
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/footer1.xml']) {
    const part = parts.get(name);
    if (part) parts.set(name, part.replace(/<w:r><w:t([ >])/g, `<w:r><w:rPr><w:lang w:val="${LANGUAGE.value}"/></w:rPr><w:t$1`));
  }
  const styles = parts.get('word/styles.xml');
  if (styles) parts.set('word/styles.xml', styles.replace('</w:styles>', `${tableStyleXml()}</w:styles>`));
  // Where the embedded font cannot be used, Word takes the one named here, a sans-serif like it.
  const fonts = parts.get('word/fontTable.xml');
  if (fonts) parts.set('word/fontTable.xml', fonts.replace(`<w:font w:name="${FONT}"><w:family w:val="auto"/>`, `<w:font w:name="${FONT}"><w:altName w:val="${FALLBACK_FONT}"/><w:family w:val="swiss"/>`));
  const notes = parts.get('word/footnotes.xml');
  if (notes) parts.set('word/footnotes.xml', notes.replace(/<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/>/g, '<w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="baseline"/></w:rPr><w:footnoteRef/>'));
}

/** Writes `redovisning.docx` into `folder` and returns its path. */
export async function writeDocx(checked: Pick<CheckedReport, 'context'>, folder: string): Promise<string> {
  const file = path.join(folder, DOCX_FILE);
  await writeFile(file, await docxBytes(checked));
  return file;
}
