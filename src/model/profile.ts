import { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ParsedData } from '../parse/parse-data.js';
import { validateData } from './validate.js';
import type { Validate } from './validators.js';

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The property names of a schema (or of one of its object properties), in the schema's order. */
function schemaOrder(schema: unknown): string[] {
  return isMapping(schema) && isMapping(schema['properties']) ? Object.keys(schema['properties']) : [];
}

/**
 * The report's fields over the profile's, field by field: a mapping both
 * have is merged the same way, anything else is the report's when it has
 * it. The report's fields keep their order; each field only the profile
 * has goes where the schema puts it among them, so a report that takes a
 * field from its profile reads (and publishes) as if it had written it.
 */
export function overlay(profile: Mapping, own: Mapping, schema: unknown): Mapping {
  const order = schemaOrder(schema);
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(own);
  for (const key of Object.keys(profile).filter((k) => !Object.hasOwn(own, k)).sort((a, b) => rank(a) - rank(b))) {
    const at = keys.findIndex((k) => rank(k) > rank(key));
    keys.splice(at < 0 ? keys.length : at, 0, key);
  }
  const properties = isMapping(schema) && isMapping(schema['properties']) ? schema['properties'] : {};
  const merged: Mapping = {};
  for (const key of keys) {
    const mine = own[key];
    const theirs = profile[key];
    merged[key] = !Object.hasOwn(own, key) ? theirs : isMapping(mine) && isMapping(theirs) ? overlay(theirs, mine, properties[key]) : mine;
  }
  return merged;
}

/**
 * Validates the report's agency profile against its schema (every problem
 * at its place in profil.yaml) and lays data/rapport.yaml over it, so that
 * the rest of the build reads one rapport. `ok` is false when the profile
 * is invalid: the report is then not built (its own problems are still
 * reported). The fields the report takes from the profile are returned,
 * by top-level name.
 */
export async function applyProfile(data: ParsedData, diagnostics: Diagnostics, memory?: Map<string, Validate>): Promise<{ ok: boolean; fromProfile: Set<string> }> {
  const profile = data.profile;
  const rapport = data.files.get('rapport');
  if (!profile) return { ok: true, fromProfile: new Set() };
  const validate = (value: unknown, into: Diagnostics): Promise<boolean> =>
    validateData({ files: new Map([['profil', { ...profile.parsed, value }]]), broken: new Set(), schemas: new Map([['profil', profile.schema]]) }, into, memory);
  const before = diagnostics.list.length;
  const valid = (await validate(profile.parsed.value, diagnostics)) && diagnostics.list.length === before;
  if (!rapport || !isMapping(rapport.value) || !isMapping(profile.parsed.value)) return { ok: false, fromProfile: new Set() };
  // An invalid profile still lends the report its valid fields, so the report's own check
  // does not also blame it for what the profile does give (a name, say); the report is not built.
  let fields = profile.parsed.value;
  if (!valid) {
    const usable: Mapping = {};
    for (const [key, value] of Object.entries(fields)) if (await validate({ [key]: value }, new Diagnostics())) usable[key] = value;
    fields = usable;
  }
  const fromProfile = new Set(Object.keys(fields).filter((key) => !Object.hasOwn(rapport.value as Mapping, key)));
  data.files.set('rapport', { ...rapport, value: overlay(fields, rapport.value, data.schemas.get('rapport')?.parsed.value) });
  return { ok: valid, fromProfile };
}
