import type { Output } from './output.js';

/** Where the PDF is published beside the page. */
export const PDF_PATH = 'redovisning.pdf';

/**
 * The PDF submitted to the Government Offices: printed by Chromium (the
 * build's printer thread, or the preview's kept browser) from the page's
 * chapters, and finished with pdf-lib. It starts as soon as the facts are
 * checked: the language review adds nothing it prints.
 */
export const pdfOutput: Output = {
  name: 'pdf',
  option: 'cli.build.no-pdf',
  wanted: (options) => !options.off.has('pdf') && options.print !== undefined,
  early: true,
  paths: () => [PDF_PATH],
  link(_report, links) {
    links.documents.set('pdf', PDF_PATH);
  },
  async write(report, folder, progress) {
    const print = folder.options.print;
    if (!print) return;
    const pdf = await print(report, progress);
    // Loaded here, not with the registry: it brings pdf-lib, which `check` and `--help` never need.
    const { pdfStandardLines } = await import('../pdf-standards/report.js');
    folder.files.push({ path: PDF_PATH, content: pdf.bytes });
    folder.notes.push({ id: 'pdf.pages', params: { pages: pdf.pages } });
    folder.warnings.push(...pdf.warnings);
    folder.closing.push((lang) => pdfStandardLines(pdf, pdf.standard, lang));
  },
};
