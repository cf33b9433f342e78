/** Lower case with the Swedish (and other Latin) letters folded to a–z: `Genomförande` → `genomforande`. */
export function foldSwedish(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss');
}

/** A file name from a heading: `Resultat och analys` → `resultat-och-analys` (at most six words). */
export function slug(text: string, fallback: string): string {
  const words = foldSwedish(text).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 6);
  return words.length ? words.join('-') : fallback;
}

/** A short key for data: the first word of four or more letters of a caption (`insatser`), unique. */
export function dataKey(text: string, taken: Set<string>, fallback: string): string {
  const words = foldSwedish(text)
    .replace(/^tabell\s*\d+[.:]?\s*/, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => /^[a-z]/.test(w));
  const base = words.find((w) => w.length >= 4) ?? words[0] ?? fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  taken.add(key);
  return key;
}
