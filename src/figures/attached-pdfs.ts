import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Sources } from '../load/source-file.js';
import type { ReportModel } from '../model/report-model.js';

/** Largest appendix PDF a report may attach, in bytes. */
export const MAX_APPENDIX_PDF_BYTES = 20_000_000;

/** An attached appendix PDF, opened and checked: what both outputs publish of it. */
export interface AttachedPdf {
  /** Its path in the report root, as written in `data/bilagor.yaml`. */
  source: string;
  /** The bytes published: the file as it is, or without its active content when it had some. */
  bytes: Uint8Array;
  pages: number;
  /** What was taken out (PDF names such as `/JavaScript`); empty when the file is published as it is. */
  removed: string[];
}

/** True when `inner` lies under `root`. */
const inside = (root: string, inner: string): boolean => {
  const relative = path.relative(root, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Opens every appendix PDF of the register (`data/bilagor.yaml`), by its
 * number: it must be a regular file (not a folder, not a named pipe) of at
 * most 20 MB that pdf-lib can read, not encrypted, with at least one page;
 * each problem is an error at the `pdf:` line. A PDF with active content
 * (JavaScript, actions, embedded files, forms, XFA) is published without it,
 * and a warning names what was removed. A PDF whose first page calls itself
 * another appendix (`Bilaga 3` where the register makes it bilaga 2) gets a
 * warning. Paths outside the report or missing files are left to the
 * appendix-files rule.
 */
export async function prepareAttachedPdfs(sources: Sources, model: ReportModel, diagnostics: Diagnostics): Promise<Map<number, AttachedPdf>> {
  const attached = new Map<number, AttachedPdf>();
  if (!model.bilagor.some((b) => b.pdf)) return attached;
  const { PDFDocument } = await import('pdf-lib');
  const { removeActiveContent } = await import('./pdf-clean.js');
  const { appendixNumberIn, firstPageText } = await import('./pdf-text.js');
  for (const [i, bilaga] of model.bilagor.entries()) {
    if (!bilaga.pdf) continue;
    const number = i + 1;
    const where = model.places.locate(['bilagor', i, 'pdf']);
    const shown = { number, path: bilaga.pdf };
    const literal = path.resolve(sources.root, bilaga.pdf);
    const real = await realpath(literal).catch(() => undefined);
    if (!inside(sources.root, literal) || !real || !inside(sources.root, real)) continue;
    const info = await stat(real).catch(() => undefined);
    if (!info) continue;
    if (!info.isFile()) {
      diagnostics.error(info.isDirectory() ? 'appendix-pdf.folder' : 'appendix-pdf.not-file', where.file, where.point, shown);
      continue;
    }
    if (info.size > MAX_APPENDIX_PDF_BYTES) {
      diagnostics.error('appendix-pdf.too-large', where.file, where.point, { ...shown, size: info.size, limit: MAX_APPENDIX_PDF_BYTES });
      continue;
    }
    const bytes = await readFile(real);
    // Read as leniently as the report's PDF is made: what fails here would fail there.
    let doc;
    let pages: number;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
      pages = doc.isEncrypted ? 0 : doc.getPageCount();
    } catch (error) {
      // pdf-lib's own errors say what it could not parse; a TypeError means it found no document catalog or page tree.
      if (error instanceof TypeError) diagnostics.error('appendix-pdf.empty', where.file, where.point, shown);
      else diagnostics.error('appendix-pdf.broken', where.file, where.point, { ...shown, reason: (error as Error).message.split('\n')[0] ?? '' });
      continue;
    }
    if (doc.isEncrypted) {
      diagnostics.error('appendix-pdf.encrypted', where.file, where.point, shown);
      continue;
    }
    if (pages === 0) {
      diagnostics.error('appendix-pdf.empty', where.file, where.point, shown);
      continue;
    }
    // An appendix renumbered in the register whose own first page still gives its old number.
    const named = appendixNumberIn(firstPageText(doc));
    if (named !== undefined && named !== number) diagnostics.warn('appendix-pdf-number', where.file, where.point, { ...shown, named, title: bilaga.titel });
    const removed = removeActiveContent(doc);
    if (removed.length > 0) diagnostics.warn('appendix-pdf-cleaned', where.file, where.point, { ...shown, removed });
    attached.set(number, { source: bilaga.pdf, bytes: removed.length > 0 ? await doc.save() : bytes, pages, removed });
  }
  return attached;
}
