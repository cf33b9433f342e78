/** The Word file's name in the output folder (apart from the writer, so naming it loads nothing). */
export const DOCX_FILE = 'redovisning.docx';
