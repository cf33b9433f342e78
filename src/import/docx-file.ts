import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { ToolError } from '../messages/tool-error.js';

/** Largest Word file `import` reads. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** A Word file opened and found to be a plain .docx: its bytes and its parts. */
export interface DocxFile {
  file: string;
  bytes: Buffer;
  zip: JSZip;
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The compound file (OLE) signature: an old .doc, or an encrypted .docx (which Word stores as one). */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Opens a Word draft for `import`, refusing what it cannot convert with a
 * one-line reason: a missing file, a folder, an old .doc, a password-protected
 * file, a damaged file, or a macro-enabled .docm.
 */
export async function openDocx(file: string): Promise<DocxFile> {
  const shown = path.basename(file);
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new ToolError('import.missing', { file });
  if (!info.isFile()) throw new ToolError('import.not-a-file', { file });
  if (info.size > MAX_DOCX_BYTES) throw new ToolError('import.too-large', { file: shown, mb: Math.round(info.size / 1048576), limit: MAX_DOCX_BYTES / 1048576 });
  if (/\.docm$/i.test(file)) throw new ToolError('import.macros', { file: shown });
  const bytes = await readFile(file);
  if (bytes.subarray(0, 8).equals(CFB_SIGNATURE)) {
    // An encrypted OOXML package is a compound file holding a stream named "EncryptedPackage".
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new ToolError(encrypted ? 'import.encrypted' : 'import.old-doc', { file: shown });
  }
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new ToolError('import.not-docx', { file: shown });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    throw new ToolError('import.damaged', { file: shown, reason: (error as Error).message });
  }
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (types === undefined || !zip.file('word/document.xml')) throw new ToolError('import.not-docx', { file: shown });
  if (/macroEnabled/i.test(types) || zip.file('word/vbaProject.bin')) throw new ToolError('import.macros', { file: shown });
  return { file, bytes, zip };
}

/** What a Word file holds that `import` does not carry over, each with its place. */
export interface Skipped {
  kind: 'comment' | 'insertion' | 'deletion' | 'text-box' | 'field' | 'style';
  /** The paragraph's number in the Word file (1-based), and the heading it stands under. */
  paragraph: number;
  heading: string | undefined;
  /** The paragraph's first words, to find it by. */
  snippet: string;
  /** The style's name, the field's instruction. */
  detail?: string;
}

const HEADING_STYLE = /^(Heading|Rubrik)\s*[1-3]$|^Title$|^Rubrik$/i;

/**
 * Walks the paragraphs of `word/document.xml` for what the conversion leaves
 * out or changes: comments, tracked changes, text boxes, fields and paragraph
 * styles that have no meaning in the report. `unmapped` are the style names
 * the converter did not recognise.
 */
export async function findSkipped(docx: DocxFile, unmapped: ReadonlySet<string>): Promise<Skipped[]> {
  const xml = (await docx.zip.file('word/document.xml')?.async('string')) ?? '';
  const styles = await styleNames(docx);
  const found: Skipped[] = [];
  const seenStyles = new Set<string>();
  let heading: string | undefined;
  let number = 0;
  // Paragraphs inside text boxes are counted with the paragraph that holds the box.
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>(?!\s*<\/w:txbxContent>)/g)) {
    number += 1;
    const paragraph = match[0];
    const styleId = /<w:pStyle w:val="([^"]*)"/.exec(paragraph)?.[1];
    const style = styleId === undefined ? undefined : (styles.get(styleId) ?? styleId);
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const plain = decodeXml(text.trim());
    const at = { paragraph: number, heading, snippet: plain.length > 40 ? `${plain.slice(0, 40).replace(/\s+\S*$/, '')}…` : plain };
    const count = (pattern: RegExp): number => paragraph.match(pattern)?.length ?? 0;
    for (let i = 0; i < count(/<w:commentReference\b/g); i++) found.push({ kind: 'comment', ...at });
    for (let i = 0; i < count(/<w:ins\b/g); i++) found.push({ kind: 'insertion', ...at });
    for (let i = 0; i < count(/<w:del\b/g); i++) found.push({ kind: 'deletion', ...at });
    for (let i = 0; i < count(/<w:txbxContent\b/g); i++) found.push({ kind: 'text-box', ...at });
    const fields = [...paragraph.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:fldSimple [^>]*w:instr="([^"]*)"/g)].map((f) => (f[1] ?? f[2] ?? '').trim().split(/\s+/)[0] ?? '').filter((f) => f !== '');
    for (const field of fields) found.push({ kind: 'field', ...at, detail: decodeXml(field) });
    if (style !== undefined && unmapped.has(style) && !seenStyles.has(style)) {
      seenStyles.add(style);
      found.push({ kind: 'style', ...at, detail: style });
    }
    if (style !== undefined && HEADING_STYLE.test(style) && text.trim() !== '') heading = decodeXml(text.trim());
  }
  return found;
}

/** The names of the paragraph styles, by style id (`Rubrik1` → `heading 1`). */
async function styleNames(docx: DocxFile): Promise<Map<string, string>> {
  const xml = (await docx.zip.file('word/styles.xml')?.async('string')) ?? '';
  const names = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>[\s\S]*?<w:name w:val="([^"]*)"/g)) {
    const name = decodeXml(m[2] ?? '');
    // Word's built-in names are lower case in styles.xml ("heading 1"); mammoth reports them capitalised.
    names.set(m[1] ?? '', name.replace(/^heading (\d)$/, 'Heading $1').replace(/^title$/, 'Title'));
  }
  return names;
}

/** The document's own properties (docProps/core.xml): title, author, description, created. */
export async function coreProperties(docx: DocxFile): Promise<{ title?: string; creator?: string; description?: string; created?: string }> {
  const xml = (await docx.zip.file('docProps/core.xml')?.async('string')) ?? '';
  const get = (tag: string): string | undefined => {
    const value = new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1];
    return value === undefined || value.trim() === '' ? undefined : decodeXml(value.trim());
  };
  const result: { title?: string; creator?: string; description?: string; created?: string } = {};
  const title = get('dc:title');
  const creator = get('dc:creator');
  const description = get('dc:description') ?? get('dc:subject');
  const created = get('dcterms:created');
  if (title) result.title = title;
  if (creator) result.creator = creator;
  if (description) result.description = description;
  if (created && /^\d{4}-\d{2}-\d{2}/.test(created)) result.created = created.slice(0, 10);
  return result;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[name.toLowerCase()] !== undefined) return named[name.toLowerCase()] as string;
    const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : all;
  });
}
