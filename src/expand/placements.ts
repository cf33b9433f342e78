import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';

/** What a placed key draws: a declared table or a declared figure, each numbered in a series of its own. */
export type PlacedKind = 'tabell' | 'figur';

/** Where a numbered table or figure stands: its number in order of appearance among its kind, its file and line. */
export interface Placement {
  kind: PlacedKind;
  number: number;
  file: string;
  point: Point;
}

/** Each placed table and figure by key. */
export type Placements = Map<string, Placement>;

/** A chapter or appendix body whose template has been parsed. */
export interface ParsedTemplate {
  file: SourceFile;
  program: hbs.AST.Program;
}

/** The placements of one kind, in order of their numbers. */
export function placedOf(placements: Placements, kind: PlacedKind): [string, Placement][] {
  return [...placements].filter(([, p]) => p.kind === kind);
}

/**
 * Numbers the tables and the figures in the order they are placed
 * (`{{> key}}`) across the chapters and then the appendix bodies, before any
 * chapter is expanded, so that `{{tabell "key"}}` and `{{figur "key"}}` can
 * name one placed further on. Tables and figures are numbered separately
 * (Tabell 1, 2 …; Figur 1, 2 …). One placed twice is an error at its second place.
 */
export function placeItems(templates: readonly ParsedTemplate[], kinds: ReadonlyMap<string, PlacedKind>, diagnostics: Diagnostics): Placements {
  const placements: Placements = new Map();
  const counts: Record<PlacedKind, number> = { tabell: 0, figur: 0 };
  const visit = (node: unknown, file: SourceFile): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, file);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const statement = node as { type?: string; name?: { type?: string; original?: string }; loc?: hbs.AST.SourceLocation; program?: unknown; inverse?: unknown; body?: unknown };
    const key = statement.type === 'PartialStatement' && statement.name?.type === 'PathExpression' ? statement.name.original : undefined;
    const kind = key === undefined ? undefined : kinds.get(key);
    if (key !== undefined && kind) {
      const point = { line: statement.loc?.start.line ?? 1, column: (statement.loc?.start.column ?? 0) + 1 };
      const first = placements.get(key);
      const firstAt = first ? `${first.file}:${first.point.line}` : '';
      if (first && kind === 'tabell') diagnostics.error('table-placed-twice', file.path, point, { table: key, first: firstAt });
      else if (first) diagnostics.error('figure-placed-twice', file.path, point, { figure: key, first: firstAt });
      else placements.set(key, { kind, number: ++counts[kind], file: file.path, point });
    }
    visit(statement.body, file);
    visit(statement.program, file);
    visit(statement.inverse, file);
  };
  for (const t of templates) visit(t.program.body, t.file);
  return placements;
}
