import type { CheckRule } from './check-context.js';
import { appendixFilesRule, callStatisticsRule, datesRule, identityRule } from './rules/facts.js';
import { footnotesRule } from './rules/footnotes.js';
import { markdownRule } from './rules/markdown.js';
import { moneyRule } from './rules/money.js';
import { proseAmountsRule } from './rules/prose-amounts.js';
import { appendicesRule, tablesRule } from './rules/references.js';

/** Every check rule, run in this order. Adding a rule is adding a file and an entry here. */
export const CHECK_RULES: readonly CheckRule[] = [
  identityRule,
  moneyRule,
  callStatisticsRule,
  datesRule,
  appendixFilesRule,
  footnotesRule,
  appendicesRule,
  tablesRule,
  proseAmountsRule,
  markdownRule,
];
