// Bundles the generator (src/, TypeScript) into lib/ with esbuild: one file
// per lazily loaded command, so `check` starts without loading the PDF code.
// Quick when nothing changed. Type checking is `npx tsc -p .` (run by npm test).
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const newest = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);
const built = (() => {
  try {
    return statSync(path.join(root, 'lib', 'cli.js')).mtimeMs;
  } catch {
    return 0;
  }
})();
const inputs = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'package-lock.json')).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (process.argv.includes('--force') || built < inputs) {
  rmSync(path.join(root, 'lib'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // cli is the command; the others are for the benchmark, which times the stages.
    entryPoints: { cli: 'src/cli.ts', pipeline: 'src/pipeline.ts', 'write-output': 'src/write/write-output.ts', 'build-pdf': 'src/write/build-pdf.ts' },
    outdir: 'lib',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // Loaded only by the PDF step; kept as packages (puppeteer-core loads parts of itself at run time).
    external: ['puppeteer-core', 'pdf-lib'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
