import type { CheckContext } from '../check/check-context.js';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { LanguageReport } from './check-language.js';

/** Milliseconds spent in each stage (for the benchmark and the preview's log). */
export interface StageTimings {
  load: number;
  parse: number;
  check: number;
  /** The language checks (spelling, sentences, terms, LIX). */
  language: number;
  render?: number;
}

/** The report with its facts checked (load → check), before the language review: enough to print from. */
export interface CheckedFacts {
  diagnostics: Diagnostics;
  context: CheckContext;
  timings: Omit<StageTimings, 'language'>;
}

/** The checked report: every diagnostic, and the model when the data is valid. */
export interface CheckedReport {
  diagnostics: Diagnostics;
  context: CheckContext;
  timings: StageTimings;
  /** Readability per chapter and for the report; undefined without a model. */
  language: LanguageReport | undefined;
}
