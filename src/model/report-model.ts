import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ParsedData } from '../parse/parse-data.js';
import { runChecks } from './checks.js';
import { computeValues } from './computed.js';
import { computeFigures, type FigureModel } from './figures.js';
import { DataPlaces } from './places.js';
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
  const usable = await validateData(data, diagnostics, validators);
  const rapport = data.files.get('rapport')?.value as Rapport | undefined;
  if (!usable || !rapport) return undefined;
  const scope: Record<string, unknown> = {};
  for (const [name, parsed] of data.files) if (!DECLARATIONS.has(name)) scope[name] = parsed.value;
  scope['bilagor'] ??= [];
  const places = new DataPlaces(data.files);
  if (!(await computeValues(data.files.get('berakning'), scope, diagnostics))) return undefined;
  const tables = await computeTables(data.files.get('tabeller'), scope, places, diagnostics);
  const figures = tables && (await computeFigures(data.files.get('figurer'), scope, tables, diagnostics));
  await runChecks(data.files.get('kontroller'), scope, places, diagnostics);
  if (!tables || !figures) return undefined;
  return { rapport, bilagor: scope['bilagor'] as Bilaga[], scope, tables, figures, places };
}
