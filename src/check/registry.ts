import type { CheckRule } from './check-context.js';

/** Every check rule, run in this order. Adding a rule is adding a file and an entry here. */
export const CHECK_RULES: readonly CheckRule[] = [];
