import { joinList } from '../../format/swedish.js';
import { HelperError, requireString, type HelperOptions } from './helper-error.js';
import type { HelperFactory } from './registry.js';

/**
 * `{{bilaga "bedomningspanel"}}` → `bilaga 3`, linked to the appendix.
 * Every use is recorded as a mention of that appendix for the checks.
 */
export const bilagaHelper: HelperFactory = ({ model, hb, mentions }) => (key: unknown, options: HelperOptions) => {
  const k = requireString('bilaga', key, options);
  const n = model.appendixNumber(k);
  if (n === undefined) {
    const keys = model.data.bilagor.map((b) => `"${b.nyckel}"`).join(', ');
    throw new HelperError(`{{bilaga "${k}"}}: no appendix with that key in data/bilagor.yaml; known keys: ${keys}`, options.loc);
  }
  mentions.push({ number: n, line: options.loc?.start.line ?? 1, column: (options.loc?.start.column ?? 0) + 1 });
  return new hb.SafeString(`[bilaga ${n}](#bilaga-${n})`);
};

/** `{{larosate "lu"}}` → `Lunds universitet`. */
export const larosateHelper: HelperFactory = ({ model }) => (id: unknown, options: HelperOptions) => {
  const key = requireString('larosate', id, options);
  if (!model.hasInstitution(key)) {
    throw new HelperError(`{{larosate "${key}"}}: no institution with that id in data/larosaten.yaml`, options.loc);
  }
  return model.institutionName(key);
};

/** `{{larosatelista medverkande}}` → `Högskolan Väst, Blekinge tekniska högskola och Örebro universitet`. */
export const larosatelistaHelper: HelperFactory = ({ model }) => (ids: unknown, options: HelperOptions) => {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new HelperError('{{larosatelista}} needs a list of institution ids', options.loc);
  }
  return joinList(ids.map((id: string) => model.institutionName(id)));
};
