import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';

/** Where a numbered table stands: its number in order of appearance, its file and line. */
export interface Placement {
  number: number;
  file: string;
  point: Point;
}

/** Each placed table by key. */
export type Placements = Map<string, Placement>;

/** A chapter or appendix body whose template has been parsed. */
export interface ParsedTemplate {
  file: SourceFile;
  program: hbs.AST.Program;
}

/**
 * Numbers the tables in the order they are placed (`{{> key}}`) across the
 * chapters and then the appendix bodies, before any chapter is expanded, so
 * that `{{tabell "key"}}` can name a table placed further on. A table placed
 * twice is an error at its second place.
 */
export function placeTables(templates: readonly ParsedTemplate[], keys: ReadonlySet<string>, diagnostics: Diagnostics): Placements {
  const placements: Placements = new Map();
  const visit = (node: unknown, file: SourceFile): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, file);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const statement = node as { type?: string; name?: { type?: string; original?: string }; loc?: hbs.AST.SourceLocation; program?: unknown; inverse?: unknown; body?: unknown };
    if (statement.type === 'PartialStatement' && statement.name?.type === 'PathExpression' && statement.name.original && keys.has(statement.name.original)) {
      const key = statement.name.original;
      const point = { line: statement.loc?.start.line ?? 1, column: (statement.loc?.start.column ?? 0) + 1 };
      const first = placements.get(key);
      if (first) diagnostics.error('table-placed-twice', file.path, point, { table: key, first: `${first.file}:${first.point.line}` });
      else placements.set(key, { number: placements.size + 1, file: file.path, point });
    }
    visit(statement.body, file);
    visit(statement.program, file);
    visit(statement.inverse, file);
  };
  for (const t of templates) visit(t.program.body, t.file);
  return placements;
}
