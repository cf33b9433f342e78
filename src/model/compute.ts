import type { ReportData } from '../parse/schemas.js';

/** One row of the budget table with its computed total. */
export interface BudgetRow {
  projekt: string;
  titel: string;
  uppdrag: number;
  fou: number;
  totalt: number;
}

/** Figures computed from the data's rows; never typed by the author. */
export interface Computed {
  /** Column sums of the project budget rows. */
  summa: { uppdrag: number; fou: number; totalt: number };
  rader: BudgetRow[];
  /** The assignment's funds: the sum of its yearly amounts. */
  uppdragsmedel: number;
  /** What the assignment's funds were used for: project grants plus the agency's own work. */
  anvandaUppdragsmedel: number;
  /** Distinct coordinating institutions, by name, in order of first appearance. */
  koordinatorer: string[];
  /** Granted projects still running (granted minus final-reported). */
  pagaende: number;
}

/** The view model: the data as written plus computed figures and lookups by id. */
export interface ReportModel {
  data: ReportData;
  computed: Computed;
  institutionName: (id: string) => string;
  hasInstitution: (id: string) => boolean;
  /** Appendix number (1-based) by key. */
  appendixNumber: (key: string) => number | undefined;
}

/** Computes totals and lookups from validated data. Pure: no I/O. */
export function buildModel(data: ReportData): ReportModel {
  const names = new Map(data.larosaten.map((l) => [l.id, l.namn]));
  const titles = new Map(data.projekt.map((p) => [p.id, p.titel]));
  const institutionName = (id: string): string => names.get(id) ?? id;
  const rader = data.budget.projekt.map((row) => ({
    projekt: row.projekt,
    titel: titles.get(row.projekt) ?? row.projekt,
    uppdrag: row.uppdrag,
    fou: row.fou,
    totalt: row.uppdrag + row.fou,
  }));
  const sum = (pick: (r: BudgetRow) => number): number => rader.reduce((s, r) => s + pick(r), 0);
  const summa = { uppdrag: sum((r) => r.uppdrag), fou: sum((r) => r.fou), totalt: sum((r) => r.totalt) };
  const koordinatorer = [...new Set(data.projekt.map((p) => p.koordinator))].map(institutionName);
  const appendixKeys = new Map(data.bilagor.map((b, i) => [b.nyckel, i + 1]));
  return {
    data,
    computed: {
      summa,
      rader,
      uppdragsmedel: data.uppdrag.medel.reduce((s, m) => s + m.belopp, 0),
      anvandaUppdragsmedel: summa.uppdrag + data.budget.egetArbete,
      koordinatorer,
      pagaende: data.projekt.length - data.utlysning.slutrapporterade,
    },
    institutionName,
    hasInstitution: (id) => names.has(id),
    appendixNumber: (key) => appendixKeys.get(key),
  };
}

/**
 * The context chapters see in Handlebars: every data file by name,
 * `berakning` for computed figures, and `mote` (meetings by id).
 */
export function templateContext(model: ReportModel): Record<string, unknown> {
  return {
    ...model.data,
    berakning: model.computed,
    mote: Object.fromEntries(model.data.dialogmoten.map((m) => [m.id, m])),
  };
}
