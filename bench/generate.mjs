// Generates a synthetic report N times the real one: chapters, paragraphs,
// footnotes, projects, institutions, budget rows and appendices all scaled,
// consistent enough to check clean. Usage: node bench/generate.mjs <N> <dir>
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A suffix that keeps copies' names more than one edit apart (the near-duplicate check). */
const tag = (k) => (k === 0 ? '' : ` ${String(k).repeat(3)}`);

/**
 * Writes a report `scale` times the size of the real report into `dir`.
 * @param {number} scale
 * @param {string} dir
 */
export async function generate(scale, dir) {
  const read = async (f) => yaml.load(await readFile(path.join(REPO, 'data', f), 'utf8'));
  const [rapport, uppdrag, dialogmoten, utlysning, larosaten, projekt, budget, bilagor, berakning, kontroller, tabeller] = await Promise.all(
    ['rapport', 'uppdrag', 'dialogmoten', 'utlysning', 'larosaten', 'projekt', 'budget', 'bilagor', 'berakning', 'kontroller', 'tabeller'].map((n) => read(`${n}.yaml`)),
  );
  const copies = Array.from({ length: scale }, (_, k) => k);
  const id = (base, k) => (k === 0 ? base : `${base}-${k}`);
  const data = {
    rapport,
    uppdrag: { ...uppdrag, medel: uppdrag.medel.map((m) => ({ ...m, belopp: m.belopp * scale })) },
    dialogmoten,
    utlysning: Object.fromEntries(Object.entries(utlysning).map(([k, v]) => [k, typeof v === 'number' ? v * scale : v])),
    larosaten: copies.flatMap((k) => larosaten.map((l) => ({ id: id(l.id, k), namn: `${l.namn}${tag(k)}` }))),
    projekt: copies.flatMap((k) => projekt.map((p) => ({ ...p, id: id(p.id, k), titel: `${p.titel}${tag(k)}`, koordinator: id(p.koordinator, k), medverkande: p.medverkande.map((m) => id(m, k)) }))),
    budget: { projekt: copies.flatMap((k) => budget.projekt.map((r) => ({ ...r, projekt: id(r.projekt, k) }))), egetArbete: budget.egetArbete * scale },
    // One appendix lists the projects (as in the real report); the copies' appendices have no body.
    bilagor: copies.flatMap((k) => bilagor.map((b) => (k === 0 ? b : { nyckel: id(b.nyckel, k), titel: `${b.titel}${tag(k)}` }))),
    // The model (computed values, checks, tables) is the real report's, unchanged.
    berakning,
    kontroller,
    tabeller,
  };
  // Counts in the text come from data; the call's counts scale so they stay consistent.
  data.utlysning.slutrapporterade = utlysning.slutrapporterade;
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await cp(path.join(REPO, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  // The report's word list, for the spelling check, and its agency profile (data/rapport.yaml names it).
  await cp(path.join(REPO, 'ordlista.txt'), path.join(dir, 'ordlista.txt'));
  await cp(path.join(REPO, 'profiler', 'vinnova'), path.join(dir, 'profiler', 'vinnova'), { recursive: true });
  for (const [name, value] of Object.entries(data)) await writeFile(path.join(dir, 'data', `${name}.yaml`), yaml.dump(value, { lineWidth: -1 }));

  await mkdir(path.join(dir, 'content', 'bilagor'), { recursive: true });
  await cp(path.join(REPO, 'content', 'bilagor'), path.join(dir, 'content', 'bilagor'), { recursive: true });
  const chapters = (await readdir(path.join(REPO, 'content'))).filter((f) => f.endsWith('.md')).sort();
  let file = 0;
  for (const k of copies) {
    for (const chapter of chapters) {
      let text = await readFile(path.join(REPO, 'content', chapter), 'utf8');
      text = text
        .replace(/\[\^([^\]]+)\]/g, (_, label) => `[^${label}-${k}]`)
        .replace(/\b(bilaga) (\d+)/gi, (_, word, n) => `${word} ${Number(n) + 6 * k}`)
        // The two tables list every project once; the copies refer to them.
        .replace(/^\{\{> (projekttabell|budgettabell)\}\}\n/gm, k === 0 ? '$&' : '');
      if (k > 0) text = text.replace(/^# (.*)$/m, `# $1${tag(k)}`);
      await writeFile(path.join(dir, 'content', `${String(++file).padStart(4, '0')}-${chapter.replace(/^\d+-/, '')}`), text);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [scale = '10', dir = `/tmp/redovisning-${scale}x`] = process.argv.slice(2);
  await generate(Number(scale), dir);
  process.stdout.write(`${dir}\n`);
}
