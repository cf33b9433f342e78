import type { Output } from './output.js';

/**
 * The web page: `index.html` with its stylesheets, fonts, images, attached
 * appendix PDFs and the report's data as JSON. Made last: it links what the
 * other outputs made.
 */
export const pageOutput: Output = {
  name: 'page',
  wanted: () => true,
  paths: () => ['index.html'],
  async write(report, folder) {
    const { renderHtml } = await import('../page-files.js');
    const { documents, openData, sizes } = folder.links;
    const docxHref = documents.get('docx');
    const docx = docxHref === undefined ? undefined : { href: docxHref, size: sizes.get('docx') };
    const html = renderHtml(report, { pdfHref: documents.get('pdf'), docx, ...(openData ? { openData } : {}), body: report.body, downloads: documents });
    if (!html) throw new PageError();
    folder.files.push(...html.files);
    folder.copies.push(...html.copies);
  },
};

/** The page could not be made: its template failed, and said why in the diagnostics. */
export class PageError extends Error {
  constructor() {
    super('the page template failed');
  }
}
