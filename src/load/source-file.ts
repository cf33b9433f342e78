/** One file of the report as read from disk, with its path relative to the report root. */
export interface SourceFile {
  /** Path relative to the report root, with forward slashes (`data/budget.yaml`). */
  path: string;
  /** Absolute path on disk. */
  absolute: string;
  text: string;
}

import type { ProfileSources } from './load-profile.js';

/** Everything a build reads, gathered by the load stage before any parsing. */
export interface Sources {
  /** Absolute path of the report root. */
  root: string;
  /** `content/*.md`, ordered by file name (the numeric prefix orders chapters). */
  chapters: SourceFile[];
  /** Other Markdown files under `content/` (appendix bodies), by relative path. */
  extraContent: Map<string, SourceFile>;
  /** `data/*.yaml` (and `.yml`), by base name without extension. */
  data: Map<string, SourceFile>;
  /** The report's own JSON Schemas, `schemas/<name>.schema.json`, by data file name. */
  schemas: Map<string, SourceFile>;
  /** The tool's schemas of the core files (rapport, bilagor, tabeller, figurer, berakning, kontroller), by name. */
  coreSchemas: Map<string, SourceFile>;
  /** Templates: the report root's own override the profile's, which override the tool's built-in ones, by name (`partials/x.hbs`). */
  templates: Map<string, SourceFile>;
  /** The agency profile that data/rapport.yaml names (`profil:`), when it names one that was found. */
  profile?: ProfileSources;
  /** The profile's schema (the tool's `schemas/profil.schema.json`), read when there is a profile. */
  profileSchema?: SourceFile;
  /** Font files to publish as `assets/fonts/<name>`: the profile's `fonts/`, then the report's own, by file name. */
  fonts: Map<string, string>;
}
