#!/usr/bin/env bash
# The long fuzz run: thousands of randomly damaged copies of the real report
# (FUZZ_RUNS, default 5000) with a fresh seed each time (or FUZZ_SEED), plus the
# hostile-input corpus, and random SVG styles and attached PDFs (damaged, with active
# content). Prints the seed so a failure can be replayed.
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_RUNS="${FUZZ_RUNS:-5000}"
export FUZZ_SEED="${FUZZ_SEED:-$(date +%s)}"
echo "fuzz: ${FUZZ_RUNS} runs, seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED} npm run fuzz)"
node scripts/compile.mjs --force
npx vitest run test/robustness/damage.test.ts test/robustness/hostile.test.ts test/robustness/assets-fuzz.test.ts
