import { z } from 'zod';

/** A calendar date written ISO style, `2020-03-30`. */
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  message: 'expected a date written YYYY-MM-DD, e.g. "2020-03-30" (quoted)',
});
/** A date or a month, `2018-02` or `2018-02-15`. */
const isoDateOrMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
  message: 'expected a date written YYYY-MM-DD or a month written YYYY-MM (quoted)',
});
/** Whole, non-negative kronor. */
const kronor = z.number().int({ message: 'expected whole kronor (no decimals)' }).nonnegative({ message: 'expected an amount of 0 kronor or more' });
const count = z.number().int({ message: 'expected a whole number' }).nonnegative({ message: 'expected a count of 0 or more' });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected an id of lower-case letters a-z, digits and hyphens, e.g. "ai-kurser"' });
const text = z.string().trim().min(1, { message: 'expected text, found an empty string' });

/** `data/rapport.yaml`: letterhead and document metadata. */
export const rapportSchema = z.strictObject({
  myndighet: text,
  titel: text,
  /** A shorter title for the browser tab and search results (at most 70 characters). */
  kortTitel: z.string().trim().min(1).max(70, { message: 'expected at most 70 characters: browsers and search engines cut longer titles' }).optional(),
  beskrivning: text,
  datum: isoDate,
  dnr: text,
  ertDnr: text,
  mottagare: z.array(text).min(1),
  sprak: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'expected a language tag such as "sv-SE"' }),
  tabeller: z.record(z.string(), text),
});

/** `data/uppdrag.yaml`: the assignment. */
export const uppdragSchema = z.strictObject({
  beslut: isoDateOrMonth,
  medel: z.array(z.strictObject({ ar: z.number().int().min(1900).max(2999), belopp: kronor })).min(1),
  redovisasSenast: isoDate,
  ledning: text,
});

/** `data/dialogmoten.yaml`: the dialogue meetings. */
export const dialogmotenSchema = z.array(
  z.strictObject({ id, datum: isoDate, plats: text, deltagare: z.array(text).min(1) }),
);

/** `data/utlysning.yaml`: the call and its statistics. */
export const utlysningSchema = z.strictObject({
  inbjudnaLarosaten: count,
  skisser: count,
  skisslarosaten: count,
  soktBelopp: kronor,
  inbjudnaTillAnsokan: count,
  fullstandigaAnsokningar: count,
  beviljade: count,
  experter: count,
  slutrapporterade: count,
  tidslinje: z.record(z.string(), isoDateOrMonth),
});

/** `data/larosaten.yaml`: institutions, named once. */
export const larosatenSchema = z.array(z.strictObject({ id, namn: text }));

/** `data/projekt.yaml`: the granted projects. */
export const projektSchema = z.array(
  z.strictObject({ id, titel: text, koordinator: id, medverkande: z.array(id) }),
);

/** `data/budget.yaml`: funds per project and the agency's own costs. */
export const budgetSchema = z.strictObject({
  /** `totalt` is optional: when an author types it, the build checks it against uppdrag + fou. */
  projekt: z.array(z.strictObject({ projekt: id, uppdrag: kronor, fou: kronor, totalt: kronor.optional() })),
  egetArbete: kronor,
  /** Optional stated column sums, checked against the rows. */
  summa: z.strictObject({ uppdrag: kronor.optional(), fou: kronor.optional(), totalt: kronor.optional() }).optional(),
});

/** `data/bilagor.yaml`: the appendix register, in appendix order. */
export const bilagorSchema = z.array(
  z.strictObject({
    nyckel: id,
    titel: text,
    innehall: z.string().regex(/^[^/\\][^\\]*\.md$/, { message: 'expected a Markdown file path under content/, e.g. "bilagor/projekt.md"' }).optional(),
    pdf: z.string().regex(/^[^/\\][^\\]*\.pdf$/, { message: 'expected a PDF file path inside the report root, e.g. "bilagor/program.pdf"' }).optional(),
  }),
);

/** Every data file the report needs, by base name, with its schema. */
export const DATA_SCHEMAS = {
  rapport: rapportSchema,
  uppdrag: uppdragSchema,
  dialogmoten: dialogmotenSchema,
  utlysning: utlysningSchema,
  larosaten: larosatenSchema,
  projekt: projektSchema,
  budget: budgetSchema,
  bilagor: bilagorSchema,
} as const;

export type DataName = keyof typeof DATA_SCHEMAS;

/** The report's facts, exactly as the YAML states them (validated). */
export type ReportData = { [K in DataName]: z.infer<(typeof DATA_SCHEMAS)[K]> };
