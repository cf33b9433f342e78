import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { findProfile, isFolderName, PROFILE_FILE } from '../load/load-profile.js';
import { TOOL_ROOT } from '../load/load-report.js';

/** A profile `init --profil` starts a report from: how data/rapport.yaml names it, and its fields. */
export interface InitProfile {
  /** What `profil:` says: a folder relative to the new report root, or the package name. */
  written: string;
  fields: Record<string, unknown>;
}

/**
 * Finds the profile `init --profil <name>` names: a folder (relative to the
 * current folder, as the shell has it) or a package installed where the new
 * report or the tool can find it. Undefined when it is not there or has no
 * readable profil.yaml.
 */
export async function findInitProfile(target: string, name: string): Promise<InitProfile | undefined> {
  const folder = isFolderName(name);
  const dir = folder ? await findProfile(process.cwd(), name, TOOL_ROOT) : await findProfile(target, name, TOOL_ROOT);
  if (!dir) return undefined;
  let fields: unknown;
  try {
    fields = yaml.load(await readFile(path.join(dir, PROFILE_FILE), 'utf8'), { maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return undefined;
  const relative = path.relative(target, path.resolve(name)).split(path.sep).join('/');
  return { written: folder ? (relative.startsWith('.') ? relative : `./${relative}`) : name, fields: fields as Record<string, unknown> };
}

/**
 * A starter's data/rapport.yaml made to use a profile: `profil:` where the
 * agency's name was, and the fields the profile gives taken out (a one-line
 * field, or a one-line entry of a mapping such as oppnaData's kontakt), so
 * the report takes them from the profile. `comment` is the line's comment.
 */
export function useProfile(source: string, profile: InitProfile, comment: string): string {
  const lines = source.split('\n');
  const out: string[] = [];
  let block: string | undefined;
  for (const line of lines) {
    const top = /^([A-Za-z]\w*):/.exec(line)?.[1];
    if (top !== undefined) block = top;
    if (top === 'myndighet') out.push(`# ${comment}`, `profil: ${profile.written}`);
    const given = profile.fields;
    if (top !== undefined && Object.hasOwn(given, top) && !isMapping(given[top])) continue;
    const child = /^ {2}([A-Za-z]\w*):/.exec(line)?.[1];
    const parent = block !== undefined ? given[block] : undefined;
    if (top === undefined && child !== undefined && isMapping(parent) && Object.hasOwn(parent, child)) continue;
    if (top === 'myndighet') continue;
    out.push(line);
  }
  return out.join('\n');
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
