/**
 * Advance widths of Source Sans 3 (the report's font), in thousandths of an
 * em, for Latin-1 and common punctuation: regular (400) and semibold (600).
 * Read once from the font files with opentype.js; they let charts measure
 * their text as it will be drawn, the same on every machine.
 */
const CHARACTERS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff\u2013\u2014\u2019\u201c\u201d\u2026\u2212\u20ac\u2009\u202f";
const REGULAR = [200,289,426,497,497,824,609,249,303,303,418,497,249,311,249,350,497,497,497,497,497,497,497,497,497,497,249,249,497,497,497,425,847,543,588,571,615,527,494,617,652,263,479,579,486,727,647,664,566,664,569,534,536,645,515,786,513,476,539,303,350,303,497,500,542,504,553,456,555,496,292,504,544,246,247,495,255,829,547,542,555,555,347,419,338,544,467,719,446,467,425,303,241,303,497,200,289,497,497,497,497,241,497,542,744,345,429,497,311,423,542,331,497,367,367,542,562,560,249,542,367,365,429,781,808,796,425,544,544,544,544,544,544,822,571,527,527,527,527,263,263,263,263,639,647,664,664,664,664,664,497,664,645,645,645,645,476,583,576,504,504,504,504,504,504,778,456,496,496,496,496,246,246,246,246,544,547,542,542,542,542,542,497,542,544,544,544,544,467,555,467,480,800,249,426,426,948,497,497,100,653];
const SEMIBOLD = [200,315,482,513,513,841,639,275,324,324,438,513,275,322,275,344,513,513,513,513,513,513,513,513,513,513,275,275,513,513,513,444,875,558,597,576,625,538,510,628,663,282,494,597,502,745,657,674,582,674,592,545,546,655,536,800,541,501,540,324,344,324,513,500,549,516,563,462,564,507,317,520,558,262,263,522,271,843,560,549,564,564,373,431,361,556,495,748,481,495,443,324,255,324,513,200,315,513,513,513,513,255,513,549,747,352,455,513,322,443,549,348,513,372,372,549,578,599,275,549,372,369,455,795,827,807,444,558,558,558,558,558,558,834,576,538,538,538,538,282,282,282,282,651,656,674,674,674,674,674,513,674,655,655,655,655,501,600,604,516,516,516,516,516,516,780,462,507,507,507,507,262,262,262,262,552,560,549,549,549,549,549,513,549,556,556,556,556,495,564,495,480,800,275,482,482,964,513,513,100,672];

/** Width of a character the table lacks: an average lowercase letter. */
const FALLBACK = 500;

const table = (widths: readonly number[]): Map<string, number> => new Map([...CHARACTERS].map((c, i) => [c, widths[i] ?? FALLBACK]));
const WIDTHS = { regular: table(REGULAR), semibold: table(SEMIBOLD) };

/** The width in pixels of a line of text set in Source Sans 3 at a size and weight. */
export function textWidth(text: string, fontSize: number, fontWeight: number | string | undefined): number {
  const weight = typeof fontWeight === 'number' ? fontWeight : fontWeight === 'bold' ? 700 : Number(fontWeight) || 400;
  const widths = weight >= 600 ? WIDTHS.semibold : WIDTHS.regular;
  let total = 0;
  for (const c of text) total += widths.get(c) ?? FALLBACK;
  return (total * fontSize) / 1000;
}
