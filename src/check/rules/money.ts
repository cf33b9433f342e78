import { groupDigits } from '../../format/swedish.js';
import type { CheckRule } from '../check-context.js';
import { dataPlace } from '../places.js';

/**
 * Money: the assignment's funds equal the project grants from the assignment
 * plus the agency's own work; every total the data states equals the sum it
 * claims; every budget row belongs to a project and every project has a row.
 */
export const moneyRule: CheckRule = {
  ids: ['budget-assignment-funds', 'budget-row-sum', 'budget-column-sum', 'budget-unknown-project', 'budget-missing-project', 'budget-duplicate-row'],
  run(context, diagnostics) {
    const model = context.model;
    if (!model) return;
    const { budget, projekt, uppdrag } = model.data;
    const { summa, uppdragsmedel, anvandaUppdragsmedel } = model.computed;
    const g = groupDigits;

    if (uppdragsmedel !== anvandaUppdragsmedel) {
      const [file, point] = dataPlace(context, 'budget', 'egetArbete');
      const years = uppdrag.medel.map((m) => `${g(m.belopp)} (${m.ar})`).join(' + ');
      diagnostics.error(
        'budget-assignment-funds',
        file,
        point,
        `the assignment's funds ${years} = ${g(uppdragsmedel)} kronor are not what the budget uses: ${g(summa.uppdrag)} to projects + ${g(budget.egetArbete)} own work = ${g(anvandaUppdragsmedel)} kronor (off by ${g(anvandaUppdragsmedel - uppdragsmedel)}); correct the amounts in data/budget.yaml or data/uppdrag.yaml`,
      );
    }

    const projectIds = projekt.map((p) => p.id);
    const seen = new Map<string, number>();
    budget.projekt.forEach((row, i) => {
      if (row.totalt !== undefined && row.totalt !== row.uppdrag + row.fou) {
        const [file, point] = dataPlace(context, 'budget', `projekt[${i}].totalt`);
        diagnostics.error('budget-row-sum', file, point, `row total ${g(row.totalt)} is not ${g(row.uppdrag)} + ${g(row.fou)} (${g(row.uppdrag + row.fou)}): correct it, or delete 'totalt' and let the build compute it`);
      }
      if (!projectIds.includes(row.projekt)) {
        const [file, point] = dataPlace(context, 'budget', `projekt[${i}].projekt`);
        diagnostics.error('budget-unknown-project', file, point, `budget row for '${row.projekt}', which is not a project in data/projekt.yaml (ids: ${projectIds.join(', ')})`);
      }
      const earlier = seen.get(row.projekt);
      if (earlier !== undefined) {
        const [file, point] = dataPlace(context, 'budget', `projekt[${i}].projekt`);
        diagnostics.error('budget-duplicate-row', file, point, `'${row.projekt}' has a second budget row (the first is row ${earlier + 1}): merge them into one`);
      } else {
        seen.set(row.projekt, i);
      }
    });
    projekt.forEach((p, i) => {
      if (!seen.has(p.id)) {
        const [file, point] = dataPlace(context, 'projekt', `[${i}].id`);
        diagnostics.error('budget-missing-project', file, point, `project '${p.id}' has no row in data/budget.yaml: add '- { projekt: ${p.id}, uppdrag: …, fou: … }'`);
      }
    });
    for (const column of ['uppdrag', 'fou', 'totalt'] as const) {
      const stated = budget.summa?.[column];
      if (stated !== undefined && stated !== summa[column]) {
        const [file, point] = dataPlace(context, 'budget', `summa.${column}`);
        diagnostics.error('budget-column-sum', file, point, `stated sum of ${column} ${g(stated)} is not the sum of the rows, ${g(summa[column])} (off by ${g(stated - summa[column])}): correct it, or delete it and let the build compute it`);
      }
    }
  },
};
