import type { CheckRule } from './check-context.js';
import { appendixFilesRule } from './rules/appendix-files.js';
import { footnotesRule } from './rules/footnotes.js';
import { markdownRule } from './rules/markdown.js';
import { openDataRule } from './rules/open-data.js';
import { proseAmountsRule } from './rules/prose-amounts.js';
import { proseCountsRule } from './rules/prose-counts.js';
import { proseDatesRule } from './rules/prose-dates.js';
import { proseHedgesRule } from './rules/prose-hedges.js';
import { proseSharesRule } from './rules/prose-shares.js';
import { appendicesRule, figuresRule, tablesRule } from './rules/references.js';

/**
 * Every built-in check rule, run in this order. Adding a rule is adding a
 * file and an entry here. A report's own checks are declared in its
 * `data/kontroller.yaml` and run with the model.
 */
export const CHECK_RULES: readonly CheckRule[] = [appendixFilesRule, footnotesRule, appendicesRule, tablesRule, figuresRule, proseAmountsRule, proseSharesRule, proseHedgesRule, proseCountsRule, proseDatesRule, markdownRule, openDataRule];
