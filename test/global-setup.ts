import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildInto } from './e2e/build.js';
import { REPO } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of one full build (HTML + PDF) of the real report. */
    realOut: string;
    /** What that build printed on stderr. */
    realStderr: string;
  }
}

/** Builds the real report once, as a user would (`redovisning build`), for the end-to-end tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { out, result } = await buildInto(REPO);
  if (result.code !== 0) throw new Error(`building the real report failed:\n${result.stderr}`);
  project.provide('realOut', out);
  project.provide('realStderr', result.stderr);
  return async () => {
    await rm(path.dirname(out), { recursive: true, force: true });
  };
}
