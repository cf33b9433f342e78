// Bundles the generator (src/, TypeScript) into lib/ with esbuild: one file
// per lazily loaded command, so `check` starts without loading the PDF code.
// Costs nothing when nothing changed (esbuild is loaded only to build).
// Type checking is `npx tsc -p .` (run by npm test).
// Usage: node scripts/compile.mjs [--force]; bin/redovisning.js calls compile() itself.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time of the files under a folder. */
const newest = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);

/** Compiles src/ into lib/ when a source (or the lock file, or this script) is newer than lib/cli.js, or when forced. */
export async function compile({ force = false } = {}) {
  let built = 0;
  try {
    built = statSync(path.join(root, 'lib', 'cli.js')).mtimeMs;
  } catch {
    // not built yet
  }
  const lock = statSync(path.join(root, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const inputs = Math.max(newest(path.join(root, 'src')), lock, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (!force && built >= inputs) return false;
  const { build } = await import('esbuild');
  rmSync(path.join(root, 'lib'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // cli is the command; the others are for the benchmark, which times the stages.
    entryPoints: { cli: 'src/cli.ts', pipeline: 'src/pipeline.ts', 'write-output': 'src/write/write-output.ts', 'build-pdf': 'src/write/build-pdf.ts', 'print-worker': 'src/write/print-worker.ts', 'pdf-on-demand': 'src/preview/pdf-on-demand.ts', 'sandbox-process': 'src/sandbox-process.ts' },
    outdir: 'lib',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // ES2022 rather than node20: for node20 esbuild rewrites every regular expression with \p{…} into a
    // new RegExp() made on each call (Node 20 has them all).
    target: 'es2022',
    sourcemap: true,
    // Kept as a package: css-tree reads its data files at run time. puppeteer-core and pdf-lib are
    // bundled (some 180 and 400 files, each a third to half a second to load as packages); pdf-lib
    // from its ES modules, since as CommonJS in the bundle its dynamic import() finds none of its names.
    external: ['css-tree'],
    alias: { 'pdf-lib': 'pdf-lib/es/index.js' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await compile({ force: process.argv.includes('--force') });
