import { createHash } from 'node:crypto';

/**
 * The docx library stamps the clock into the document's properties and its
 * zip entries, names relationships with random ids, and numbers drawings and
 * bookmarks with counters that run on from one document to the next in the
 * same process, and obfuscates embedded fonts with random keys. This makes the same input give the same bytes: the dates
 * become the report's, and the ids are numbered in the order they appear.
 */

/** The ISO date-time a document property carries: `2020-03-30T00:00:00Z`. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Renumbers the values a pattern's one group (its last part) captures, in order of first appearance across the parts, from `start`. */
function renumber(parts: Map<string, string>, pattern: RegExp, make: (n: number) => string, start = 1): void {
  const seen = new Map<string, string>();
  for (const text of parts.values()) for (const m of text.matchAll(pattern)) if (m[1] !== undefined && !seen.has(m[1])) seen.set(m[1], make(start + seen.size));
  // The group is the pattern's last part: replaced there, not where the same digits come earlier in the match.
  for (const [name, text] of parts) {
    parts.set(name, text.replace(pattern, (whole: string, id: string) => {
      const at = whole.lastIndexOf(id);
      return `${whole.slice(0, at)}${seen.get(id) ?? id}${whole.slice(at + id.length)}`;
    }));
  }
}

/** XORs the first 32 bytes of an embedded font with its key (ECMA-376 part 2, font obfuscation): the same both ways. */
function obfuscate(font: Uint8Array, key: string): Uint8Array {
  const bytes = (key.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = new Uint8Array(font);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = (out[i] as number) ^ (bytes[i % 16] as number);
  return out;
}

/** The embedded fonts' random keys made from the fonts themselves, and the fonts obfuscated with them. */
function rekeyFonts(texts: Map<string, string>, files: Record<string, Uint8Array>): void {
  const table = texts.get('word/fontTable.xml');
  const rels = texts.get('word/_rels/fontTable.xml.rels');
  if (!table || !rels) return;
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1] as string, `word/${m[2]}`]));
  texts.set(
    'word/fontTable.xml',
    table.replace(/(<w:embed\w+ r:id="([^"]+)" w:fontKey=")(\{[0-9A-F-]+\})"/g, (whole, start: string, id: string, key: string) => {
      const file = targets.get(id);
      const font = file ? files[file] : undefined;
      if (!file || !font) return whole;
      const plain = obfuscate(font, key);
      const hex = createHash('sha256').update(plain).digest('hex').slice(0, 32).toUpperCase();
      const fresh = `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
      files[file] = obfuscate(plain, fresh);
      return `${start}${fresh}"`;
    }),
  );
}

/** Makes a docx package's bytes depend on its content only, after `edit` has changed its XML parts what the library cannot. */
export async function reproducible(parts: ReadonlyMap<string, string | Uint8Array>, date: Date, edit: (parts: Map<string, string>) => void = () => undefined): Promise<Uint8Array> {
  const { strFromU8, strToU8, zipSync } = await import('fflate');
  const names = [...parts.keys()].filter((n) => !n.endsWith('/'));
  const texts = new Map<string, string>();
  const files: Record<string, Uint8Array> = {};
  for (const name of names) {
    const data = parts.get(name) as string | Uint8Array;
    if (/\.(xml|rels)$/.test(name)) texts.set(name, typeof data === 'string' ? data : strFromU8(data));
    else files[name] = typeof data === 'string' ? strToU8(data) : data;
  }
  edit(texts);
  const stamp = isoSeconds(date);
  const core = texts.get('docProps/core.xml');
  if (core) texts.set('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`));
  // Relationship ids that are not rIdN are random: numbered, wherever they are used.
  const random = new Map<string, string>();
  for (const text of texts.values()) for (const m of text.matchAll(/\bId="((?!rId\d+")[^"]+)"/g)) if (m[1] && !random.has(m[1])) random.set(m[1], `rIdR${random.size + 1}`);
  if (random.size) {
    const any = new RegExp(`"(${[...random.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
    for (const [name, text] of texts) texts.set(name, text.replace(any, (_, id: string) => `"${random.get(id) ?? id}"`));
  }
  // Drawings and bookmarks, by counters shared across documents.
  renumber(texts, /<wp:docPr id="(\d+)"/g, String);
  renumber(texts, /<w:bookmark(?:Start|End)\b[^>]*? w:id="(\d+)"/g, String, 0);
  renumber(texts, /\b_Toc(\d+)\b/g, String);
  rekeyFonts(texts, files);
  const out: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  // Images are compressed already: stored as they are.
  for (const name of names) out[name] = texts.has(name) ? strToU8(texts.get(name) as string) : /\.(png|jpe?g)$/i.test(name) ? [files[name] as Uint8Array, { level: 0 }] : (files[name] as Uint8Array);
  // The zip's dates are local time: the report's date in UTC, whatever the machine's zone.
  return zipSync(out, { level: 6, mtime: new Date(date.getTime() + date.getTimezoneOffset() * 60_000) });
}
