import { DOCX_FILE } from '../docx/name.js';
import type { Output } from './output.js';

/**
 * The editable Word file (`redovisning.docx`), for a ministry that lifts the
 * text into its own documents: written with the docx library from the drawn
 * report (its chapters, tables, figures, letterhead and decision), not
 * converted from the page. Made before the page, which links it with its size.
 */
export const docxOutput: Output = {
  name: 'docx',
  option: 'cli.build.no-docx',
  wanted: (options) => !options.off.has('docx'),
  paths: () => [DOCX_FILE],
  link(_report, links) {
    links.documents.set('docx', DOCX_FILE);
  },
  async write(report, folder) {
    const { docxBytes } = await import('../docx/index.js');
    const bytes = await docxBytes(report);
    folder.files.push({ path: DOCX_FILE, content: bytes });
    folder.links.sizes.set('docx', bytes.byteLength);
  },
};
