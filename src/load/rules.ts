import type { RuleDeclaration } from '../diagnostics/rule.js';

/** The rules the load stage reports while it reads the report root (load-report.ts, load-profile.ts; `content-empty` in pipeline.ts once the chapters are counted). */
export const LOAD_RULES: readonly RuleDeclaration[] = [{ family: 'files', ids: ['report-root', 'file-too-large', 'file-encoding', 'file-unreadable', 'file-outside', 'content-empty', 'profile-missing'] }];
