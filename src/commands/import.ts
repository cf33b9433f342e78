import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, type Diagnostics } from '../diagnostics/diagnostic.js';
import { convertDocx } from '../import/convert.js';
import { findSkipped, openDocx } from '../import/docx-file.js';
import { rootFiles } from '../import/write-root.js';
import { text } from '../messages/catalogue.js';
import type { Lang } from '../messages/message.js';
import { ToolError } from '../messages/tool-error.js';

/** How many of the check's diagnostics the summary shows. */
const FIRST_DIAGNOSTICS = 10;

/**
 * `redovisning import <utkast.docx> <dir>`: writes a new report root from a
 * Word draft (never into a folder that has files), says what it imported
 * and what it could not carry over, then checks the result and shows the
 * first diagnostics to fix. Returns the exit code: 0 imported and clean,
 * 1 imported with errors to fix, 2 nothing written (the file was refused).
 */
export async function importCommand(file: string, dir: string, lang: Lang, say: (line: string) => void): Promise<number> {
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) throw new ToolError('import.not-empty', { target });
  if (existing === undefined && (await stat(target).catch(() => undefined))) throw new ToolError('import.is-file', { target });

  const docx = await openDocx(file);
  const report = await convertDocx(docx);
  const source = path.basename(file);
  const skipped = await findSkipped(docx, report.unmappedStyles);

  // All or nothing: the root is written beside its place and moved there whole.
  const temporary = `${target}.import-${process.pid}`;
  try {
    for (const f of rootFiles(report, source)) {
      await mkdir(path.dirname(path.join(temporary, f.path)), { recursive: true });
      await writeFile(path.join(temporary, f.path), f.content);
    }
    if (existing) await rmdir(target);
    else await mkdir(path.dirname(target), { recursive: true });
    await rename(temporary, target);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }

  say(text(lang, 'import.done', { file: source, target: dir, chapters: report.chapters.length, footnotes: report.footnotes, tables: report.tables.length, images: report.images.length, appendices: report.appendices.length }));
  const h = report.letterhead;
  const facts: [string, unknown][] = [['myndighet', h.agency], ['titel', h.title], ['datum', h.date], ['dnr', h.dnr], ['ertDnr', h.theirDnr], ['mottagare', h.recipients.length ? h.recipients : undefined]];
  say(text(lang, 'import.letterhead', { found: facts.filter(([, v]) => v !== undefined).map(([k]) => k).join(', ') || '–', missing: facts.filter(([, v]) => v === undefined).map(([k]) => k) }));
  if (report.decision) say(text(lang, 'import.decision'));
  for (const t of report.tables) {
    say(text(lang, 'import.table', { key: t.key, caption: t.caption ?? t.key, formats: t.columns.map((c) => `${c.key} ${c.format}`).join(', '), sum: t.sumRow !== undefined }));
    if (t.sumMismatch !== undefined) say(text(lang, 'import.sum-mismatch', { key: t.key, row: t.sumMismatch }));
  }
  if (report.uncaptioned > 0) say(text(lang, 'import.uncaptioned', { count: report.uncaptioned }));
  if (report.unplaced.length > 0) say(text(lang, 'import.unplaced', { lines: report.unplaced }));
  if (skipped.length === 0) say(text(lang, 'import.nothing-skipped'));
  else {
    say(text(lang, 'import.skipped-title'));
    // One line per kind (a field per name): its first place, and how many more there are.
    const groups = new Map<string, { first: (typeof skipped)[number]; more: number }>();
    for (const s of skipped) {
      const key = `${s.kind} ${s.detail ?? ''}`;
      const group = groups.get(key);
      if (group) group.more += 1;
      else groups.set(key, { first: s, more: 0 });
    }
    for (const { first: s, more } of groups.values()) say(text(lang, 'import.skipped', { kind: s.kind, paragraph: s.paragraph, heading: s.heading, snippet: s.snippet, detail: s.detail ?? '', more }));
  }

  const { checkReport } = await import('../pipeline.js');
  const checked = await checkReport(target);
  const diagnostics: Diagnostics = checked.diagnostics;
  const errors = diagnostics.list.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.list.length - errors;
  const list = diagnostics.sorted();
  if (errors === 0) say(text(lang, 'import.check-clean', { warnings }));
  else say(text(lang, 'import.check-errors', { errors, warnings, shown: Math.min(FIRST_DIAGNOSTICS, list.length) }));
  for (const d of (errors === 0 ? list : [...list.filter((d) => d.severity === 'error'), ...list.filter((d) => d.severity !== 'error')]).slice(0, FIRST_DIAGNOSTICS)) say(`  ${formatDiagnostic({ ...d, file: path.join(dir, d.file) }, lang)}`);
  say(text(lang, 'import.next', { dir }));
  return errors === 0 ? 0 : 1;
}
