import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { FigureFacts } from '../format/figure-text.js';
import { HelperError } from '../format/helpers/helper-error.js';
import type { SourceFile } from '../load/source-file.js';
import type { ExpandEnv } from './expand-env.js';
import type { HelperMention } from './helpers/references.js';
import type { ParsedTemplate } from './placements.js';
import { numberKey } from './number-keys.js';
import { keptProgram, keptTemplate } from './kept-templates.js';
import { checkTemplateScope } from './template-scope.js';
import { strictOptions, syntaxProblem } from '../format/helpers/handlebars.js';

/** Separates the outputs of top-level template statements while rendering. */
const MARK = '\uE000';
/** Characters the build reserves for its own markers; author text may not contain them. */
export const RESERVED = /[\uE000-\uE01F]/;

/** One stretch of the expanded Markdown and where it came from in the author's file. */
interface Piece {
  outStart: number;
  outEnd: number;
  /** Offset in the source where this stretch's text starts. */
  srcStart: number;
  /** True for literal text copied 1:1; false for an expression's output. */
  literal: boolean;
}

/**
 * A chapter after Handlebars: the Markdown to parse, and a map from every
 * offset of that Markdown back to the author's line and column.
 */
export interface ExpandedChapter {
  file: SourceFile;
  markdown: string;
  /** The author's text with every template expression blanked out (same offsets). */
  literalText: string;
  /** Appendix and table mentions made through `{{bilaga "key"}}` and `{{tabell "key"}}`. */
  mentions: HelperMention[];
  /**
   * The stretches of `markdown` that template statements wrote (helpers,
   * blocks, partials), in order; a helper's figure, when it wrote one.
   */
  written: WrittenSpan[];
  /** The author's point for an offset in `markdown`. */
  toSource(offset: number): Point;
  /** The source index of the author's file. */
  index: LineIndex;
}

/** A stretch of the expanded Markdown a template statement wrote. */
export interface WrittenSpan {
  start: number;
  end: number;
  /** The figure a helper wrote here (`{{procent x}}`): its true value and what the text shows. */
  figure?: FigureFacts;
}

/**
 * Parses a chapter's template (its syntax tree is kept between runs). The
 * build's reserved characters and syntax errors are reported at the author's
 * line; returns undefined then.
 */
export function parseTemplate(file: SourceFile, diagnostics: Diagnostics): ParsedTemplate | undefined {
  const index = new LineIndex(file.text);
  const reserved = RESERVED.exec(file.text);
  if (reserved) {
    diagnostics.error('source-reserved-character', file.path, index.point(reserved.index), { code: reserved[0].codePointAt(0)?.toString(16).toUpperCase() ?? '' });
    return undefined;
  }
  try {
    return { file, program: keptProgram(file.text) };
  } catch (error) {
    reportSyntax(error as Error, file, index, diagnostics);
    return undefined;
  }
}

/**
 * A template's syntax error at its place; a path with a number for a part
 * (`utfall.2025`, a year as a key) is named with the way to write it.
 */
export function reportSyntax(error: Error, file: SourceFile, index: LineIndex, diagnostics: Diagnostics): void {
  const line = Number(/on line (\d+)/.exec(error.message)?.[1] ?? 1);
  const key = /got 'NUMBER'/.test(error.message) ? numberKey(file.text, index.offset(line, 1)) : undefined;
  if (key) diagnostics.error('template-syntax.number-key', file.path, index.point(key.offset), { written: key.written, fixed: key.fixed });
  else diagnostics.error('template-syntax', file.path, syntaxPoint(error, file.text, index), syntaxProblem(error));
}

/**
 * Expands a chapter's Handlebars expressions against the data, keeping a map
 * back to the source so Markdown diagnostics point at the author's own line.
 * Template problems (syntax, missing keys, unknown helpers, helper misuse) are
 * reported as diagnostics; returns undefined when the chapter cannot be expanded.
 */
export function expandChapter({ file, program }: ParsedTemplate, env: ExpandEnv, diagnostics: Diagnostics): ExpandedChapter | undefined {
  const index = new LineIndex(file.text);
  const problems = checkTemplateScope(program, env.context, env.helperNames, env.partialNames);
  for (const p of problems) diagnostics.error(p.id, file.path, { line: p.line, column: p.column }, p.params as never);
  if (problems.length) return undefined;

  const statements = program.body;
  const marked: hbs.AST.Statement[] = [];
  for (const statement of statements) {
    marked.push({ type: 'ContentStatement', value: MARK, original: MARK, loc: statement.loc } as unknown as hbs.AST.ContentStatement, statement);
  }
  let output: string;
  env.mentions.length = 0;
  env.figures.length = 0;
  try {
    const template = keptTemplate(env.hb, { ...program, body: marked }, strictOptions(env.helperNames));
    output = template(env.context);
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    if (error instanceof HelperError) {
      const point = error.loc ? { line: error.loc.start.line, column: error.loc.start.column + 1 } : undefined;
      diagnostics.error(error.id, file.path, point, error.params as never);
    } else {
      const point = e.lineNumber ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined;
      const reason = firstLine(e.message).replace(/ - \d+:\d+$/, '');
      diagnostics.error('template-render', file.path, point, { key: /^"([^"]+)" not defined/.exec(reason)?.[1], reason });
    }
    return undefined;
  }
  const mentions = [...env.mentions];

  const outputs = output.split(MARK).slice(1);
  const pieces: Piece[] = [];
  const written: WrittenSpan[] = [];
  let markdown = '';
  const masked = file.text.split('');
  statements.forEach((statement, i) => {
    const text = outputs[i] ?? '';
    const srcStart = index.offset(statement.loc.start.line, statement.loc.start.column + 1);
    if (statement.type === 'ContentStatement') {
      // The typings call `original` strip flags; at runtime it is the unstripped text.
      const content = statement as unknown as { value: string; original: string };
      const skipped = content.original.endsWith(content.value) ? content.original.length - content.value.length : 0;
      pieces.push({ outStart: markdown.length, outEnd: markdown.length + text.length, srcStart: srcStart + skipped, literal: true });
    } else {
      pieces.push({ outStart: markdown.length, outEnd: markdown.length + text.length, srcStart, literal: false });
      const { line, column } = statement.loc.start;
      const figure = statement.type === 'MustacheStatement' ? env.figures.find((f) => f.line === line && f.column === column)?.facts : undefined;
      written.push({ start: markdown.length, end: markdown.length + text.length, ...(figure ? { figure } : {}) });
      const srcEnd = index.offset(statement.loc.end.line, statement.loc.end.column + 1);
      for (let o = srcStart; o < srcEnd; o++) if (masked[o] !== '\n') masked[o] = ' ';
    }
    markdown += text;
  });

  const toSource = (offset: number): Point => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid]?.outStart ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo];
    if (!piece) return index.point(offset);
    return index.point(piece.literal ? piece.srcStart + (offset - piece.outStart) : piece.srcStart);
  };
  return { file, markdown, literalText: masked.join(''), mentions, written, toSource, index };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Handlebars' parse errors name a line; find the column of the last '{{' on it. */
export function syntaxPoint(error: Error, text: string, index: LineIndex): Point | undefined {
  const line = /on line (\d+)/.exec(error.message)?.[1] ?? /- (\d+):(\d+)$/.exec(error.message)?.[1];
  if (!line) return undefined;
  const colMatch = /- \d+:(\d+)$/.exec(error.message);
  if (colMatch?.[1]) return { line: Number(line), column: Number(colMatch[1]) + 1 };
  const n = Number(line);
  const start = index.offset(n, 1);
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end === -1 ? undefined : end);
  const col = lineText.lastIndexOf('{{');
  return { line: n, column: col >= 0 ? col + 1 : 1 };
}
