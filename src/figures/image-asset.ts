/**
 * What the rest of the build knows of an image, without the code that reads
 * and sanitises it (images.ts, loaded only for a report with images).
 */

/** An image of the report, checked and ready for both outputs. */
export interface ImageAsset {
  /** Its path in the report root, as the author wrote it. */
  source: string;
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  /** The bytes that are published: an SVG's after sanitising. */
  bytes: Buffer;
  /** Where the web page finds it: `assets/karta-1a2b3c4d5e.svg` (the name changes with the content). */
  href: string;
  /** Its size in CSS pixels, when the file says. */
  width: number | undefined;
  height: number | undefined;
  /** What sanitising took out of an SVG that could have run or fetched. */
  removed: string[];
}

/** Why an image cannot be used, as a catalogue id with its parameters. */
export type ImageProblem =
  | { id: 'image-missing' | 'image-outside' | 'image-format' | 'image-format.damaged'; params: { path: string } }
  | { id: 'image-too-large.pixels'; params: { path: string; width: number; height: number; side: number; pixels: number } }
  | { id: 'image-too-large'; params: { path: string; size: number; limit: number } };

/** True for an image path in the report (not an address, not an absolute path): only those are used. */
export function isLocalImage(url: string): boolean {
  return url.trim() !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('\\');
}

/** The image as a data: URL, for the print document (which loads nothing from files). */
export function dataUrl(image: ImageAsset): string {
  return `data:${image.mime};base64,${image.bytes.toString('base64')}`;
}
