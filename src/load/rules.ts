import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the load stage reports while it reads the report root, and once the chapters are counted. */
export const LOAD_RULES: readonly RuleDeclaration[] = [
  { family: 'files', ids: ['report-root', 'file-too-large', 'file-encoding', 'file-unreadable', 'file-outside', 'content-empty'], origin: ['load/load-report.ts'] },
  { family: 'files', ids: ['profile-missing'], origin: ['load/load-profile.ts'] },
];
