import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { FONT_DIR } from '../../render/fonts.js';

/**
 * A WOFF 1.0 font as the TrueType (SFNT) file it wraps (W3C WOFF 1.0,
 * section 4–5): each table inflated when it is compressed, laid out again
 * four-byte aligned behind a new table directory. Word embeds TrueType
 * fonts; the npm package of the report's font ships WOFF and WOFF2.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const source = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (source.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = source.readUInt32BE(4);
  const count = source.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = source.readUInt32BE(at + 4);
    const compressed = source.readUInt32BE(at + 8);
    const length = source.readUInt32BE(at + 12);
    const raw = source.subarray(offset, offset + compressed);
    return { tag: source.readUInt32BE(at), checksum: source.readUInt32BE(at + 16), data: compressed < length ? inflateSync(raw) : raw };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, i) => {
    header.writeUInt32BE(table.tag, 12 + i * 16);
    header.writeUInt32BE(table.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(table.data.length, 24 + i * 16);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** The report's font's four faces Word knows (regular, bold, italic, bold italic), as TrueType, for embedding. */
export async function embeddedFaces(): Promise<{ data: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer }> {
  const face = async (weight: number, style: string): Promise<Buffer> => woffToSfnt(await readFile(path.join(FONT_DIR, `source-sans-3-latin-${weight}-${style}.woff`)));
  const [data, bold, italic, boldItalic] = await Promise.all([face(400, 'normal'), face(700, 'normal'), face(400, 'italic'), face(700, 'italic')]);
  return { data, bold, italic, boldItalic };
}
