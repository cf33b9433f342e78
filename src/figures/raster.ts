import { createInflate } from 'node:zlib';

/** Largest width or height of a PNG or JPEG image, in pixels. */
export const MAX_IMAGE_SIDE = 10_000;
/** Largest number of pixels of a PNG or JPEG image (width × height). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** CRC-32 as PNG computes it (the table made once). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Bits per pixel of a PNG colour type, per bit of depth: grey, -, RGB, palette, grey+alpha, -, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** The bytes a PNG's image data inflate to: one filter byte per row, per pass of the Adam7 interlace. */
function pngDataLength(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number): number => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  // Adam7: each pass's start and step, across and down.
  const passes = [[0, 8, 0, 8], [4, 8, 0, 8], [0, 4, 4, 8], [2, 4, 0, 4], [0, 2, 2, 4], [1, 2, 0, 2], [0, 1, 1, 2]] as const;
  return passes.reduce((sum, [x0, dx, y0, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0);
}

/** True when the zlib stream in `parts` inflates to exactly `expected` bytes; counted as it streams, never held in memory. */
function inflatesTo(parts: Buffer[], expected: number): Promise<boolean> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let length = 0;
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > expected) {
        inflate.destroy();
        resolve(false);
      }
    });
    inflate.on('error', () => resolve(false));
    inflate.on('end', () => resolve(length === expected));
    for (const part of parts) inflate.write(part);
    inflate.end();
  });
}

/**
 * True when a PNG file is whole: every chunk is complete with a correct
 * CRC, it ends with IEND, and its image data inflate to exactly the bytes
 * its header promises (a file cut short, or damaged in the middle, is not).
 */
export async function pngIsWhole(bytes: Buffer): Promise<boolean> {
  let at = 8;
  const data: Buffer[] = [];
  let header: { width: number; height: number; bits: number; interlaced: boolean } | undefined;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > bytes.length) return false;
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return false;
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR' && length >= 13) {
      const channels = CHANNELS[body[9] as number];
      if (channels === undefined) return false;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bits: (body[8] as number) * channels, interlaced: body[12] === 1 };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      if (!header || data.length === 0) return false;
      return inflatesTo(data, pngDataLength(header.width, header.height, header.bits, header.interlaced));
    }
    at = end;
  }
  return false;
}

/**
 * True when a JPEG file is whole: its segments are complete up to the
 * scan, and the compressed data end with the end-of-image marker (a file
 * cut short has none).
 */
export function jpegIsWhole(bytes: Buffer): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let at = 2;
  let scanned = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) return scanned;
    const length = bytes.readUInt16BE(at + 2);
    if (at + 2 + length > bytes.length) return false;
    at += 2 + length;
    if (marker === 0xda) {
      scanned = true;
      // The compressed data run to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !((bytes[at + 1] as number) >= 0xd0 && (bytes[at + 1] as number) <= 0xd7))) at++;
      if (at + 1 >= bytes.length) return false;
    }
  }
  return at + 2 <= bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xd9 && scanned;
}
