/**
 * The docx library stamps the clock into the document's properties and its
 * zip entries, names relationships with random ids, and numbers drawings and
 * bookmarks with counters that run on from one document to the next in the
 * same process. This makes the same input give the same bytes: the dates
 * become the report's, and the ids are numbered in the order they appear.
 */

/** The ISO date-time a document property carries: `2020-03-30T00:00:00Z`. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Renumbers the values a pattern's first group captures, in order of first appearance across the parts, from `start`. */
function renumber(parts: Map<string, string>, pattern: RegExp, make: (n: number) => string, start = 1): void {
  const seen = new Map<string, string>();
  for (const text of parts.values()) for (const m of text.matchAll(pattern)) if (m[1] !== undefined && !seen.has(m[1])) seen.set(m[1], make(start + seen.size));
  for (const [name, text] of parts) parts.set(name, text.replace(pattern, (whole: string, id: string) => whole.replace(id, seen.get(id) ?? id)));
}

/** Makes a docx package's bytes depend on its content only, adding `addStyles` (XML) to its styles. */
export async function reproducible(bytes: Uint8Array, date: Date, addStyles = ''): Promise<Uint8Array> {
  const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const texts = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) texts.set(name, strFromU8(files[name] as Uint8Array));
  // Styles the library cannot write (a table style) join the others.
  const styles = texts.get('word/styles.xml');
  if (styles && addStyles) texts.set('word/styles.xml', styles.replace('</w:styles>', `${addStyles}</w:styles>`));
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
  renumber(texts, /<w:bookmark(?:Start|End) w:id="(\d+)"/g, String, 0);
  const out: Record<string, Uint8Array> = {};
  for (const name of names) out[name] = texts.has(name) ? strToU8(texts.get(name) as string) : (files[name] as Uint8Array);
  // The zip's dates are local time: the report's date in UTC, whatever the machine's zone.
  return zipSync(out, { level: 6, mtime: new Date(date.getTime() + date.getTimezoneOffset() * 60_000) });
}
