import { h } from 'hastscript';
import { groupDigits } from '../../format/swedish.js';
import type { TableSpec } from './table-spec.js';

const amount = (n: number) => h('td', { className: ['num'] }, groupDigits(n));
const amountHeader = (text: string) => h('th', { scope: 'col', className: ['num'] }, text);

/**
 * Tabell: funds per project from the assignment and from the FoU-anslag, row
 * totals, column sums, the agency's own work and the assignment's total, all
 * computed from the rows in data/budget.yaml.
 */
export const budgettabell: TableSpec = {
  name: 'budgettabell',
  csvName: 'budget.csv',
  csvColumns: ['projekt_id', 'projekt', 'medel_regeringsuppdrag', 'fou_anslag', 'totalt'],
  csvRows: (model) => model.computed.rader.map((r) => [r.projekt, r.titel, r.uppdrag, r.fou, r.totalt]),
  table: (model) => {
    const { rader, summa, anvandaUppdragsmedel } = model.computed;
    return h('table', { className: ['data-table', 'budget-table'] }, [
      h('thead', [h('tr', [h('th', { scope: 'col' }, 'Projektbidrag'), amountHeader('Medel regeringsuppdrag'), amountHeader('FoU-anslag'), amountHeader('Totalt')])]),
      h(
        'tbody',
        rader.map((r) => h('tr', [h('th', { scope: 'row' }, r.titel), amount(r.uppdrag), amount(r.fou), amount(r.totalt)])),
      ),
      h('tfoot', [
        h('tr', { className: ['sum'] }, [h('th', { scope: 'row' }, 'Summa projektbidrag'), amount(summa.uppdrag), amount(summa.fou), amount(summa.totalt)]),
        h('tr', [h('th', { scope: 'row' }, `${model.data.rapport.myndighet}s arbete med regeringsuppdraget`), amount(model.data.budget.egetArbete), h('td'), h('td')]),
        h('tr', { className: ['sum'] }, [h('th', { scope: 'row' }, 'Summa medel regeringsuppdrag'), amount(anvandaUppdragsmedel), h('td'), h('td')]),
      ]),
    ]);
  },
};
