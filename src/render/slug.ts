/** A readable, ASCII id for a heading: `Slutsatser/rekommendationer` → `slutsatser-rekommendationer`. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[åä]/g, 'a')
      .replace(/ö/g, 'o')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'avsnitt'
  );
}
