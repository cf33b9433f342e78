import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { closest, editDistance } from '../../format/closest.js';
import type { CheckRule } from '../check-context.js';
import { dataPlace } from '../places.js';

/**
 * Call statistics are consistent with each other and with the project list:
 * invited institutions ≥ institutions behind sketches; sketches ≥ invited to
 * apply ≥ full applications ≥ granted; granted = the number of projects.
 */
export const callStatisticsRule: CheckRule = {
  ids: ['call-statistics', 'call-granted-count'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const u = model.data.utlysning;
    const chain: [keyof typeof u, keyof typeof u, string][] = [
      ['inbjudnaLarosaten', 'skisslarosaten', 'more institutions sent sketches than were invited'],
      ['skisser', 'inbjudnaTillAnsokan', 'more sketches were invited to apply than were received'],
      ['inbjudnaTillAnsokan', 'fullstandigaAnsokningar', 'more full applications came in than were invited'],
      ['fullstandigaAnsokningar', 'beviljade', 'more projects were granted than applied'],
      ['beviljade', 'slutrapporterade', 'more projects have reported than were granted'],
    ];
    for (const [larger, smaller, why] of chain) {
      if ((u[smaller] as number) > (u[larger] as number)) {
        const [file, point] = dataPlace(context, 'utlysning', smaller);
        diagnostics.error('call-statistics', file, point, `${smaller} (${u[smaller] as number}) is greater than ${larger} (${u[larger] as number}): ${why}; correct one of them`);
      }
    }
    if (u.beviljade !== model.data.projekt.length) {
      const [file, point] = dataPlace(context, 'utlysning', 'beviljade');
      diagnostics.error('call-granted-count', file, point, `beviljade is ${u.beviljade} but data/projekt.yaml lists ${model.data.projekt.length} projects: the two must agree`);
    }
  },
};

/** Dates fall inside the assignment: meetings between the decision and the due date; the call's timeline after the decision. */
export const datesRule: CheckRule = {
  ids: ['date-outside-assignment'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const start = model.data.uppdrag.beslut;
    const due = model.data.uppdrag.redovisasSenast;
    // Compare by prefix so a month (2018-02) contains its days.
    const before = (a: string, b: string): boolean => a.slice(0, Math.min(a.length, b.length)) < b.slice(0, Math.min(a.length, b.length));
    model.data.dialogmoten.forEach((m, i) => {
      if (before(m.datum, start) || before(due, m.datum)) {
        const [file, point] = dataPlace(context, 'dialogmoten', `[${i}].datum`);
        diagnostics.error('date-outside-assignment', file, point, `meeting '${m.id}' on ${m.datum} is outside the assignment (${start} to ${due}): check the date`);
      }
    });
    for (const [key, date] of Object.entries(model.data.utlysning.tidslinje)) {
      if (before(date, start)) {
        const [file, point] = dataPlace(context, 'utlysning', `tidslinje.${key}`);
        diagnostics.error('date-outside-assignment', file, point, `tidslinje.${key} (${date}) is before the assignment was given (${start}): check the date`);
      }
    }
    if (before(model.data.rapport.datum, start)) {
      const [file, point] = dataPlace(context, 'rapport', 'datum');
      diagnostics.error('date-outside-assignment', file, point, `the report's date ${model.data.rapport.datum} is before the assignment was given (${start})`);
    }
  },
};

/** A name folded for comparison: lower case, no diacritics, no genitive s, single spaces. */
function fold(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/s$/, ''))
    .join(' ');
}

/**
 * Ids are unique and references by id resolve: projects' institutions,
 * appendix keys; institution names that differ only by case, a genitive s or
 * a letter (`Lund Universitet` / `Lunds universitet`) are flagged.
 */
export const identityRule: CheckRule = {
  ids: ['id-duplicate', 'project-unknown-institution', 'institution-near-duplicate'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const lists = [
      ['projekt', model.data.projekt.map((p) => p.id), 'id'],
      ['larosaten', model.data.larosaten.map((l) => l.id), 'id'],
      ['dialogmoten', model.data.dialogmoten.map((m) => m.id), 'id'],
      ['bilagor', model.data.bilagor.map((b) => b.nyckel), 'nyckel'],
    ] as const;
    for (const [name, ids, field] of lists) {
      const firstIndex = new Map<string, number>();
      ids.forEach((id, i) => {
        const first = firstIndex.get(id) ?? i;
        firstIndex.set(id, first);
        if (first !== i) {
          const [file, point] = dataPlace(context, name, `[${i}].${field}`);
          diagnostics.error('id-duplicate', file, point, `${field} '${id}' is used twice in data/${name}.yaml (first at entry ${first + 1}): ids must be unique`);
        }
      });
    }
    const institutionIds = model.data.larosaten.map((l) => l.id);
    const knownInstitutions = new Set(institutionIds);
    model.data.projekt.forEach((p, i) => {
      const refs: [string, string][] = [[p.koordinator, `[${i}].koordinator`], ...p.medverkande.map((m, j): [string, string] => [m, `[${i}].medverkande[${j}]`])];
      for (const [id, at] of refs) {
        if (!knownInstitutions.has(id)) {
          const hint = closest(id, institutionIds);
          const [file, point] = dataPlace(context, 'projekt', at);
          diagnostics.error('project-unknown-institution', file, point, `'${id}' is not an institution in data/larosaten.yaml${hint ? `; did you mean '${hint}'?` : ': add it there'}`);
        }
      }
    });
    // Names within one edit of each other share a one-deletion variant
    // (symmetric delete), so near-duplicates are found without comparing every pair.
    const byVariant = new Map<string, number[]>();
    model.data.larosaten.forEach((l, i) => {
      const name = fold(l.namn);
      const variants = new Set([name, ...Array.from({ length: name.length }, (_, k) => name.slice(0, k) + name.slice(k + 1))]);
      const reported = new Set<number>();
      for (const variant of variants) {
        for (const j of byVariant.get(variant) ?? []) {
          if (reported.has(j) || editDistance(name, fold(model.data.larosaten[j]?.namn ?? '')) > 1) continue;
          reported.add(j);
          const [file, point] = dataPlace(context, 'larosaten', `[${i}].namn`);
          diagnostics.error('institution-near-duplicate', file, point, `'${l.namn}' looks like '${model.data.larosaten[j]?.namn}' (entry ${j + 1}): if they are the same institution keep one entry and refer to it by its id`);
        }
        byVariant.set(variant, [...(byVariant.get(variant) ?? []), i]);
      }
    });
  },
};

/**
 * Appendix bodies and PDFs named in the register exist inside the report
 * root; an appendix with neither is a warning (its page says it is
 * submitted separately).
 */
export const appendixFilesRule: CheckRule = {
  ids: ['appendix-file-missing', 'appendix-path-outside', 'appendix-no-body'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    model.data.bilagor.forEach((b, i) => {
      if (!b.innehall && !b.pdf) {
        const [file, point] = dataPlace(context, 'bilagor', `[${i}]`);
        diagnostics.warn('appendix-no-body', file, point, `bilaga ${i + 1} (${b.titel}) has no body: its page will say it is submitted separately; add 'innehall: <file>.md' or 'pdf: <file>.pdf' to include it`);
      }
      if (b.innehall && !context.sources.extraContent.has(b.innehall)) {
        const [file, point] = dataPlace(context, 'bilagor', `[${i}].innehall`);
        const inside = path.resolve(context.sources.root, 'content', b.innehall).startsWith(path.join(context.sources.root, 'content') + path.sep);
        diagnostics.error(inside ? 'appendix-file-missing' : 'appendix-path-outside', file, point, inside ? `content/${b.innehall} does not exist: create it or correct the path (relative to content/)` : `'${b.innehall}' points outside content/: appendix bodies must live under content/`);
      }
      if (b.pdf) {
        // Follow symbolic links: a link inside the report may point anywhere.
        const literal = path.resolve(context.sources.root, b.pdf);
        const resolved = existsSync(literal) ? realpathSync(literal) : literal;
        const [file, point] = dataPlace(context, 'bilagor', `[${i}].pdf`);
        if (!resolved.startsWith(context.sources.root + path.sep)) {
          diagnostics.error('appendix-path-outside', file, point, `'${b.pdf}' points outside the report root: attach only PDFs inside the report's folder`);
        } else if (!existsSync(resolved)) {
          diagnostics.error('appendix-file-missing', file, point, `${b.pdf} does not exist: put the PDF in the report's folder or correct the path (relative to the report root)`);
        }
      }
    });
  },
};
