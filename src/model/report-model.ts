import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ParsedData } from '../parse/parse-data.js';
import { runChecks } from './checks.js';
import { computeValues } from './computed.js';
import { computeFigures, type FigureModel } from './figures.js';
import { DataPlaces } from './places.js';
import { applyProfile } from './profile.js';
import { shareScope, startSandbox } from './sandbox-runner.js';
import { computeTables, type TableModel } from './tables.js';
import { validateData } from './validate.js';
import type { Validate } from './validators.js';

/** A person in the closing decision block. */
export interface Person {
  namn: string;
  titel: string;
}

/** `data/rapport.yaml`: what every redovisning states about itself (validated by the core schema). */
export interface Rapport {
  myndighet: string;
  /** The agency's logo, a file in the report root. */
  logotyp?: string;
  titel: string;
  kortTitel?: string;
  beskrivning: string;
  datum: string;
  dnr: string;
  ertDnr?: string;
  mottagare: string[];
  sprak?: string;
  beslut?: { beslutsfattare: Person; foredragande: Person; deltagare?: Person[] };
  oppnaData?: OpenDataSettings;
  sprakkontroll?: LanguageSettings;
  /** `sifferkontroll`: each check of the figures in the prose as errors (the default) or warnings. */
  sifferkontroll?: Record<string, 'fel' | 'varning'>;
}

/** The report's settings for the language checks (`sprakkontroll` in rapport.yaml). */
export interface LanguageSettings {
  /** LIX above which a chapter gets a warning (default 50, "svår"). */
  lix?: number;
  /** Words in a sentence above which it gets a warning (default 35). */
  meningslangd?: number;
  /** Language warnings are errors (as `--strict`). */
  strikt?: boolean;
  /** The report's word list, from the report root (default `ordlista.txt`). */
  ordlista?: string;
}

/** Where the report's open data is published and who answers for it (DCAT-AP-SE). */
export interface OpenDataSettings {
  webbadress?: string;
  licens?: string;
  kontakt?: { namn: string; epost: string };
  organisationsnummer?: string;
  tema?: string[];
  nyckelord?: string[];
  /** The place the data covers, as an address (the EU's countries and places, or GeoNames). */
  omrade?: string;
  /** The period the data covers: a year, a month or a day at each end. */
  tidsperiod?: { fran: string; till: string };
  /** The publisher's type in ADMS's vocabulary (default NationalAuthority). */
  utgivartyp?: string;
}

/** An entry of the appendix register, `data/bilagor.yaml`. */
export interface Bilaga {
  nyckel: string;
  titel: string;
  innehall?: string;
  pdf?: string;
}

/** Core files that declare the model rather than state facts: not part of the data templates see. */
const DECLARATIONS = new Set(['tabeller', 'figurer', 'kontroller', 'berakning']);

/**
 * The report as the rest of the build sees it: the core facts, every data
 * file by name with the computed values as `berakning` (what templates and
 * expressions read), the declared tables with their rows, and the declared
 * figures with their data.
 */
export interface ReportModel {
  rapport: Rapport;
  bilagor: Bilaga[];
  /** Every data file by base name, plus `berakning`: the context of templates and expressions. */
  scope: Record<string, unknown>;
  tables: TableModel[];
  figures: FigureModel[];
  places: DataPlaces;
  /** The agency profile the report is built on: its folder, and the fields of rapport taken from it. */
  profile?: { root: string; fields: ReadonlySet<string> };
}

/**
 * The model stage: validates every data file against its schema, computes
 * the declared values, runs the declared checks and computes the declared
 * tables. Every problem is a diagnostic; the model is returned only when
 * the data is valid and every value and table could be computed (failed
 * checks are reported but leave the model usable, so later stages still
 * report their own problems in the same run).
 */
export async function buildModel(data: ParsedData, diagnostics: Diagnostics, validators?: Map<string, Validate>): Promise<ReportModel | undefined> {
  // The sandbox that runs the report's expressions starts while the data is validated.
  if (['berakning', 'kontroller', 'tabeller', 'figurer'].some((name) => data.files.has(name)) || [...data.schemas.values()].some((schema) => schema.parsed.file.text.includes('"referens"'))) startSandbox();
  const profiled = await applyProfile(data, diagnostics, validators);
  const usable = await validateData(data, diagnostics, validators);
  const written = data.files.get('rapport')?.value as (Rapport & { profil?: string }) | undefined;
  if (!usable || !profiled.ok || !written) return undefined;
  // `profil` says what the report is built on; it is not one of its facts.
  const { profil, ...rapport } = written;
  const scope: Record<string, unknown> = {};
  for (const [name, parsed] of data.files) if (!DECLARATIONS.has(name)) scope[name] = name === 'rapport' ? rapport : parsed.value;
  scope['bilagor'] ??= [];
  shareScope(scope);
  const places = new DataPlaces(data.files, data.profile && new Map([['rapport', data.profile.parsed]]));
  if (!(await computeValues(data.files.get('berakning'), scope, diagnostics))) return undefined;
  const tables = await computeTables(data.files.get('tabeller'), scope, places, diagnostics);
  const figures = tables && (await computeFigures(data.files.get('figurer'), scope, tables, diagnostics));
  await runChecks(data.files.get('kontroller'), scope, places, diagnostics);
  if (!tables || !figures) return undefined;
  const model: ReportModel = { rapport, bilagor: scope['bilagor'] as Bilaga[], scope, tables, figures, places };
  if (profil !== undefined && data.profile) model.profile = { root: data.profile.root, fields: profiled.fromProfile };
  return model;
}
