#!/usr/bin/env node
// The `redovisning` command. In a checkout of the tool, src/ is compiled into
// lib/ first when it has changed (a few milliseconds to find out when it has
// not), in this same process; an installed package runs lib/ as it is.
import { existsSync } from 'node:fs';

const scripts = new URL('../scripts/compile.mjs', import.meta.url);
if (existsSync(new URL('../src/cli.ts', import.meta.url)) && existsSync(scripts)) {
  const { compile } = await import(scripts.href);
  await compile();
}
await import('../lib/cli.js');
