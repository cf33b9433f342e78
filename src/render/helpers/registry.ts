import type HandlebarsNs from 'handlebars';
import type { ReportModel } from '../../model/compute.js';
import { antalHelper, arHelper, datumHelper } from './counts-and-dates.js';
import { kronorHelper, miljonerHelper, mkrHelper, mnkrHelper, talHelper, tkrHelper } from './money.js';
import { bilagaHelper, larosateHelper, larosatelistaHelper } from './references.js';

/** A mention of an appendix made through the `bilaga` helper (template line, 1-based column). */
export interface HelperMention {
  number: number;
  line: number;
  column: number;
}

/** What a helper may use: the model, the Handlebars instance, and a place to record mentions. */
export interface HelperDeps {
  model: ReportModel;
  hb: typeof HandlebarsNs;
  mentions: HelperMention[];
}

// Handlebars' own helper type is `(...args: any[]) => any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HelperFactory = (deps: HelperDeps) => (...args: any[]) => unknown;

/** Every helper a chapter may call, by name. Adding a helper is adding an entry here. */
export const HELPERS: Record<string, HelperFactory> = {
  kronor: kronorHelper,
  tal: talHelper,
  mnkr: mnkrHelper,
  mkr: mkrHelper,
  tkr: tkrHelper,
  miljoner: miljonerHelper,
  antal: antalHelper,
  datum: datumHelper,
  ar: arHelper,
  bilaga: bilagaHelper,
  larosate: larosateHelper,
  larosatelista: larosatelistaHelper,
};

/** Handlebars' built-in block helpers that chapters may use. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'];
